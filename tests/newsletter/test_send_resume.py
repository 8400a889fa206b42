"""A send resumed right after its claimer died picks the claims up at once; a
send that cannot finish says so and exits non-zero.
"""

import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from manchette.newsletter import services
from manchette.newsletter.models import BriefIssue, Delivery, Subscriber
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return services.brief_next_day()


@pytest.fixture
def articles(section, day):
    send_at = services.brief_send_time(day)
    return [ArticlePageFactory(published_at=send_at - timedelta(hours=1))]


ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "from manchette.newsletter.services import claim_token_new; print(claim_token_new())"


def token_of_a_process(*, alive: bool):
    """Return (claim token made by another real process, that process or None)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "manchette.settings.test"}
    script = f"import django; django.setup(); {TOKEN}"
    if not alive:
        out = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return out.stdout.strip(), None
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            script + "; import sys, time; sys.stdout.flush(); time.sleep(120)",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    return process.stdout.readline().strip(), process


def started_issue(issue_day, count):
    for n in range(count):
        Subscriber.objects.create(email=f"r{n}@example.com", status="active")
    issue = services.brief_compose(day=issue_day)
    services.brief_start(issue=issue)
    return issue


def hold(issue, token, count):
    ids = list(issue.deliveries.order_by("pk").values_list("pk", flat=True)[:count])
    Delivery.objects.filter(pk__in=ids).update(
        status=Delivery.Status.CLAIMED, claim_token=token, claimed_at=timezone.now()
    )


def send(issue_day):
    out = StringIO()
    call_command("send_brief", "--date", issue_day.isoformat(), stdout=out)
    return out.getvalue()


def test_claims_of_a_dead_process_are_taken_over_at_once(
    smtp_sink,
    articles,
    day,
    settings,
):
    settings.MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS = 3600
    issue = started_issue(day, 6)
    token, _ = token_of_a_process(alive=False)
    hold(issue, token, 4)
    send(day)
    for n in range(6):
        assert len(smtp_sink.to(f"r{n}@example.com")) == 1
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.SENT


def test_claims_of_a_live_process_are_left_and_the_command_fails_plainly(
    smtp_sink,
    articles,
    day,
    settings,
):
    settings.MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS = 3600
    issue = started_issue(day, 5)
    token, process = token_of_a_process(alive=True)
    try:
        hold(issue, token, 2)
        with pytest.raises(CommandError, match="Envoi inachevé : 2 destinataires"):
            send(day)
    finally:
        process.kill()
        process.wait()
    assert len(smtp_sink.messages) == 3
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.SENDING
    # Once the claimer is gone, a resumed send finishes at once.
    send(day)
    assert len(smtp_sink.messages) == 5
    issue.refresh_from_db()
    assert issue.status == BriefIssue.Status.SENT
