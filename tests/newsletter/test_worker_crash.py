"""A real `db_worker` is killed (SIGKILL) in the middle of an issue, then started
again: every subscriber ends up with exactly one copy.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection

from manchette.core.tasks import worker_command
from manchette.newsletter import services, tasks
from manchette.newsletter.models import BriefIssue, Subscriber
from tests.factories import ArticlePageFactory

ROOT = Path(__file__).resolve().parent.parent.parent
SUBSCRIBERS = 60
KILL_AFTER = 25


def database_url(tmp_path) -> str:
    """Return a URL the worker can open on the test database (SQLite: a copy)."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        return f"postgres://{auth}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"
    copy = tmp_path / "worker.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    return f"sqlite:///{copy}"


def issue_status(url: str, issue_id: int) -> str:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return db.execute(
                "SELECT status FROM newsletter_briefissue WHERE id = ?", [issue_id]
            ).fetchone()[0]
    return BriefIssue.objects.get(pk=issue_id).status


def worker_env(url: str, port: int, connections: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DATABASE_URL": url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "MANCHETTE_BRIEF_BATCH_SIZE": "10",
        "MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS": "2",
        "MANCHETTE_BRIEF_CONNECTIONS": str(connections),
        "DEBUG": "0",
    }


def start_worker(url: str, port: int, connections: int) -> subprocess.Popen:
    env = worker_env(url, port, connections)
    return subprocess.Popen(
        worker_command(interval=0.2, options=("--no-reload", "--no-startup-delay")),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_killed_worker_resumes_without_double_or_missing_sends(
    smtp_sink, section, settings, tmp_path
):
    day = services.brief_next_day()
    send_at = services.brief_send_time(day)
    for n in range(2):
        ArticlePageFactory(published_at=send_at - timedelta(hours=n + 1))
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lecteur{n}@example.com", status="active")
        for n in range(SUBSCRIBERS)
    )
    issue = services.brief_compose(day=day)
    assert services.brief_start(issue=issue) == SUBSCRIBERS
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.brief_deliver.enqueue(issue.pk)
    url = database_url(tmp_path)

    # The sink holds the transaction after KILL_AFTER messages: the worker (one
    # connection, so the moment is exact) is killed while it waits for the
    # server, in the middle of its third batch.
    smtp_sink.hold_after = KILL_AFTER
    worker = start_worker(url, smtp_sink.port, connections=1)
    try:
        assert smtp_sink.holding.wait(timeout=60), "the worker never reached the hold"
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        assert len(smtp_sink.messages) == KILL_AFTER
        smtp_sink.hold_after = None
        smtp_sink.release.set()

        # The restarted worker sends over four connections at once.
        worker = start_worker(url, smtp_sink.port, connections=4)
        wait_for(
            lambda: issue_status(url, issue.pk) == "sent", 60, "the issue to finish"
        )
    finally:
        worker.terminate()
        worker.wait(timeout=10)

    copies = Counter(address for m in smtp_sink.messages for address in m["to"])
    assert len(copies) == SUBSCRIBERS
    assert set(copies.values()) == {1}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_send_brief_over_four_connections_sends_each_message_once(
    smtp_sink, section, tmp_path
):
    day = services.brief_next_day()
    ArticlePageFactory(published_at=services.brief_send_time(day) - timedelta(hours=1))
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lecteur{n}@example.com", status="active") for n in range(40)
    )
    url = database_url(tmp_path)
    env = worker_env(url, smtp_sink.port, connections=4)
    env["MANCHETTE_BRIEF_BATCH_SIZE"] = "3"
    command = [sys.executable, "manage.py", "send_brief", "--date", day.isoformat()]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "40 envoyés, 0 échecs sur 40" in done.stdout
    copies = Counter(address for m in smtp_sink.messages for address in m["to"])
    assert len(copies) == 40
    assert set(copies.values()) == {1}
