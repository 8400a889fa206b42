import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client

from manchette.newsletter.models import Subscriber
from manchette.newsletter.services import CONFIRM_SALT, confirm_token
from tests.factories import ArticlePageFactory
from tests.newsletter.conftest import text_part

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
NEUTRAL = "Si cette adresse peut recevoir la newsletter"


def signup(client, email="lecteur@example.com", consent="on", **extra):
    data = {"email": email}
    if consent:
        data["consent"] = consent
    return client.post("/newsletter/inscription/", data, **{**ORIGIN, **extra})


def confirm_link(sink, address) -> str:
    (received,) = sink.to(address)
    body = text_part(received["msg"])
    return re.search(r"https?://\S+/newsletter/confirmer/\S+/", body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_article_box_has_consent_and_nothing_per_visitor(client, section):
    article = ArticlePageFactory()
    response = client.get(article.url)
    html = response.content.decode()
    box = html[html.index('class="newsletter-box"') :]
    assert 'name="consent"' in box
    assert 'action="/newsletter/inscription/"' in box
    # The token field is empty (static/js/csrf.js fills it): nothing per visitor.
    assert 'name="csrfmiddlewaretoken" value=""' in box
    assert "csrftoken" not in response.cookies


def test_signup_sends_a_link_that_confirms(client, section, smtp_sink):
    response = signup(client)
    assert response.status_code == 200
    assert NEUTRAL in response.content.decode()
    assert "lecteur@example.com" not in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    link = confirm_link(smtp_sink, "lecteur@example.com")
    page = Client().get(path_of(link))
    assert page.status_code == 200
    assert "Inscription confirmée" in page.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.consent_at
    assert subscriber.confirmed_at


def test_signup_page_form_works_with_its_csrf_token(section, smtp_sink):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/newsletter/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="consent"' in html
    # A shared page: its token field is empty, and static/js/csrf.js fills it
    # from the token endpoint, as done here.
    assert re.search(r'name="csrfmiddlewaretoken" value=""', html)
    token = client.get("/csrf/").json()["token"]
    response = client.post(
        "/newsletter/inscription/",
        {"email": "page@example.com", "consent": "on", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert len(smtp_sink.to("page@example.com")) == 1


def test_cross_site_post_without_token_is_refused(section, smtp_sink):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/newsletter/inscription/",
        {"email": "victime@example.com", "consent": "on"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert "n’a pas pu être vérifiée" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp_sink.messages == []


def test_same_answer_whether_or_not_already_subscribed(client, section, smtp_sink):
    Subscriber.objects.create(email="deja@example.com", status="active")
    known = signup(client, "deja@example.com")
    unknown = signup(client, "nouveau@example.com")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert smtp_sink.to("deja@example.com") == []
    assert Subscriber.objects.get(email="deja@example.com").status == "active"


def test_resubscribing_after_unsubscribing_works(client, section, smtp_sink):
    subscriber = Subscriber.objects.create(
        email="retour@example.com", status="unsubscribed"
    )
    signup(client, "retour@example.com")
    assert Subscriber.objects.get(pk=subscriber.pk).status == "unsubscribed"
    Client().get(path_of(confirm_link(smtp_sink, "retour@example.com")))
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    assert subscriber.unsubscribed_at is None


def test_consent_is_required(client, section, smtp_sink):
    response = signup(client, consent=None)
    assert response.status_code == 400
    assert "Cochez la case" in response.content.decode()
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "address",
    [
        "pas-une-adresse",
        "a@example.com\nBcc: victime@example.com",
        "a@example.com\r\nSubject: spam",
        "a@example.com, b@example.com",
        "a@example.com;b@example.com",
        "<a@example.com>",
        "x" * 10_000 + "@example.com",
        "",
    ],
)
def test_bad_addresses_are_refused_and_not_echoed(client, section, smtp_sink, address):
    response = signup(client, address)
    assert response.status_code == 400
    html = response.content.decode()
    assert "adresse e-mail" in html
    if address:
        assert address not in html
    assert not Subscriber.objects.exists()
    assert smtp_sink.messages == []


def test_too_many_signups_from_one_client_are_refused(client, section, settings):
    settings.MANCHETTE_NEWSLETTER_SIGNUPS_PER_HOUR = 2
    assert signup(client, "un@example.com").status_code == 200
    assert signup(client, "deux@example.com").status_code == 200
    response = signup(client, "trois@example.com")
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="trois@example.com").exists()


def test_forged_token_changes_nothing(client, section):
    subscriber = Subscriber.objects.create(email="f@example.com")
    token = confirm_token(subscriber)
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for bad in [forged, "n-importe-quoi", "x" * 5000]:
        response = client.get(f"/newsletter/confirmer/{bad}/")
        assert response.status_code == 400
        assert "n’est pas valable" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_token_signed_for_another_subscriber_nonce_is_refused(client, section):
    subscriber = Subscriber.objects.create(email="n@example.com")
    token = signing.dumps({"s": subscriber.pk, "n": "devine"}, salt=CONFIRM_SALT)
    assert client.get(f"/newsletter/confirmer/{token}/").status_code == 400
    assert Subscriber.objects.get().status == "pending"


def test_expired_token_changes_nothing(client, section, monkeypatch):
    subscriber = Subscriber.objects.create(email="e@example.com")
    # A token signed four days ago (the link lasts three).
    real = time.time
    monkeypatch.setattr(
        time, "time", lambda: real() - timedelta(days=4).total_seconds()
    )
    expired = confirm_token(subscriber)
    monkeypatch.setattr(time, "time", real)
    response = client.get(f"/newsletter/confirmer/{expired}/")
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_reused_token_is_refused(client, section):
    subscriber = Subscriber.objects.create(email="r@example.com")
    token = confirm_token(subscriber)
    assert client.get(f"/newsletter/confirmer/{token}/").status_code == 200
    Subscriber.objects.filter(pk=subscriber.pk).update(status="unsubscribed")
    response = client.get(f"/newsletter/confirmer/{token}/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == "unsubscribed"
