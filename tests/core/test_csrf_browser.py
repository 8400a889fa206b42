"""A form on a cached page passes CSRF in a real browser (csrf.js fills the token)."""

import pytest
from django.test import Client

from tests.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def test_newsletter_form_on_a_cached_article_passes_csrf(live_server, section):
    sync_api = pytest.importorskip("playwright.sync_api")
    article = ArticlePageFactory()
    warm = Client()
    warm.get(article.url)
    assert warm.get(article.url)["X-Page-Cache"] == "hit"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.goto(live_server.url + article.url)
            token = page.locator(
                ".newsletter-box__form input[name=csrfmiddlewaretoken]"
            )
            assert token.input_value() == ""
            page.fill("#newsletter-email", "lectrice@example.org")
            with page.expect_navigation():
                page.click(".newsletter-box__form button[type=submit]")
            text = page.content()
            assert "CSRF" not in text
            assert "403" not in page.title()
        finally:
            browser.close()
