"""Every rate limit keys on the reader's address behind MANCHETTE_TRUSTED_PROXIES."""

import pytest
from django.test import RequestFactory

from manchette.core.clients import client_ip
from manchette.newsletter.models import ArticleReadCount
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def behind_proxy(reader: str) -> dict:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": reader}


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client wrote 6.6.6.6
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (1, "not-an-address", PROXY),
        (2, "203.0.113.9", PROXY),
    ],
)
def test_client_ip(settings, trusted, forwarded, expected):
    settings.MANCHETTE_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", **behind_proxy(forwarded))
    assert client_ip(request) == expected


def test_signup_limit_counts_each_reader_behind_the_proxy(client, section, settings):
    settings.MANCHETTE_TRUSTED_PROXIES = 1
    settings.MANCHETTE_NEWSLETTER_SIGNUPS_PER_HOUR = 2
    origin = {"HTTP_ORIGIN": "http://testserver"}

    def signup(email, reader):
        return client.post(
            "/newsletter/inscription/",
            {"email": email, "consent": "on"},
            **origin,
            **behind_proxy(reader),
        ).status_code

    assert signup("a@example.com", "203.0.113.1") == 200
    assert signup("b@example.com", "203.0.113.1") == 200
    assert signup("c@example.com", "203.0.113.1") == 429
    # Another reader through the same proxy is not blocked.
    assert signup("d@example.com", "203.0.113.2") == 200


def test_read_beacon_counts_each_reader_behind_the_proxy(client, section, settings):
    settings.MANCHETTE_TRUSTED_PROXIES = 1
    settings.MANCHETTE_READS_PER_HOUR = 2
    article = ArticlePageFactory()
    codes = [
        client.post(
            f"/newsletter/lu/{article.pk}/", **behind_proxy(f"203.0.113.{n}")
        ).status_code
        for n in range(1, 6)
    ]
    assert codes == [204] * 5
    assert ArticleReadCount.objects.get(article_id=article.pk).count == 5
