"""The read counter: reads are added up in memory and written in batches.

A beacon costs a dictionary increment under a lock; every
``MANCHETTE_READS_FLUSH_SECONDS`` (5 by default; 0 writes each read at once)
a daemon thread of the process writes its batch: one row update per article
and hour read, and per article and day, however many reads they add up to.
The beacon's request never waits for the database. A process that stops
(a restart, a deploy) loses the reads of its last batch, at most that many
seconds' worth: app servers' workers end without running ``atexit``.

Retention: hourly rows are dropped after 48 hours, daily totals after 400 days
(checked at most once an hour per process).
"""

import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from manchette.news.models import ArticlePage

from .models import ArticleReadCount, ArticleReadHour

HOURLY_RETENTION = timedelta(hours=48)
DAILY_RETENTION = timedelta(days=400)
PRUNE_EVERY_SECONDS = 3600

_lock = threading.Lock()
_state = {"pending": Counter(), "pruned_at": 0.0}
_flusher: list[threading.Thread] = []


def _flush_seconds() -> float:
    return float(getattr(settings, "MANCHETTE_READS_FLUSH_SECONDS", 5))


def read_add(article_id: int) -> None:
    """Count one read of article ``article_id`` now (written with the next batch)."""
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    with _lock:
        _state["pending"][(article_id, hour)] += 1
    if _flush_seconds() <= 0:
        reads_flush()
    else:
        _flusher_ensure()


def reads_flush() -> int:
    """Write this process's pending reads; return how many were written.

    Reads of an article that is not live (or does not exist) are dropped.
    """
    with _lock:
        batch, _state["pending"] = _state["pending"], Counter()
    if not batch:
        return 0
    live = set(
        ArticlePage.objects.live()
        .filter(pk__in={article_id for article_id, _ in batch})
        .values_list("pk", flat=True)
    )
    days: Counter = Counter()
    written = 0
    with transaction.atomic():
        for (article_id, hour), count in batch.items():
            if article_id not in live:
                continue
            _add(ArticleReadHour, count, article_id=article_id, hour=hour)
            days[(article_id, timezone.localdate(hour))] += count
            written += count
        for (article_id, day), count in days.items():
            _add(ArticleReadCount, count, article_id=article_id, day=day)
    if time.monotonic() - _state["pruned_at"] >= PRUNE_EVERY_SECONDS:
        reads_prune()
    return written


def _add(model, count: int, **key) -> None:
    """Add ``count`` to the row of ``model`` at ``key``, creating it if needed."""
    if model.objects.filter(**key).update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            model.objects.create(count=count, **key)
    except IntegrityError:  # Another process created it meanwhile.
        model.objects.filter(**key).update(count=F("count") + count)


def reads_prune(*, now=None) -> tuple[int, int]:
    """Drop hourly rows older than 48 hours and daily totals older than 400 days;
    return how many of each were deleted.
    """
    now = now or timezone.now()
    _state["pruned_at"] = time.monotonic()
    hours, _ = ArticleReadHour.objects.filter(hour__lt=now - HOURLY_RETENTION).delete()
    days, _ = ArticleReadCount.objects.filter(
        day__lt=timezone.localdate(now) - DAILY_RETENTION
    ).delete()
    return hours, days


def _flusher_ensure() -> None:
    """Start this process's background writer once."""
    with _lock:
        if _flusher and _flusher[0].is_alive():
            return
        thread = threading.Thread(target=_flush_loop, name="read-counter", daemon=True)
        _flusher[:] = [thread]
    thread.start()


def _flush_loop() -> None:
    while True:
        time.sleep(max(_flush_seconds(), 1))
        with _lock:
            idle = not _state["pending"]
        if idle:
            continue
        try:
            reads_flush()
        finally:
            close_old_connections()
