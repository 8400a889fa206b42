from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import Urlizer
from django.utils.safestring import mark_safe

from manchette.comments.forms import CommentForm
from manchette.comments.selectors import (
    comment_settings_for_site,
    comment_threads,
    comments_are_open,
)
from manchette.core.pagecache import add_cache_tags, page_tag
from manchette.core.sites import site_for_request

register = template.Library()

STATUS_MESSAGES = {"en-attente", "publie"}


class CommentUrlizer(Urlizer):
    """Links the web addresses readers type, marked as user content; e-mail
    addresses stay plain text so the page offers no harvestable mailto: links.
    """

    url_template = '<a href="{href}" rel="nofollow ugc noopener">{url}</a>'

    @staticmethod
    def is_email_simple(value):
        return False


_urlize = CommentUrlizer()


@register.filter(is_safe=True)
def comment_text(value):
    """Return a reader's text escaped, with web addresses linked and line breaks
    kept as paragraphs and ``<br>``; no markup from the reader survives.
    """
    linked = mark_safe(_urlize(str(value or ""), trim_url_limit=60, autoescape=True))
    return linebreaks_filter(linked, autoescape=True)


@register.filter
def http_url(value):
    """Return ``value`` when it is an http(s) address, else "" (so an imported
    ``javascript:`` website never becomes a link).
    """
    value = str(value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


@register.simple_tag(takes_context=True)
def comment_entry(context, comment):
    """Render ``comments/includes/comment.html`` for ``comment``."""
    template = context.template.engine.get_template("comments/includes/comment.html")
    with context.push(comment=comment):
        return template.render(context)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@register.inclusion_tag("comments/comment_area.html", takes_context=True)
def comment_area(context, page):
    """Render the approved comments of ``page`` and, when open, the comment form
    (two queries: the comments and the comment settings).
    """
    request = context.get("request")
    rules = comment_settings_for_site(site_for_request(request))
    if saved := bool(page.pk):
        # The comments and their count change with the article's tag; the form
        # follows the comment rules, which are the site's.
        add_cache_tags(request, page_tag("article", page.pk), "site")
    threads = comment_threads(page) if saved else []
    is_open = saved and comments_are_open(page, rules)
    # Most views have no query string: no need to parse one.
    query = (
        request.GET if request is not None and request.META.get("QUERY_STRING") else {}
    )
    reply_to = None
    form = context.get("comment_form")
    if is_open and form is None:
        wanted = _int(query.get("repondre"))
        reply_to = next((c for c in threads if c.pk == wanted), None)
        initial = {"parent": reply_to.pk} if reply_to is not None else None
        form = CommentForm(article=page, initial=initial)
    elif form is not None and form.is_bound:
        wanted = _int(form.data.get("parent"))
        reply_to = next((c for c in threads if c.pk == wanted), None)
    status = query.get("commentaire")
    return {
        "request": request,
        "page": page,
        "threads": threads,
        "count": sum(1 + len(c.reply_list) for c in threads),
        "is_open": is_open,
        "form": form,
        "reply_to": reply_to,
        "status": status if status in STATUS_MESSAGES else None,
        "csrf_token": context.get("csrf_token"),
    }
