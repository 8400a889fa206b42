"""SQLite held locked by another writer: a comment post answers 503 + Retry-After."""

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.conftest import free_port
from tests.core.test_base_url import fetch
from tests.newsletter.test_worker_crash import database_url

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.django_db(transaction=True)
def test_comment_post_under_a_held_write_lock_is_a_503_with_retry_after(
    wagtail_base_data, article, tmp_path
):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    url = database_url(tmp_path)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DATABASE_URL": url,
        "MANCHETTE_PAGE_CACHE": "0",
        "MANCHETTE_COMMENTS_MIN_SECONDS": "0",
        "DEBUG": "0",
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "run_site", "--port", str(port), "--no-worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    locker = None
    try:
        fetch(base + "/")
        session = requests.Session()
        page = session.get(base + article.url, timeout=30).text
        data = {
            "csrfmiddlewaretoken": re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', page
            ).group(1),
            "jeton": re.search(r'name="jeton" value="([^"]+)"', page).group(1),
            "comment": "Un commentaire pendant le verrou.",
            "author": "Salma",
            "email": "salma@example.org",
        }
        locker = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        response = session.post(
            base + f"/commentaires/{article.pk}/",
            data=data,
            headers={"Referer": base + article.url},
            allow_redirects=False,
            timeout=60,
        )
    finally:
        if locker is not None:
            locker.rollback()
            locker.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert response.status_code == 503, response.text[:500]
    assert response.headers["Retry-After"] == "5"
    assert "réessayez dans quelques secondes" in response.text
