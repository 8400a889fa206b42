"""Write a full-page PNG of every reader page type at 390 and 1,366 px wide.

Usage (against a running site, e.g. `make run`):
    .venv/bin/python bench/screenshots.py [--base http://127.0.0.1:8000] [--out var/screenshots]

The page addresses are found from the home page (first section, article, tag,
author, footer page), so the script works on any seeded site.
"""

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import sync_playwright

WIDTHS = (390, 1366)


def discover(page, base: str, edition: str = "") -> dict[str, str]:
    """Return {name: url} of one page of each type of an edition ("" for French,
    "ar", "en"), found by following links from its home page.
    """
    prefix = f"/{edition}" if edition else ""
    page.goto(base + prefix + "/")
    urls = {"home": base + prefix + "/"}

    def first(selector: str) -> str | None:
        link = page.locator(selector).first
        return urljoin(base + "/", link.get_attribute("href")) if link.count() else None

    urls["section"] = first(".site-nav a")
    urls["article"] = first(".story--lead .story__title a")
    urls["footer-page"] = first(".site-footer__col a[href*='a-propos']") or first(
        ".site-footer__col:nth-of-type(2) a"
    )
    page.goto(urls["article"])
    urls["tag"] = first(".tags a")
    urls["author"] = first(".article__byline a")
    words = re.findall(r"\w{6,}", page.locator("h1").inner_text())
    urls["search"] = f"{base}{prefix}/recherche/?q={words[0] if words else 'maroc'}"
    urls["newsletter"] = base + prefix + "/newsletter/"
    urls["404"] = base + prefix + "/cette-page-n-existe-pas/"
    return {name: url for name, url in urls.items() if url}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/screenshots")
    parser.add_argument("--dark", action="store_true", help="also in dark mode")
    parser.add_argument(
        "--edition", default="", help="ar or en for that edition (default: French)"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    schemes = ["light", "dark"] if args.dark else ["light"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        urls = discover(context.new_page(), args.base.rstrip("/"), args.edition)
        for scheme in schemes:
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900},
                    color_scheme=scheme,
                    device_scale_factor=1,
                )
                page = context.new_page()
                for name, url in urls.items():
                    page.goto(url, wait_until="networkidle")
                    # Load the lazy images below the fold before the full-page shot.
                    page.evaluate(
                        "document.querySelectorAll('img[loading=lazy]')"
                        ".forEach(img => img.loading = 'eager')"
                    )
                    page.wait_for_load_state("networkidle")
                    suffix = ("" if scheme == "light" else "-dark") + (
                        f"-{args.edition}" if args.edition else ""
                    )
                    path = out / f"{name}-{width}{suffix}.png"
                    page.screenshot(path=str(path), full_page=True)
                    height = page.evaluate("document.documentElement.scrollHeight")
                    print(f"{path}  {height} px tall  {url}")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
