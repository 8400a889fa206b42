"""Writes of the newsletter: sign-up, confirmation, unsubscription, composition of
the daily brief and its delivery in claimed batches.
"""

import logging
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from manchette.news.models import ArticlePage

from . import emails, selectors
from .models import BriefIssue, BriefItem, Subscriber

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


# Sending lives in delivery.py; its public names stay reachable from here.
from .delivery import (  # noqa: E402, F401
    RateLimiter,
    brief_deliver,
    brief_finish_if_done,
    brief_send_test,
    brief_start,
    claim_token_new,
    claims_release_dead,
    deliveries_claim,
    deliveries_left,
    deliveries_send,
)
