"""The "Les plus lus" block of the home page: news shows it, newsletter counts it."""

from datetime import timedelta

from django import template
from django.db.models import Sum
from django.utils import timezone

from manchette.core.pagecache import add_cache_tags
from manchette.news.selectors.front import front_cards_by_ids

from ..models import ArticleReadCount

register = template.Library()

MOST_READ_SIZE = 5


def most_read_ids(*, limit: int = MOST_READ_SIZE) -> list[int]:
    """Return the ids of the most read articles of the last 24 hours (the read
    beacon counts per day: today's and yesterday's counts), most read first.
    """
    today = timezone.localdate()
    return list(
        ArticleReadCount.objects.filter(day__gte=today - timedelta(days=1))
        .values("article")
        .annotate(total=Sum("count"))
        .order_by("-total", "-article")
        .values_list("article", flat=True)[:limit]
    )


@register.simple_tag(takes_context=True)
def most_read_articles(context, fallback=()):
    """Return the five most read articles of the last 24 hours, topped up with
    ``fallback`` (the newest) when fewer were read; tags the page with them.
    """
    articles = front_cards_by_ids(most_read_ids())
    shown = {article.pk for article in articles}
    articles += [a for a in fallback if a.pk not in shown]
    articles = articles[:MOST_READ_SIZE]
    request = context.get("request")
    if request is not None:
        add_cache_tags(
            request, "listing:latest", *(f"article:{a.pk}" for a in articles)
        )
    return articles
