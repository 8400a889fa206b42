"""Template tags of live blogs: the "En direct" badge of article cards."""

from django import template

from manchette.news.selectors.live import live_blog_ids_live

register = template.Library()

REQUEST_ATTRIBUTE = "manchette_live_blog_ids"


@register.simple_tag(takes_context=True)
def live_badge_shown(context, card) -> bool:
    """Return True when ``card`` is a live blog whose coverage is live.

    The ids of the live blogs being covered are read once per request (one query
    on a handful of rows), whatever the number of cards.
    """
    request = context.get("request")
    ids = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if ids is None:
        ids = live_blog_ids_live()
        if request is not None:
            setattr(request, REQUEST_ATTRIBUTE, ids)
    return getattr(card, "pk", None) in ids
