"""The reference article in a real browser: valid HTML (Nu checker) and accessible (axe)."""

import pytest

from tests.browser import axe_problems, served_html, vnu_problems

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
    served = served_html(
        page, live_server.url + reference_article.url, tmp_path / "article.html"
    )
    assert vnu_problems([served]) == []


def test_reference_article_has_no_axe_violation(live_server, reference_article, page):
    page.goto(live_server.url + reference_article.url)
    assert axe_problems(page, "reference article") == []


def test_breadcrumb_links_navigate_in_the_browser(live_server, reference_article, page):
    page.goto(live_server.url + reference_article.url)
    page.get_by_role("navigation", name="Fil d’Ariane").get_by_role(
        "link", name="Politique"
    ).click()
    assert page.url == live_server.url + "/politique/"
    assert page.get_by_role("heading", level=1).inner_text() == "Politique"
