"""`run_site --port N`: every absolute URL says N, not a pinned 8000."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.factories import ArticlePageFactory
from tests.newsletter.test_worker_crash import database_url

ROOT = Path(__file__).resolve().parent.parent.parent


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.django_db(transaction=True)
def test_run_site_on_another_port_makes_absolute_urls_say_that_port(
    wagtail_base_data, section, tmp_path
):
    article = ArticlePageFactory(title="Un article servi ailleurs")
    article.save_revision().publish()
    url = database_url(tmp_path)
    port = free_port()
    env = {
        key: value for key, value in os.environ.items() if key != "MANCHETTE_BASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="manchette.settings.dev",
        DATABASE_URL=url,
        MANCHETTE_PAGE_CACHE="0",
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "run_site", "--port", str(port), "--no-worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        page = fetch(base + article.url)
        feed = fetch(base + "/flux/rss/")
        sitemap = fetch(base + "/sitemap-pages.xml")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert f'<link rel="canonical" href="{base}{article.url}"' in page
    assert f'content="{base}{article.url}"' in page  # og:url
    assert f"{base}{article.url}" in feed
    assert base in sitemap
    for body in (page, feed, sitemap):
        assert ":8000" not in body
