"""Delivery of the daily brief: recipients claimed in batches, sent over SMTP,
each delivery recorded once; a dead claimer's batch is taken over at once.
"""

import hashlib
import logging
import os
import secrets
import smtplib
import socket
import threading
import time as clock
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, connections, transaction
from django.db.models import F, Q, Subquery
from django.utils import timezone

from . import emails
from .models import BriefIssue, Delivery, Subscriber

logger = logging.getLogger("manchette.newsletter.services")


def brief_start(*, issue: BriefIssue) -> int:
    """Freeze the issue's recipients: one pending delivery per active subscriber.

    Runs once per issue (DRAFT to SENDING); returns the deliveries created, 0 when
    the issue was already started, so a second run adds nobody.
    """
    with transaction.atomic():
        started = BriefIssue.objects.filter(
            pk=issue.pk, status=BriefIssue.Status.DRAFT
        ).update(status=BriefIssue.Status.SENDING, send_started_at=timezone.now())
        if not started:
            return 0
        delivery = Delivery._meta.db_table
        subscriber = Subscriber._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {delivery} "
                "(issue_id, subscriber_id, status, claim_token, attempts, error) "
                f"SELECT %s, id, %s, '', 0, '' FROM {subscriber} "
                "WHERE status = %s AND language = %s "
                "ON CONFLICT DO NOTHING",
                [
                    issue.pk,
                    Delivery.Status.PENDING,
                    Subscriber.Status.ACTIVE,
                    issue.language,
                ],
            )
            created = cursor.rowcount
    issue.refresh_from_db()
    return created


# A claim token names its claimer: 8 hex digits of the host name's digest, the
# process id in 8 hex digits, then 16 random hex digits (32 characters in all).
# A claim made on this host by a process that no longer exists is released at
# once instead of waiting for the lease to run out.


def _host_digest() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def claim_token_new() -> str:
    """Return a claim token naming this host and process."""
    return f"{_host_digest()}{os.getpid() & 0xFFFFFFFF:08x}{secrets.token_hex(8)}"


def _claimer_dead(token: str) -> bool:
    """True when ``token`` was made on this host by a process that has exited."""
    if len(token) != 32 or token[:8] != _host_digest():
        return False  # another host: only the lease can tell
    try:
        pid = int(token[8:16], 16)
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, owned by someone else
    return False


def claims_release_dead(*, issue: BriefIssue) -> int:
    """Put back to pending the deliveries claimed by dead processes of this host."""
    tokens = set(
        Delivery.objects.filter(issue=issue, status=Delivery.Status.CLAIMED)
        .values_list("claim_token", flat=True)
        .distinct()
    )
    dead = [token for token in tokens if token and _claimer_dead(token)]
    if not dead:
        return 0
    return Delivery.objects.filter(
        issue=issue, status=Delivery.Status.CLAIMED, claim_token__in=dead
    ).update(status=Delivery.Status.PENDING, claim_token="")


def deliveries_left(issue: BriefIssue) -> int:
    """Return how many deliveries of ``issue`` are neither sent nor failed."""
    return Delivery.objects.filter(
        issue=issue, status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    ).count()


def deliveries_claim(*, issue: BriefIssue, limit: int) -> str | None:
    """Claim up to ``limit`` deliveries of ``issue`` for this worker; return the
    claim token, or None when nothing is left to claim.

    Pending deliveries and those claimed by a worker that stopped answering
    (claimed longer ago than the lease) can be claimed. PostgreSQL locks the rows
    it picks and skips those locked by others; SQLite runs the claim as one
    UPDATE inside a write transaction, so two workers never claim the same row.
    """
    token = claim_token_new()
    claims_release_dead(issue=issue)
    now = timezone.now()
    stale = now - timedelta(seconds=settings.MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS)
    claimable = Delivery.objects.filter(issue=issue).filter(
        Q(status=Delivery.Status.PENDING)
        | Q(status=Delivery.Status.CLAIMED, claimed_at__lt=stale)
    )
    changes = {
        "status": Delivery.Status.CLAIMED,
        "claim_token": token,
        "claimed_at": now,
        "attempts": F("attempts") + 1,
    }
    with transaction.atomic():
        if connection.vendor == "postgresql":
            ids = list(
                claimable.order_by("pk")
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:limit]
            )
            claimed = claimable.filter(pk__in=ids).update(**changes)
        else:
            claimed = Delivery.objects.filter(
                pk__in=Subquery(claimable.order_by("pk").values("pk")[:limit])
            ).update(**changes)
    return token if claimed else None


class RateLimiter:
    """Spaces out sends so that one worker (all its threads) stays under ``per_second``."""

    def __init__(self, per_second: float):
        self.interval = 1 / per_second if per_second > 0 else 0
        self.next_at = clock.monotonic()
        self.lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = clock.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
        if at > now:
            clock.sleep(at - now)


