"""Alert banner: one shared endpoint per edition, shown by every page, gone at expiry."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from manchette.core.pagecache import cache_tags
from manchette.news.models import Alert
from tests.factories import ArticlePageFactory
from tests.news.pagecache_probe import purged_tags

pytestmark = pytest.mark.django_db


def alert_add(minutes=30, **kwargs):
    return Alert.objects.create(
        text=kwargs.pop("text", "Séisme ressenti à Al Haouz : suivez notre direct"),
        link=kwargs.pop("link", "/politique/"),
        locale=Locale.get_default(),
        expires_at=timezone.now() + timedelta(minutes=minutes),
        **kwargs,
    )


def test_endpoint_returns_the_current_alert(client, home):
    alert = alert_add()

    response = client.get("/alerte/fr.json")

    data = response.json()["alert"]
    assert data["text"] == alert.text
    assert data["link"] == "/politique/"
    assert data["label"] == "Dernière minute"
    assert "alert" in cache_tags(response.wsgi_request)
    assert "public" in response["Cache-Control"]


def test_endpoint_is_empty_without_alert(client, home):
    assert client.get("/alerte/fr.json").json() == {"alert": None}


def test_expired_alert_is_not_served(client, home):
    alert_add(minutes=-1)
    assert client.get("/alerte/fr.json").json() == {"alert": None}


def test_shared_copy_never_outlives_the_alert(client, home):
    alert_add(minutes=0.25)
    max_age = int(client.get("/alerte/fr.json")["Cache-Control"].split("max-age=")[1])
    assert max_age <= 15


def test_unknown_edition_is_a_404(client, home):
    assert client.get("/alerte/xx.json").status_code == 404


def test_saving_an_alert_invalidates_the_endpoint_only(home):
    assert purged_tags(alert_add) == {"alert"}


def test_every_page_carries_the_banner_placeholder(client, section):
    article = ArticlePageFactory(section=section)
    for url in ("/", section.url, article.url, "/corrections/"):
        html = client.get(url).content.decode()
        assert 'data-alert-url="/alerte/fr.json"' in html, url


def test_admin_refuses_a_javascript_link(client, home):
    admin = get_user_model().objects.create_superuser("admin", password="motdepasse")
    client.force_login(admin)

    response = client.post(
        "/admin/alertes/new/",
        {
            "kind": "breaking",
            "locale": Locale.get_default().pk,
            "text": "Texte",
            "link": "javascript:alert(1)",
            "expires_at": (timezone.localtime() + timedelta(hours=1)).strftime(
                "%Y-%m-%d %H:%M"
            ),
        },
    )

    assert response.status_code == 200
    assert "link" in response.context["form"].errors
    assert not Alert.objects.exists()
