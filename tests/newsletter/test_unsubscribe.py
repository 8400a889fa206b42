import pytest

from manchette.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture
def subscriber(section):
    return Subscriber.objects.create(email="a@example.com", status="active")


def url(subscriber):
    return f"/newsletter/desinscription/{subscriber.token}/"


def post(client, path, body):
    return client.post(path, body, content_type="application/x-www-form-urlencoded")


def test_get_only_shows_a_button(client, subscriber):
    response = client.get(url(subscriber))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Me désinscrire" in html
    assert 'name="List-Unsubscribe" value="One-Click"' in html
    assert "a@example.com" not in html
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


def test_one_click_post_unsubscribes_without_cookie_csrf_or_redirect(subscriber):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = post(client, url(subscriber), ONE_CLICK)
    assert response.status_code == 200
    assert "Vous êtes désinscrit" in response.content.decode()
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert subscriber.unsubscribed_at


def test_one_click_as_multipart_form_works(client, subscriber):
    response = client.post(url(subscriber), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


@pytest.mark.parametrize(
    "body",
    ["", "List-Unsubscribe=Two-Clicks", "unsubscribe=yes", "x" * 10_000],
)
def test_wrong_body_changes_nothing(client, subscriber, body):
    response = post(client, url(subscriber), body)
    assert response.status_code == 400
    assert "incorrecte" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


@pytest.mark.parametrize("token", ["inconnu", "x" * 300])
def test_unknown_token_changes_nothing(client, subscriber, token):
    path = f"/newsletter/desinscription/{token}/"
    assert client.get(path).status_code == 404
    response = post(client, path, ONE_CLICK)
    assert response.status_code == 404
    assert "inconnu" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


def test_unsubscribing_twice_says_done(client, subscriber):
    post(client, url(subscriber), ONE_CLICK)
    assert post(client, url(subscriber), ONE_CLICK).status_code == 200
