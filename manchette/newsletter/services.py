"""Writes of the newsletter: sign-up, confirmation, unsubscription, composition of
the daily brief and its delivery in claimed batches.
"""

import hashlib
import logging
import os
import secrets
import smtplib
import socket
import threading
import time as clock
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import get_connection
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import F, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation

from manchette.news.models import ArticlePage

from . import emails, selectors
from .models import BriefIssue, BriefItem, Delivery, Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "manchette.newsletter.confirm"


class InvalidToken(Exception):
    """A confirmation link that is forged, expired or already used."""


# Sign-up and confirmation.


def confirm_token(subscriber: Subscriber) -> str:
    """Return a signed token confirming ``subscriber``; it expires and works once."""
    return signing.dumps(
        {"s": subscriber.pk, "n": subscriber.confirm_nonce}, salt=CONFIRM_SALT
    )


def subscriber_signup(*, email: str, language: str = "fr") -> Subscriber | None:
    """Record a consented sign-up for ``email`` and send it a confirmation link.

    An address already subscribed gets nothing (and the caller answers the same
    thing either way). An unsubscribed address stays unsubscribed until it
    confirms again.
    """
    email = email.strip()
    now = timezone.now()
    subscriber, _ = Subscriber.objects.get_or_create(
        email__iexact=email, defaults={"email": email}
    )
    if subscriber.status == Subscriber.Status.ACTIVE:
        return None
    # At most one confirmation per address every few hours, so sign-ups cannot
    # be used to flood someone else's mailbox.
    interval = timedelta(hours=settings.MANCHETTE_NEWSLETTER_CONFIRM_EVERY_HOURS)
    if (
        subscriber.status == Subscriber.Status.PENDING
        and subscriber.consent_at
        and subscriber.consent_at > now - interval
    ):
        return None
    subscriber.consent_at = now
    # The brief's language: the reader's choice (default: the edition signed up from).
    subscriber.language = language
    subscriber.save(update_fields=["consent_at", "language"])
    from .tasks import send_confirmation

    send_confirmation.enqueue(subscriber.pk)
    return subscriber


def confirmation_send(*, subscriber_id: int) -> None:
    """Send the confirmation e-mail of a pending sign-up."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.status == Subscriber.Status.ACTIVE:
        return
    url = emails.absolute_url(
        reverse("newsletter_confirm", args=[confirm_token(subscriber)])
    )
    with translation.override(subscriber.language):
        emails.confirmation_message(email=subscriber.email, confirm_url=url).send()


def subscriber_confirm(*, token: str) -> Subscriber:
    """Activate the subscriber named by a confirmation ``token``.

    Raises InvalidToken when the token is forged, expired or already used.
    """
    try:
        data = signing.loads(
            token,
            salt=CONFIRM_SALT,
            max_age=timedelta(days=settings.MANCHETTE_NEWSLETTER_CONFIRM_DAYS),
        )
        subscriber_id, nonce = int(data["s"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error
    now = timezone.now()
    updated = Subscriber.objects.filter(pk=subscriber_id, confirm_nonce=nonce).update(
        status=Subscriber.Status.ACTIVE,
        confirmed_at=now,
        unsubscribed_at=None,
        hard_bounces=0,
        confirm_nonce=secrets.token_urlsafe(24),
    )
    if not updated:
        raise InvalidToken
    return Subscriber.objects.get(pk=subscriber_id)


def subscriber_unsubscribe(*, token: str) -> bool:
    """Unsubscribe the reader whose opaque token is ``token``; False if unknown."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return False
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return True


# Composition.


def brief_send_time(day: date) -> datetime:
    """Return the moment the brief of ``day`` is due (MANCHETTE_BRIEF_SEND_TIME)."""
    hour, minute = (int(part) for part in settings.MANCHETTE_BRIEF_SEND_TIME.split(":"))
    return datetime.combine(
        day, time(hour, minute), tzinfo=ZoneInfo(settings.MANCHETTE_BRIEF_TIME_ZONE)
    )


def brief_today(*, now: datetime | None = None) -> date:
    """Return today's date in the brief's time zone (MANCHETTE_BRIEF_TIME_ZONE)."""
    now = now or timezone.now()
    return now.astimezone(ZoneInfo(settings.MANCHETTE_BRIEF_TIME_ZONE)).date()