def _smtp_answer(error: Exception) -> tuple[int | None, str]:
    """Return the SMTP code and text of a refusal."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        for code, message in error.recipients.values():
            return code, message.decode("utf-8", "replace")
    code = getattr(error, "smtp_code", None)
    message = getattr(error, "smtp_error", b"") or str(error)
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return code, message


def _record_failure(delivery: Delivery, token: str, error: Exception) -> bool:
    """Record an SMTP refusal; return True when it was permanent (5xx)."""
    code, message = _smtp_answer(error)
    permanent = code is not None and 500 <= code < 600
    text = f"{code or ''} {message}".strip()[:500]
    retry = not permanent and delivery.attempts < 3
    Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
        status=Delivery.Status.PENDING if retry else Delivery.Status.FAILED,
        claim_token="" if retry else token,
        error=text,
    )
    if permanent:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(
            hard_bounces=F("hard_bounces") + 1
        )
        Subscriber.objects.filter(
            pk=delivery.subscriber_id,
            hard_bounces__gte=settings.MANCHETTE_BRIEF_MAX_HARD_BOUNCES,
            status=Subscriber.Status.ACTIVE,
        ).update(status=Subscriber.Status.DEACTIVATED)
    logger.warning("Brief delivery %s failed: %s", delivery.pk, text)
    return permanent


def deliveries_send(
    *,
    issue: BriefIssue,
    token: str,
    rendered: emails.RenderedBrief,
    limiter: RateLimiter,
    on_done: Callable[[bool], None] | None = None,
) -> tuple[int, int]:
    """Send the deliveries claimed with ``token`` over one SMTP connection; return
    (sent, failed).

    Each delivery is marked sent as soon as the server accepted it, so a worker
    killed in the middle leaves only the message it was sending unrecorded.
    """
    deliveries = (
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.CLAIMED)
        .select_related("subscriber")
        .order_by("pk")
    )
    sent = failed = 0
    backend = get_connection()
    try:
        backend.open()
    except OSError as error:
        # No server: give the batch back for a later run.
        _release(token, error)
        raise
    try:
        for delivery in deliveries:
            subscriber = delivery.subscriber
            if subscriber.status != Subscriber.Status.ACTIVE:
                Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
                    status=Delivery.Status.FAILED,
                    error="Désinscrit avant l’envoi.",
                )
                failed += 1
                if on_done:
                    on_done(False)
                continue
            message = rendered.message(
                email=subscriber.email, token=subscriber.token, delivery_id=delivery.pk
            )
            message.connection = backend
            limiter.wait()
            try:
                try:
                    backend.send_messages([message])
                except smtplib.SMTPServerDisconnected:
                    backend.close()
                    backend.open()
                    backend.send_messages([message])
            except smtplib.SMTPServerDisconnected as error:
                # The server is gone: give the rest back and stop this batch.
                _release(token, error)
                raise
            except smtplib.SMTPException as error:
                _record_failure(delivery, token, error)
                failed += 1
                if on_done:
                    on_done(False)
                continue
            except OSError as error:
                _release(token, error)
                raise
            Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
                status=Delivery.Status.SENT, sent_at=timezone.now(), error=""
            )
            sent += 1
            if on_done:
                on_done(True)
    finally:
        backend.close()
    return sent, failed


def _release(token: str, error: Exception) -> None:
    Delivery.objects.filter(claim_token=token, status=Delivery.Status.CLAIMED).update(
        status=Delivery.Status.PENDING, claim_token="", error=str(error)[:500]
    )


def brief_finish_if_done(issue: BriefIssue) -> bool:
    """Mark ``issue`` sent when none of its deliveries is left; return True if so."""
    unsent = Delivery.objects.filter(
        issue=issue, status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    )
    if unsent.exists():
        return False
    BriefIssue.objects.filter(pk=issue.pk, status=BriefIssue.Status.SENDING).update(
        status=BriefIssue.Status.SENT, send_finished_at=timezone.now()
    )
    return True


def _deliver_loop(issue, rendered, limiter, on_done) -> tuple[int, int]:
    sent = failed = 0
    while token := deliveries_claim(
        issue=issue, limit=settings.MANCHETTE_BRIEF_BATCH_SIZE
    ):
        batch_sent, batch_failed = deliveries_send(
            issue=issue,
            token=token,
            rendered=rendered,
            limiter=limiter,
            on_done=on_done,
        )
        sent += batch_sent
        failed += batch_failed
    return sent, failed


def _deliver_thread(issue, rendered, limiter, on_done) -> tuple[int, int]:
    try:
        return _deliver_loop(issue, rendered, limiter, on_done)
    finally:
        # This thread's own database connection.
        connections.close_all()


def brief_deliver(
    *, issue: BriefIssue, on_done: Callable[[bool], None] | None = None
) -> tuple[int, int]:
    """Claim and send batches of ``issue`` until none is left; return (sent, failed).

    MANCHETTE_BRIEF_CONNECTIONS batches go out at once, each over its own SMTP
    connection (and database connection), so the wait for one server's answer
    does not hold the others.
    """
    from .services import brief_render_issue

    rendered = brief_render_issue(issue)
    limiter = RateLimiter(settings.MANCHETTE_BRIEF_RATE_PER_SECOND)
    workers = max(1, settings.MANCHETTE_BRIEF_CONNECTIONS)
    if workers == 1:
        sent, failed = _deliver_loop(issue, rendered, limiter, on_done)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(_deliver_thread, issue, rendered, limiter, on_done)
                for _ in range(workers)
            ]
            results = [future.result() for future in futures]
        sent = sum(result[0] for result in results)
        failed = sum(result[1] for result in results)
    brief_finish_if_done(issue)
    return sent, failed


def brief_send_test(*, issue: BriefIssue, email: str) -> None:
    """Send ``issue`` to one editor, outside the deliveries (a test)."""
    from .services import brief_render_issue

    rendered = brief_render_issue(issue)
    rendered.subject = f"[TEST] {rendered.subject}"
    rendered.message(email=email, token="test", delivery_id=0).send()
