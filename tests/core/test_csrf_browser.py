"""A form on a page served from Varnish passes CSRF in a real browser (csrf.js
fills the token)."""

import urllib.request

import pytest

from tests.conftest import CHROMIUM_ARGS
from tests.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


def test_newsletter_form_on_a_cached_article_passes_csrf(varnish_front, section):
    sync_api = pytest.importorskip("playwright.sync_api")
    article = ArticlePageFactory()
    url = varnish_front.url + article.url
    urllib.request.urlopen(url, timeout=10).close()
    with urllib.request.urlopen(url, timeout=10) as cached:
        assert cached.headers["X-Cache"] == "HIT"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.goto(url)
            token = page.locator(
                ".newsletter-box__form input[name=csrfmiddlewaretoken]"
            )
            assert token.input_value() == ""
            page.fill("#newsletter-email", "lectrice@example.org")
            page.check(".newsletter-box__form input[name=consent]")
            # Focusing the form made csrf.js fetch a token for this reader.
            page.wait_for_function(
                "document.querySelector('.newsletter-box__form input[name=csrfmiddlewaretoken]').value !== ''"
            )
            with page.expect_navigation():
                page.click(".newsletter-box__form button[type=submit]")
            text = page.content()
            assert "Si cette adresse peut recevoir la newsletter" in text
            assert "CSRF" not in text
            assert "403" not in page.title()
        finally:
            browser.close()
