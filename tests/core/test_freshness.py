"""Freshness under load: after each publish, the next anonymous GET shows it.

Readers hammer the article and the home page from threads while an editor
republishes the article; through nginx (the real proxy, with its purge module)
when Debian's nginx is installed, else straight to Django's page cache.
"""

import threading
import time
import urllib.request

import pytest

from tests.core.conftest import nginx_front, nginx_installed, republish
from tests.factories import ArticlePageFactory

# Serialized rollback puts back Wagtail's root page, which the flush removes.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


@pytest.fixture
def front(live_server, settings):
    """Return the base URL readers use: nginx in front of the live server if possible."""
    if not nginx_installed():
        yield live_server.url
        return
    with nginx_front(live_server, settings) as nginx:
        yield nginx.url


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def read(url: str) -> tuple[str, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), dict(response.headers)


def test_each_publish_is_visible_to_the_next_reader_under_load(
    section, front, live_server
):
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # Django's live server shares the test thread's one connection to an
        # in-memory SQLite database; publishing from the test thread while it
        # serves readers interleaves their transactions on that connection.
        pytest.skip("needs separate connections: runs on PostgreSQL")
    article = ArticlePageFactory(title="Titre initial")
    pages = [front + article.url, front + "/"]
    stop = threading.Event()
    failures = []

    def reader():
        while not stop.is_set():
            for url in pages:
                try:
                    status, _ = get(url)
                    if status != 200:
                        failures.append(status)
                except OSError as error:
                    failures.append(repr(error))

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    try:
        for number in range(1, 6):
            title = f"Titre corrigé numéro {number}"
            republish(article, title)
            for url in pages:
                # No grace period: nginx serves these pages from the files the
                # app writes, and a file written by a render that started
                # before the purge is deleted by that render itself.
                body, headers = read(url)
                assert title in body, " ".join(
                    f"{name}={headers.get(name)}"
                    for name in ("X-Cache", "X-Page-Cache", "Last-Modified", "Date")
                )
            time.sleep(0.2)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert failures == []
    if front != live_server.url:
        get(pages[0])
        with urllib.request.urlopen(pages[0]) as response:
            assert response.headers["X-Cache"] == "HIT"
