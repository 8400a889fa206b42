"""Lighthouse 12 (mobile preset) on the home, article, section and search pages,
plus the article page's weight (HTML, CSS, JS, fonts) on a first visit.

Usage, against `make serve` (or any running site):
    npm i -E lighthouse@12.2.3 --prefix /tmp/lh
    CHROME_PATH=/usr/bin/chromium .venv/bin/python bench/lighthouse.py \\
        --lighthouse /tmp/lh/node_modules/.bin/lighthouse --base http://127.0.0.1:8000

Prints one Markdown table row per page: the four category scores, CLS, LCP and
the transferred bytes by resource type.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WEIGHED = ("Document", "Stylesheet", "Script", "Font")


def discover(base: str) -> dict[str, str]:
    import re

    home = urlopen(base + "/").read().decode()
    section = re.search(r'<nav class="site-nav".*?href="([^"]+)"', home, re.S).group(1)
    # The lead story's link (or, on the older design, the first card's).
    article = re.search(
        r'class="(?:story__title|card__title)"><a href="([^"]+)"', home
    ).group(1)
    return {
        "home": base + "/",
        "article": urljoin(base + "/", article),
        "section": urljoin(base + "/", section),
        "search": base + "/recherche/?q=eau",
    }


def run(lighthouse: str, url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                lighthouse,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--chrome-flags=--headless --no-sandbox",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            check=True,
            env={
                **os.environ,
                "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
            },
            timeout=300,
        )
        return json.loads(out.read_text())


def summary(report: dict) -> dict:
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    weights = dict.fromkeys(WEIGHED, 0)
    for item in audits["network-requests"]["details"]["items"]:
        kind = item.get("resourceType")
        if kind in weights:
            weights[kind] += item.get("transferSize", 0)
    failed = [
        ref["id"]
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and audits[ref["id"]].get("score") is not None
        and audits[ref["id"]]["score"] < 1
    ]
    return {
        **scores,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "bytes": weights,
        "failed": failed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--lighthouse", default="lighthouse")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    print(
        "| page | perf | a11y | best practices | SEO | CLS | LCP | HTML+CSS+JS+fonts (JS) | below 100 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, url in discover(base).items():
        result = summary(run(args.lighthouse, url))
        weights = result["bytes"]
        total = sum(weights.values())
        print(
            f"| {name} | {result['performance']} | {result['accessibility']} | "
            f"{result['best-practices']} | {result['seo']} | {result['cls']:.3f} | "
            f"{result['lcp_ms'] / 1000:.1f} s | {total / 1024:.0f} KB "
            f"({weights['Script'] / 1024:.1f} KB; fonts {weights['Font'] / 1024:.0f} KB) | "
            f"{', '.join(result['failed'][:6])} |"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
