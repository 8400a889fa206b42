"""Scheduled publishing without cron: tasks run by the database task worker.

When an editor schedules a page (Wagtail's "go live" date), its revision gets
``approved_go_live_at``; a task is enqueued to run at that moment
(``run_after``). A sweep, re-enqueuing itself every minute, publishes
anything still due (a task lost, a worker down at the time) and unpublishes
expired pages, as Wagtail's ``publish_scheduled`` command would from cron.

Each publication is claimed with a row lock (PostgreSQL: ``SELECT … FOR
UPDATE SKIP LOCKED``; SQLite: its single write lock, taken at ``BEGIN
IMMEDIATE``), and re-checks that the revision is still due inside the lock, so
two workers never publish the same revision twice.
"""

import logging
import sys
from datetime import timedelta

from django.db import connection, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task, task_backends
from wagtail.models import Page, Revision

logger = logging.getLogger("manchette.tasks")

SWEEP_INTERVAL = timedelta(seconds=60)


def worker_command(*, interval: float, options: tuple[str, ...] = ()) -> list[str]:
    """Return the command line of a task worker serving every queue, polling the
    database every ``interval`` seconds (``run_site`` and ``serve_site`` start one).
    """
    return [
        sys.executable,
        "manage.py",
        "db_worker",
        "--queue-name",
        "*",
        "--interval",
        str(interval),
        *options,
    ]


def _locked(queryset):
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset


def revision_publish_if_due(revision_id: int) -> bool:
    """Publish the revision if it is still scheduled and due; return whether it was."""
    with transaction.atomic():
        revision = (
            _locked(
                Revision.objects.filter(
                    pk=revision_id, approved_go_live_at__lte=timezone.now()
                )
            )
            .order_by()
            .first()
        )
        if revision is None:
            return False
        revision.publish(log_action="wagtail.publish.scheduled")
    logger.info("Published scheduled revision %s", revision_id)
    return True


def scheduled_publish_due() -> int:
    """Publish every due revision and unpublish every expired page; return the count."""
    count = 0
    now = timezone.now()
    expired = Page.objects.filter(live=True, expire_at__lt=now).values_list(
        "pk", flat=True
    )
    for page_id in list(expired):
        with transaction.atomic():
            page = (
                _locked(Page.objects.filter(pk=page_id, live=True, expire_at__lt=now))
                .order_by()
                .first()
            )
            if page is not None:
                page.specific.unpublish(
                    set_expired=True, log_action="wagtail.unpublish.scheduled"
                )
                count += 1
    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by(
        "approved_go_live_at"
    )
    for revision_id in list(due.values_list("pk", flat=True)):
        count += revision_publish_if_due(revision_id)
    return count


@task()
def publish_scheduled(revision_id: int) -> bool:
    """Task: publish a scheduled revision at its time."""
    return revision_publish_if_due(revision_id)


@task()
def sweep_scheduled() -> int:
    """Task: publish what is due, then come back in a minute."""
    try:
        return scheduled_publish_due()
    finally:
        sweep_ensure(exclude_running=True)


def _database_backend():
    backend = task_backends[sweep_scheduled.backend]
    if not backend.supports_defer:
        return None
    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:
        return None
    return backend if isinstance(backend, DatabaseBackend) else None


def sweep_ensure(*, exclude_running: bool = False) -> bool:
    """Enqueue the minute sweep unless one is already waiting; return whether it did."""
    if _database_backend() is None:
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    path = f"{sweep_scheduled.func.__module__}.{sweep_scheduled.func.__qualname__}"
    statuses = [TaskResultStatus.READY]
    if not exclude_running:
        statuses.append(TaskResultStatus.RUNNING)
    if DBTaskResult.objects.filter(task_path=path, status__in=statuses).exists():
        return False
    sweep_scheduled.using(run_after=timezone.now() + SWEEP_INTERVAL).enqueue()
    return True


@receiver(post_save, sender=Revision)
def schedule_revision(sender, instance, update_fields=None, **kwargs):
    """Enqueue the publication of a revision an editor scheduled."""
    go_live_at = instance.approved_go_live_at
    if go_live_at is None or _database_backend() is None:
        return
    revision_id = instance.pk

    def enqueue():
        publish_scheduled.using(run_after=go_live_at).enqueue(revision_id)
        sweep_ensure()

    transaction.on_commit(enqueue)
