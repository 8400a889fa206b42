"""The reference article in a real browser: valid HTML (Nu checker) and accessible (axe)."""

import pytest

from tests.browser_checks import AXE_TAGS, vnu_errors

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]


def test_reference_article_passes_the_nu_html_checker(
    live_server, reference_article, page, tmp_path
):
    page.goto(live_server.url + reference_article.url)
    html = page.content()
    assert "Temps de lecture : 3 minutes" in html
    path = tmp_path / "page.html"
    path.write_text(
        page.request.get(live_server.url + reference_article.url).text(),
        encoding="utf-8",
    )
    errors = vnu_errors([path])
    assert errors == [], [
        (e.get("lastLine"), e["message"], e.get("extract")) for e in errors
    ]


def test_reference_article_has_no_axe_violation(live_server, reference_article, page):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + reference_article.url)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}},
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
