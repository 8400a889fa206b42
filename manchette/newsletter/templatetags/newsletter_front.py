"""The "Les plus lus" block of the home page: news shows it, newsletter counts it."""

from django import template

from manchette.core.pagecache import add_cache_tags
from manchette.news.selectors.front import front_cards_by_ids

from ..audience import top_read_ids

register = template.Library()

MOST_READ_SIZE = 5


def most_read_ids(*, limit: int = MOST_READ_SIZE * 4) -> list[int]:
    """Return the ids of the most read articles of the last 24 hours, most read
    first, from the same hourly counts as the audience report.
    """
    return [
        article_id for article_id, _reads in top_read_ids(period="day", limit=limit)
    ]


@register.simple_tag(takes_context=True)
def most_read_articles(context, fallback=(), locale_id=None):
    """Return the five most read articles of the last 24 hours, topped up with
    ``fallback`` (the newest) when fewer were read; tags the page with them.
    Articles of ``locale_id``, by default the page's.
    """
    if locale_id is None:
        locale_id = getattr(context.get("page"), "locale_id", None)
    articles = front_cards_by_ids(most_read_ids(), locale_id=locale_id)
    shown = {article.pk for article in articles}
    articles += [a for a in fallback if a.pk not in shown]
    articles = articles[:MOST_READ_SIZE]
    request = context.get("request")
    if request is not None:
        add_cache_tags(
            request, "listing:latest", *(f"article:{a.pk}" for a in articles)
        )
    return articles
