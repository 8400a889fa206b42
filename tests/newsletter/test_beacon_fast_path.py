"""The read beacon's fast path (newsletter/beacon.py): answered by the WSGI
application the servers run, in front of Django, with the same rules, counted in
batches; through Varnish and granian; with its rules in Redis when reachable.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
import redis

from manchette.newsletter.audience import most_read
from manchette.newsletter.beacon import beacon_count
from manchette.newsletter.models import ArticleReadCount, ArticleReadHour
from manchette.newsletter.readcounter import reads_flush
from manchette.wsgi import application
from tests.conftest import free_port, redis_reachable
from tests.core.conftest import needs_varnish, varnish, wait_for_port
from tests.factories import ArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MANCHETTE_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


def post(url: str, *, address: str = "", method: str = "POST") -> tuple[int, dict]:
    headers = {"X-Forwarded-For": address} if address else {}
    request = urllib.request.Request(url, method=method, headers=headers, data=b"")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def wsgi_server():
    """Serve ``manchette.wsgi.application`` (what granian runs) on a free port."""
    server = make_server(
        "127.0.0.1", free_port(), application, handler_class=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_wsgi_application_counts_beacons_in_batches(section, settings, wsgi_server):
    settings.MANCHETTE_TRUSTED_PROXIES = 1
    settings.MANCHETTE_READS_FLUSH_SECONDS = 3600  # Flushed below, by hand.
    article, other = ArticlePageFactory(), ArticlePageFactory()
    reads_flush()
    url = f"{wsgi_server}/newsletter/lu/{article.pk}/"
    answers = [post(url, address="10.1.0.1") for _ in range(3)]
    answers.append(post(url, address="10.1.0.2"))
    answers.append(post(f"{wsgi_server}/newsletter/lu/{other.pk}/", address="10.1.0.1"))
    assert [status for status, _ in answers] == [204] * 5
    status, headers = answers[0]
    # Answered in front of Django: none of its middleware's headers.
    assert "X-Content-Type-Options" not in headers
    assert "Set-Cookie" not in headers
    assert not ArticleReadCount.objects.exists()

    assert reads_flush() == 3

    assert ArticleReadCount.objects.get(article=article).count == 2
    assert ArticleReadHour.objects.get(article=article).count == 2
    assert ArticleReadCount.objects.get(article=other).count == 1
    # Other requests, and a beacon that is not a POST, are Django's.
    status, headers = post(url, method="GET")
    assert status == 405
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_wsgi_application_keeps_the_rate_limit_and_body_limit(
    section, settings, wsgi_server
):
    settings.MANCHETTE_READS_PER_HOUR = 2
    settings.MANCHETTE_TRUSTED_PROXIES = 1
    settings.MANCHETTE_READS_FLUSH_SECONDS = 3600
    articles = [ArticlePageFactory() for _ in range(3)]
    reads_flush()
    url = f"{wsgi_server}/newsletter/lu/"
    codes = [post(f"{url}{a.pk}/", address="10.2.0.1")[0] for a in articles]
    assert codes == [204, 204, 429]
    big = urllib.request.Request(
        f"{url}{articles[0].pk}/",
        data=b"x" * 2000,
        headers={"X-Forwarded-For": "10.2.0.5"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(big, timeout=15)
    assert error.value.code == 429
    # Past PostgreSQL's bigint: answered, nothing counted, the batch still written.
    assert post(f"{url}{2**63}/", address="10.2.0.9")[0] == 204
    assert reads_flush() == 2
    assert ArticleReadCount.objects.count() == 2


@pytest.mark.django_db
def test_rules_in_redis(section, settings):
    if not redis_reachable():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    prefix = f"beacon-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.MANCHETTE_READS_PER_HOUR = 3
    settings.MANCHETTE_READS_FLUSH_SECONDS = 3600
    client = redis.Redis.from_url(REDIS_URL)
    first, second, third = (ArticlePageFactory() for _ in range(3))
    reads_flush()
    try:
        codes = [
            beacon_count(first.pk, "10.3.0.1"),
            beacon_count(first.pk, "10.3.0.1"),  # Same reader, same day.
            beacon_count(second.pk, "10.3.0.1"),
            beacon_count(third.pk, "10.3.0.1"),  # Fourth beacon of the hour.
            beacon_count(third.pk, "10.3.0.2"),
        ]
        assert codes == [204, 204, 204, 429, 204]
        keys = list(client.scan_iter(match=f"{prefix}:*:newsletter:*"))
        # One hourly counter per address, one mark per counted read.
        assert len(keys) == 2 + 3
        assert all(0 < client.ttl(key) <= 86400 for key in keys)
        assert not any(b"10.3.0" in key for key in keys)
        assert reads_flush() == 3
        counts = dict(ArticleReadCount.objects.values_list("article", "count"))
        assert counts == {first.pk: 1, second.pk: 1, third.pk: 1}
    finally:
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


@pytest.mark.varnish
@needs_varnish
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_beacons_through_varnish_and_granian_reach_the_report(section, tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("granian runs in another process: it needs PostgreSQL's test base")
    db = connection.settings_dict
    article = ArticlePageFactory()
    app_port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "MANCHETTE_VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "*",
        "DJANGO_SECRET_KEY": "beacon-test",
        # A CDN in front of Varnish: the reader's address is the one it wrote.
        "MANCHETTE_TRUSTED_PROXIES": "2",
        "MANCHETTE_READS_FLUSH_SECONDS": "1",
    }
    if redis_reachable():
        env["REDIS_URL"] = REDIS_URL
    app = subprocess.Popen(
        [sys.executable, "-m", "granian", "--interface", "wsgi"]
        + ["--host", "127.0.0.1", "--port", str(app_port)]
        + ["--workers", "2", "--blocking-threads", "2", "--no-ws"]
        + ["manchette.wsgi:application"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for_port(app_port)
        with varnish([f"127.0.0.1:{app_port}"]) as front:
            url = f"{front.url}/newsletter/lu/{article.pk}/"
            # Addresses of their own: Redis outlives the test database, and a
            # read seen today (by an earlier run) is not counted again.
            net = uuid.uuid4().int
            addresses = [f"10.{net % 256}.{net // 256 % 256}.{n}" for n in range(5)]
            codes = [post(url, address=address)[0] for address in addresses]
            codes.append(post(url, address=addresses[1])[0])
            assert codes == [204] * 6
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                rows = list(ArticleReadCount.objects.values_list("count", flat=True))
                if sum(rows) >= 5:
                    break
                time.sleep(0.3)
            time.sleep(1.5)  # Whatever else was pending is written by now.
            assert list(ArticleReadCount.objects.values_list("count", flat=True)) == [5]
            assert ArticleReadHour.objects.get(article=article).count == 5
            # "Les plus lus" reads the same rows.
            [card] = most_read()
            assert (card.pk, card.reads) == (article.pk, 5)
    finally:
        app.terminate()
        app.wait(timeout=20)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_every_edition_beacons_to_the_fast_path(language):
    """The Arabic and English article pages send their beacon to the same URL as
    the French ones, the one answered in front of Django.
    """
    from django.urls import reverse
    from django.utils import translation

    from manchette.newsletter.beacon import BEACON_PATH

    with translation.override(language):
        url = reverse("newsletter_read", args=[42])
    assert BEACON_PATH.fullmatch(url)
