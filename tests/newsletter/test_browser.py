"""A real Chromium signs up from the box of an article page (no CSRF token in the
box: the browser's Origin header is what the view checks).
"""

import pytest

from manchette.newsletter.models import Subscriber
from tests.conftest import CHROMIUM_ARGS
from tests.factories import ArticlePageFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_reader_signs_up_from_the_article_box(live_server, smtp_sink, settings):
    from playwright.sync_api import sync_playwright

    from manchette.news.services import site_ensure

    site_ensure()
    article = ArticlePageFactory(title="Un article à lire")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.goto(live_server.url + article.url)
            page.fill("#newsletter-email", "navigateur@example.com")
            page.click("button:has-text('Je m’inscris')")
            # The consent box is required: the browser itself refuses to submit.
            assert not Subscriber.objects.exists()
            page.check("input[name=consent]")
            page.click("button:has-text('Je m’inscris')")
            page.wait_for_selector("text=Vérifiez votre boîte de réception")
        finally:
            browser.close()
    assert Subscriber.objects.get().email == "navigateur@example.com"
    assert len(smtp_sink.to("navigateur@example.com")) == 1
