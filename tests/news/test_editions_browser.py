"""The Arabic and English editions of the demo in Debian's Chromium: every page
type at 320, 390 and 1,366 px wide without horizontal overflow, no axe
violation, valid HTML (Nu checker), and the right language and direction.

One demo site, one browser and one tab serve every check (building the site is
the slow part); the problems are collected and reported together.
"""

import pytest

from tests.browser import axe_problems, overflow_problems, served_html, vnu_problems

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]

WIDTHS = (320, 390, 1366)
DIRECTIONS = {"ar": "rtl", "en": "ltr"}


def test_editions_in_chromium(live_server, page, editions_demo, tmp_path):
    base = live_server.url
    problems, files = [], []
    for code, urls in editions_demo.items():
        for name, url in urls.items():
            label = f"{code} {name}"
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                page.goto(base + url)
                problems += overflow_problems(page, f"{label} at {width}px")
            html = page.locator("html")
            if (html.get_attribute("lang"), html.get_attribute("dir")) != (
                code,
                DIRECTIONS[code],
            ):
                problems.append(f"{label}: <html lang/dir> is not {code}")
            problems += axe_problems(page, label)
            path = tmp_path / f"{code}-{name.replace(' ', '-')}.html"
            files.append(served_html(page, base + url, path))
    problems += vnu_problems(files)
    assert not problems, "\n".join(problems)
