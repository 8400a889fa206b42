"""Breaking news in Chromium: the alert banner on every page type, gone at expiry,
and a live blog picking up new updates without a reload."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale

from manchette.news.models import Alert, LiveBlogPage, LiveUpdate
from tests.factories import ArticlePageFactory, section_get

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.usefixtures("wagtail_base_data"),
]


def alert_add(seconds):
    return Alert.objects.create(
        text="Coupure d’électricité à Casablanca",
        link="/politique/",
        locale=Locale.get_default(),
        expires_at=timezone.now() + timedelta(seconds=seconds),
    )


def test_alert_shows_on_every_page_type_then_goes_at_expiry(live_server, page):
    section = section_get("politique", "Politique")
    article = ArticlePageFactory(section=section)
    alert = alert_add(3600)
    banner = page.locator(".alert-banner")

    for url in ("/", section.url, article.url, "/corrections/"):
        page.goto(live_server.url + url)
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("Coupure d’électricité à Casablanca")
        expect(banner.get_by_role("link")).to_have_attribute("href", "/politique/")

    alert.expires_at = timezone.now() - timedelta(seconds=1)
    alert.save()
    for url in ("/", article.url):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        expect(banner).to_be_hidden()


def test_alert_disappears_at_expiry_without_a_reload(live_server, page):
    section_get("politique", "Politique")
    alert_add(4)
    banner = page.locator(".alert-banner")

    page.goto(live_server.url + "/")

    expect(banner).to_be_visible()
    expect(banner).to_be_hidden(timeout=8000)


def test_reader_page_picks_up_new_updates_without_a_reload(live_server, page):
    section = section_get("politique", "Politique")
    live = LiveBlogPage(
        title="Soirée électorale", slug="soiree", summary="Les résultats en direct."
    )
    section.add_child(instance=live)
    live.save_revision().publish()
    first = LiveUpdate.objects.create(
        page=live, body=[{"type": "paragraph", "value": "<p>Ouverture du direct</p>"}]
    )
    page.goto(live_server.url + live.url)
    expect(page.locator(f"#maj-{first.pk}")).to_be_visible()
    button = page.locator(".live-updates__new")
    expect(button).to_be_hidden()

    for text in ("Premier bureau dépouillé", "Deuxième bureau dépouillé"):
        LiveUpdate.objects.create(
            page=live, body=[{"type": "paragraph", "value": f"<p>{text}</p>"}]
        )

    # Nothing moves until the reader asks: a button counts the new updates.
    expect(button).to_have_text("2 nouvelles mises à jour", timeout=15000)
    expect(page.get_by_text("Premier bureau dépouillé")).to_have_count(0)
    button.click()
    items = page.locator(".live-update")
    expect(items).to_have_count(3)
    expect(items.first).to_contain_text("Deuxième bureau dépouillé")
    expect(button).to_be_hidden()
