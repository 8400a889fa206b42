"""Reads of the audience report and of "Les plus lus", from the read counter."""

from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from manchette.news.models import ArticlePage
from manchette.news.selectors import article_cards

from .models import ArticleReadCount, ArticleReadHour

PERIODS = {"hour": timedelta(hours=1), "day": timedelta(hours=24), "week": None}


def _hour_start(now) -> object:
    return now.replace(minute=0, second=0, microsecond=0)


def top_read_ids(*, period: str, limit: int = 20, now=None) -> list[tuple[int, int]]:
    """Return ``(article id, reads)`` of the most read articles, most read first:
    over the last hour or 24 hours (hourly rows), or the last 7 days (daily
    totals, today included).
    """
    now = now or timezone.now()
    if period == "week":
        rows = ArticleReadCount.objects.filter(
            day__gte=timezone.localdate(now) - timedelta(days=6)
        )
    else:
        # The current hour's row plus whole hours back to the start of the window.
        since = _hour_start(now - PERIODS[period] + timedelta(hours=1))
        rows = ArticleReadHour.objects.filter(hour__gte=since)
    return list(
        rows.values("article")
        .annotate(reads=Sum("count"))
        .order_by("-reads", "-article")
        .values_list("article", "reads")[:limit]
    )


def most_read(*, limit: int = 5, now=None) -> list[ArticlePage]:
    """Return the live articles most read over the last 24 hours, most read
    first, as cards with a ``reads`` attribute ("Les plus lus").
    """
    ranked = top_read_ids(period="day", limit=limit * 2, now=now)
    cards = {card.pk: card for card in article_cards().filter(pk__in=dict(ranked))}
    result = []
    for article_id, reads in ranked:
        if article_id in cards:
            cards[article_id].reads = reads
            result.append(cards[article_id])
    return result[:limit]


def titled(ranked: list[tuple[int, int]]) -> list[dict]:
    """Return ``ranked`` ``(id, reads)`` pairs with each article's title, section and URL."""
    pages = {
        page.pk: page
        for page in ArticlePage.objects.filter(pk__in=[pk for pk, _ in ranked])
        .select_related("section")
        .only("title", "url_path", "section__title")
    }
    return [
        {
            "id": pk,
            "reads": reads,
            "title": pages[pk].title if pk in pages else "",
            "section": pages[pk].section.title
            if pk in pages and pages[pk].section_id
            else "",
            "url": pages[pk].url if pk in pages else "",
        }
        for pk, reads in ranked
    ]


def reads_per_section(*, days: int = 7, today: date | None = None) -> list[tuple]:
    """Return ``(section title, reads)`` over the last ``days`` days, most read first."""
    today = today or timezone.localdate()
    return list(
        ArticleReadCount.objects.filter(day__gt=today - timedelta(days=days))
        .values("article__section__title")
        .annotate(reads=Sum("count"))
        .order_by("-reads")
        .values_list("article__section__title", "reads")
    )


def reads_per_day(*, days: int = 30, today: date | None = None) -> list[tuple]:
    """Return ``(day, reads)`` for each of the last ``days`` days, oldest first
    (0 for a day without reads).
    """
    today = today or timezone.localdate()
    start = today - timedelta(days=days - 1)
    totals = dict(
        ArticleReadCount.objects.filter(day__gte=start)
        .values("day")
        .annotate(reads=Sum("count"))
        .values_list("day", "reads")
    )
    return [
        (start + timedelta(days=n), totals.get(start + timedelta(days=n), 0))
        for n in range(days)
    ]


def reads_per_article_per_day(*, days: int = 30, today: date | None = None):
    """Return ``(day, article id, title, section, reads)`` rows of the last
    ``days`` days, newest day first, most read first within a day.
    """
    today = today or timezone.localdate()
    return (
        ArticleReadCount.objects.filter(day__gt=today - timedelta(days=days))
        .order_by("-day", "-count", "article")
        .values_list(
            "day", "article", "article__title", "article__section__title", "count"
        )
    )
