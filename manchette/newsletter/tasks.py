"""Background work of the newsletter, run by Django's Tasks worker (`db_worker`).

`brief_daily` runs at each day's send time and enqueues itself for the next day,
so one running worker is all the schedule needs. `brief_deliver` sends an issue;
before sending it enqueues a successor due after the claim lease, which takes
over the batches of a worker that died and otherwise finds nothing to do.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from manchette.core.editions import editions
from manchette.news.metadata import locale_codes
from manchette.news.selectors import live_locale_ids

from . import services
from .models import BriefIssue, Delivery

logger = logging.getLogger(__name__)

# A daily run this late sends nothing.
MAX_DELAY = timedelta(hours=6)


def _can_defer() -> bool:
    return default_task_backend.supports_defer


@task()
def send_confirmation(subscriber_id: int) -> None:
    services.confirmation_send(subscriber_id=subscriber_id)


def brief_languages() -> list[str]:
    """Return the languages of the editions that are on and have live pages."""
    live = {locale_codes().get(pk) for pk in live_locale_ids()}
    return [code for code in editions() if code in live] or [settings.LANGUAGE_CODE]


@task()
def brief_daily(day: str) -> str:
    """Compose and send the brief of ``day`` (ISO date), then schedule the next one.

    A run more than MAX_DELAY late (the worker was down) sends nothing: a stale
    brief is worse than none, and the next one is scheduled from now.
    """
    issue_day = date.fromisoformat(day)
    due = services.brief_send_time(issue_day)
    try:
        if timezone.now() - due > MAX_DELAY:
            logger.warning("Brief of %s skipped: its worker ran too late.", day)
            return "late"
        # One brief per edition that has pages, each composed from its own
        # articles and sent to its own subscribers; French's status is returned.
        statuses = []
        for language in brief_languages():
            issue = services.brief_compose(day=issue_day, language=language)
            if issue.status == BriefIssue.Status.DRAFT:
                services.brief_start(issue=issue)
            if issue.status in (BriefIssue.Status.DRAFT, BriefIssue.Status.SENDING):
                brief_deliver.enqueue(issue.pk)
            statuses.append(issue.status)
        return statuses[0]
    finally:
        following = brief_schedule(after=max(due, timezone.now()))
        if following is not None:
            logger.info("Brief of %s scheduled.", following)


@task()
def brief_deliver(issue_id: int) -> int:
    """Send what is left of an issue; return the number of messages sent."""
    issue = BriefIssue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != BriefIssue.Status.SENDING:
        return 0
    unsent = issue.deliveries.filter(
        status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    )
    if not unsent.exists():
        services.brief_finish_if_done(issue)
        return 0
    if _can_defer():
        lease = settings.MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS
        brief_deliver.using(
            run_after=timezone.now() + timedelta(seconds=lease + 1)
        ).enqueue(issue_id)
    sent, _failed = services.brief_deliver(issue=issue)
    return sent


def brief_schedule(*, after=None) -> date | None:
    """Enqueue `brief_daily` for the next send time unless it is already queued.

    Returns the day scheduled, or None when the task backend cannot defer (tests).
    """
    if not _can_defer():
        return None
    day = services.brief_next_day(after=after)
    if _scheduled():
        return day
    brief_daily.using(run_after=services.brief_send_time(day)).enqueue(day.isoformat())
    return day


def _scheduled() -> bool:
    """True when the database queue already holds a brief waiting for its time."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - another backend
        return False
    return DBTaskResult.objects.filter(
        task_path=brief_daily.module_path,
        status="READY",
    ).exists()
