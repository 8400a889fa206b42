from django import template
from django.template import Context
from django.template.defaultfilters import linebreaks_filter
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import render_to_string
from django.utils.html import Urlizer, escape
from django.utils.safestring import mark_safe
from wagtail.models import Site

from manchette.comments.forms import CommentForm
from manchette.comments.models import CommentSettings
from manchette.comments.selectors import (
    comment_settings_for_site,
    comment_threads,
    comments_are_open,
)
from manchette.comments.spam import form_token
from manchette.core.fragments import fragments

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
    """Render ``comments/includes/comment.html`` for ``comment``, kept in memory by
    everything it shows (``core/fragments.py``).
    """
    key = (
        comment.pk,
        comment.author_name,
        comment.author_url,
        comment.body,
        comment.created_at,
    )

    return fragments.render(
        context, "comments/includes/comment.html", key, comment=comment
    )


def _rules(request) -> CommentSettings:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return comment_settings_for_site(site)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Stand-ins for the two values of a blank form that change with each display.
_CSRF_MARK = "\x1fcsrf\x1f"
_TOKEN_MARK = "\x1fjeton\x1f"
_CSRF_INPUT = CsrfTokenNode().render(Context({"csrf_token": _CSRF_MARK}))


def _csrf_input(token) -> str:
    """What ``{% csrf_token %}`` writes for ``token`` (nothing for an empty one)."""
    token = str(token or "")
    if not token or token == "NOTPROVIDED":
        return ""
    return _CSRF_INPUT.replace(_CSRF_MARK, escape(token))


def _blank_form(context, page, token: str) -> str:
    """Return the blank comment form of ``page``: rendered once per page, URL and
    language (``core/fragments.py``) with stand-ins for the CSRF token and the
    signed display time, which are written in for this display.
    """

    def render():
        blank = CommentForm(article=page)
        blank.token = _TOKEN_MARK
        return render_to_string(
            "comments/includes/form.html",
            {"page": page, "form": blank, "reply_to": None, "csrf_token": _CSRF_MARK},
        )

    html = fragments.get_or_render(("comment-form", page.pk, page.url), render)
    csrf = _csrf_input(context.get("csrf_token"))
    return mark_safe(
        html.replace(_CSRF_INPUT, csrf).replace(_TOKEN_MARK, escape(token))
    )


@register.inclusion_tag("comments/comment_area.html", takes_context=True)
def comment_area(context, page):
    """Render the approved comments of ``page`` and, when open, the comment form
    (two queries: the comments and the comment settings).
    """
    request = context.get("request")
    rules = _rules(request)
    saved = bool(page.pk)
    threads = comment_threads(page) if saved else []
    is_open = saved and comments_are_open(page, rules)
    # Most views have no query string: no need to parse one.
    query = (
        request.GET if request is not None and request.META.get("QUERY_STRING") else {}
    )
    reply_to = None
    form_html = None
    form = context.get("comment_form")
    if is_open and form is None:
        wanted = _int(query.get("repondre"))
        reply_to = next((c for c in threads if c.pk == wanted), None)
        if reply_to is None:  # The blank form, kept rendered.
            form_html = _blank_form(context, page, form_token(page.pk))
        else:
            form = CommentForm(article=page, initial={"parent": reply_to.pk})
    elif form is not None and form.is_bound:
        wanted = _int(form.data.get("parent"))
        reply_to = next((c for c in threads if c.pk == wanted), None)
    elif form is not None and is_open:
        form_html = _blank_form(context, page, form.token)
    status = query.get("commentaire")
    return {
        "form_html": form_html,
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