def brief_next_day(*, after: datetime | None = None) -> date:
    """Return the first day whose send time comes after ``after`` (default: now)."""
    after = after or timezone.now()
    day = after.astimezone(ZoneInfo(settings.MANCHETTE_BRIEF_TIME_ZONE)).date()
    while brief_send_time(day) <= after:
        day += timedelta(days=1)
    return day


@dataclass
class BriefPlan:
    day: date
    since: datetime
    until: datetime
    articles: list[ArticlePage]
    minutes: int


def _vary_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Return featured articles first, then the others by rank, each time preferring
    a section used least so far so that one section does not fill the brief.
    """
    ordered = [article for article in articles if article.featured]
    rest = [article for article in articles if not article.featured]
    used = Counter(article.section_id for article in ordered)
    while rest:
        best = min(range(len(rest)), key=lambda i: (used[rest[i].section_id], i))
        article = rest.pop(best)
        used[article.section_id] += 1
        ordered.append(article)
    return ordered


def brief_plan(*, day: date, intro: str = "", language: str = "fr") -> BriefPlan:
    """Return what the brief of ``day`` would hold, writing nothing.

    Articles published since the previous issue (at most the 24 hours before the
    send time): featured first, then the most read, sections varied, as many as
    fit in MANCHETTE_BRIEF_MAX_MINUTES of reading.
    """
    until = brief_send_time(day)
    since = until - timedelta(hours=24)
    previous = (
        BriefIssue.objects.filter(day__lt=day, language=language)
        .exclude(status=BriefIssue.Status.EMPTY)
        .order_by("-day")
        .first()
    )
    if previous is not None:
        since = max(since, previous.until)
    ranked = _vary_sections(
        selectors.brief_candidates(since=since, until=until, language=language)
    )
    chosen: list[ArticlePage] = []
    for article in ranked:
        if len(chosen) >= settings.MANCHETTE_BRIEF_MAX_ITEMS:
            break
        minutes = emails.brief_text_minutes(
            day=day, intro=intro, articles=[*chosen, article]
        )
        if minutes <= settings.MANCHETTE_BRIEF_MAX_MINUTES:
            chosen.append(article)
    minutes = emails.brief_text_minutes(day=day, intro=intro, articles=chosen)
    return BriefPlan(
        day=day, since=since, until=until, articles=chosen, minutes=minutes
    )


def brief_compose(*, day: date, language: str = "fr") -> BriefIssue:
    """Return the issue of ``day`` in ``language`` (composed from that edition's
    articles), composing it first if it does not exist yet.

    With no article to tell, the issue is recorded as empty (nothing is sent) so
    the admin can say so.
    """
    existing = BriefIssue.objects.filter(day=day, language=language).first()
    if existing is not None:
        return existing
    with translation.override(language):
        plan = brief_plan(day=day, language=language)
    try:
        with transaction.atomic():
            issue = BriefIssue.objects.create(
                day=day,
                language=language,
                since=plan.since,
                until=plan.until,
                status=BriefIssue.Status.DRAFT
                if plan.articles
                else BriefIssue.Status.EMPTY,
            )
            BriefItem.objects.bulk_create(
                BriefItem(issue=issue, article=article, sort_order=index)
                for index, article in enumerate(plan.articles)
            )
    except IntegrityError:
        # Another worker composed the same day at the same moment.
        return BriefIssue.objects.get(day=day, language=language)
    return issue


def brief_render_issue(issue: BriefIssue) -> emails.RenderedBrief:
    """Return the issue rendered once, as everyone receives it."""
    articles = selectors.brief_articles(issue)
    with translation.override(issue.language):
        return emails.brief_render(
            day=issue.day, intro=issue.intro, articles=articles, issue_id=issue.pk
        )


# Sending.


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
    rendered = brief_render_issue(issue)
    rendered.subject = f"[TEST] {rendered.subject}"
    rendered.message(email=email, token="test", delivery_id=0).send()

    brief_start(issue=issue)
    brief_deliver(issue=issue)
    issue.refresh_from_db()
    return issue
