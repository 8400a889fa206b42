"""Template tags of the reader's front: home blocks, times, share links, footer."""

from urllib.parse import quote, urlencode

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from manchette.core.pagecache import add_cache_tags
from manchette.core.pagecache.fragments import fragment
from manchette.news.selectors import locale_id_for, section_feed_path
from manchette.news.selectors.front import (
    author_boxes,
    footer_pages,
    rail_latest,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def front_cache_tags(context, front) -> str:
    """Tag the home page's response with everything its blocks show."""
    add_cache_tags(
        context.get("request"),
        "home",
        "listing:latest",
        (f"article:{article.pk}" for article in front.articles),
        (f"section:{section.pk}" for section, _cards in front.sections),
    )
    return ""


@register.simple_tag(takes_context=True)
def listing_parts(context, page_obj) -> dict:
    """Split a listing's page into its lead item (first page only) and its rows,
    tagging the response with the articles shown.
    """
    items = list(page_obj)
    add_cache_tags(
        context.get("request"), (f"article:{article.pk}" for article in items)
    )
    if page_obj.number == 1 and items:
        return {"lead": items[0], "rows": items[1:]}
    return {"lead": None, "rows": items}


@register.simple_tag(takes_context=True)
def rail_locale(context) -> int | None:
    """Return the locale of the page's edition: the page's own, or the URL's
    language for views without a page (search).
    """
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    return locale_id_for(get_language())


@register.simple_tag(takes_context=True)
def latest_for_rail(context, locale_id=None) -> list:
    """Return the newest articles shown beside a listing ("Dernières infos"),
    tagging the response with ``listing:latest`` (any publication renews them).
    """
    articles = rail_latest(locale_id=locale_id)
    add_cache_tags(
        context.get("request"),
        "listing:latest",
        (f"article:{article.pk}" for article in articles),
    )
    return articles


@register.filter
def clock(value) -> str:
    """Return the local time of a datetime as newsrooms write it: ``14h30``."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return _("%(hour)sh%(minute)s") % {
        "hour": f"{local.hour:02d}",
        "minute": f"{local.minute:02d}",
    }


@register.filter
def stamp(value) -> str:
    """Return ``14h30`` for a time of today, else the date: ``29 octobre`` this
    year, ``29 octobre 2024`` before.
    """
    if not value:
        return ""
    local = timezone.localtime(value)
    today = timezone.localdate()
    if local.date() == today:
        return clock(value)
    if local.year == today.year:
        return formats.date_format(local, "j F")
    return formats.date_format(local, "j F Y")


@register.filter
def is_today(value) -> bool:
    return bool(value) and timezone.localtime(value).date() == timezone.localdate()


@register.simple_tag(takes_context=True)
def share_links(context, page) -> list[dict]:
    """Return the share links of ``page``: plain links to each network's share
    page (no script, no request to them until the reader clicks).
    """
    request = context.get("request")
    url = page.get_full_url(request)
    title = page.title
    text = f"{title} {url}"
    return [
        {
            "network": "whatsapp",
            "name": "WhatsApp",
            "url": "https://wa.me/?" + urlencode({"text": text}),
        },
        {
            "network": "facebook",
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?"
            + urlencode({"u": url}),
        },
        {
            "network": "x",
            "name": "X",
            "url": "https://x.com/intent/post?"
            + urlencode({"url": url, "text": title}),
        },
        {
            "network": "linkedin",
            "name": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}),
        },
        {
            "network": "telegram",
            "name": "Telegram",
            "url": "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "email",
            "name": _("E-mail"),
            "url": f"mailto:?subject={quote(title)}&body={quote(text)}",
        },
    ]


@register.simple_tag(takes_context=True)
def article_authors(context, page):
    """Return the article's authors for the author box, tagging the response."""
    authors = author_boxes(page)
    add_cache_tags(
        context.get("request"), (f"author:{author.pk}" for author in authors)
    )
    return authors


@register.simple_tag(takes_context=True)
def site_footer_pages(context) -> list[dict]:
    """Return the footer's content pages, from the fragment cache (renewed with
    the ``site`` tag, which a content page's publication or renaming invalidates).
    """
    add_cache_tags(context.get("request"), "site")
    locale_id = getattr(context.get("page"), "locale_id", None)
    return fragment(
        f"news:footer:{locale_id or 0}",
        ["site"],
        lambda: footer_pages(locale_id=locale_id),
    )


@register.simple_tag
def feed_url(kind: str, subject) -> str:
    """Return the RSS feed URL of a section, tag or author page ("" if none)."""
    try:
        if kind == "section":
            return reverse("feed_section_rss", args=[section_feed_path(subject)])
        if kind == "tag":
            return reverse("feed_tag_rss", args=[subject.slug])
        if kind == "author":
            return reverse("feed_author_rss", args=[subject.slug])
        return reverse("feed_rss")
    except NoReverseMatch:
        return ""
