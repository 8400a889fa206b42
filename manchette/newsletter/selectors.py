"""Reads of the newsletter: the brief's candidate articles and an issue's items."""

from datetime import datetime

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from manchette.news.models import ArticlePage
from manchette.news.selectors import article_cards

from .models import ArticleReadCount, BriefIssue, Subscriber


def brief_candidates(
    *, since: datetime, until: datetime, language: str = "fr"
) -> list[ArticlePage]:
    """Return the live articles first published in (since, until]: featured first,
    then the most read over that time (counted by the read beacon), then newest.

    With no read counted yet the order falls back to recency.
    """
    reads = (
        ArticleReadCount.objects.filter(
            article=OuterRef("pk"), day__gte=since.date(), day__lte=until.date()
        )
        .values("article")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return list(
        article_cards()
        .filter(
            published_at__gt=since,
            published_at__lte=until,
            locale__language_code=language,
        )
        .annotate(reads=Coalesce(Subquery(reads), 0))
        .order_by("-featured", "-reads", "-published_at", "-pk")
    )


def brief_articles(issue: BriefIssue) -> list[ArticlePage]:
    """Return the live articles of ``issue`` in the editors' order."""
    items = issue.items.order_by("sort_order", "pk").values_list(
        "article_id", flat=True
    )
    order = list(items)
    articles = {article.pk: article for article in article_cards().filter(pk__in=order)}
    return [articles[pk] for pk in order if pk in articles]


def subscriber_count_active(*, language: str | None = None) -> int:
    """Return how many subscribers are active (who chose ``language``, if given)."""
    active = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
    if language is not None:
        active = active.filter(language=language)
    return active.count()
