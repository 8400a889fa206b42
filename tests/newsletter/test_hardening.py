"""Hostile newsletter input: NUL tokens, repeated sign-ups for a pending address."""

from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.mark.parametrize("token", ["abc%00def", "%00", "a%00" + "b" * 30, "é%C3"])
def test_nul_or_odd_unsubscribe_token_is_a_404_not_a_500(client, section, token):
    Subscriber.objects.create(email="a@example.com", status="active")
    path = f"/newsletter/desinscription/{token}/"
    assert client.get(path).status_code == 404
    response = client.post(
        path, ONE_CLICK, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 404
    assert Subscriber.objects.get().status == "active"


def signup(client, email):
    return client.post(
        "/newsletter/inscription/",
        {"email": email, "consent": "on"},
        HTTP_ORIGIN="http://testserver",
    )


def test_repeated_signups_send_one_confirmation_per_interval(
    client, section, smtp_sink, settings
):
    settings.MANCHETTE_NEWSLETTER_CONFIRM_EVERY_HOURS = 6
    for _ in range(5):
        assert signup(client, "cible@example.com").status_code == 200
    assert len(smtp_sink.to("cible@example.com")) == 1
    # After the interval, a new sign-up sends a new link.
    Subscriber.objects.filter(email="cible@example.com").update(
        consent_at=timezone.now() - timedelta(hours=7)
    )
    assert signup(client, "cible@example.com").status_code == 200
    assert len(smtp_sink.to("cible@example.com")) == 2
