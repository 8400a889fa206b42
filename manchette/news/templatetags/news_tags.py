from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from manchette.core.fragments import fragments, image_key
from manchette.core.sites import state
from manchette.news.models import SectionPage, TagIndexPage
from manchette.news.selectors import NAV_CACHE_KEY, section_list

register = template.Library()


@register.simple_tag(takes_context=True)
def card(context, card):
    """Render ``includes/card.html`` for ``card`` (``compact`` from the context),
    kept in memory by everything the card shows (``core/fragments.py``).
    """
    compact = bool(context.get("compact"))
    image = card.featured_image if card.featured_image_id else None
    site = Site.find_for_request(context.get("request"))
    key = (
        site.pk if site else None,
        compact,
        card.pk,
        card.url_path,
        card.title,
        card.card_label,
        card.excerpt,
        card.published_at,
        card.comment_count,
        image_key(image),
    )

    return fragments.render(
        context, "includes/card.html", key, card=card, compact=compact
    )


def _memo(context, key, compute):
    """Return ``compute()`` once per request, kept on the request object."""
    request = context.get("request")
    store = getattr(request, "_manchette_memo", None) if request is not None else None
    if store is None:
        store = {}
        if request is not None:
            request._manchette_memo = store
    if key not in store:
        store[key] = compute()
    return store[key]


def navigation(locale_id: int | None = None) -> dict:
    """Return the navigation of a locale (default: French): its sections as
    ``{"pk", "title", "url"}`` and the tag index URL, cached (one entry for every
    locale) until a page is published, unpublished, moved or deleted.
    """
    key = locale_id or 0
    navs = state.get(NAV_CACHE_KEY) or {}
    if key not in navs:
        navs = dict(navs)  # The kept dict is shared by the worker's requests.
        indexes = TagIndexPage.objects.live()
        index = (
            indexes.filter(locale_id=locale_id).first() if locale_id else None
        ) or indexes.order_by("path").first()
        top_level = []
        for section in section_list(locale_id=locale_id):
            # Ordered by path: a subsection comes right after its parent.
            if top_level and section.path.startswith(top_level[-1].path):
                continue
            top_level.append(section)
        navs[key] = {
            "sections": [
                {
                    "pk": section.pk,
                    "title": section.title,
                    "url": section.url,
                    "path": section.path,
                }
                for section in top_level
            ],
            "tag_index_url": index.url if index else None,
        }
        state.set(NAV_CACHE_KEY, navs, 3600)
    return navs[key]


def _navigation(context) -> dict:
    """Return the navigation in the language of the page shown, once per request."""
    locale_id = getattr(context.get("page"), "locale_id", None)
    return _memo(context, ("nav", locale_id), lambda: navigation(locale_id))


@register.simple_tag(takes_context=True)
def site_sections(context):
    """Return the live top-level sections for the navigation, each with ``current``:
    "page" on the section itself, "true" on one of its subsections or articles,
    else "".
    """
    page = context.get("page")
    page_id = getattr(page, "pk", None)
    page_path = getattr(page, "path", None) or ""
    return [
        {
            **section,
            "current": "page"
            if section["pk"] == page_id
            else (
                "true"
                if section.get("path") and page_path.startswith(section["path"])
                else ""
            ),
        }
        for section in _navigation(context)["sections"]
    ]


@register.simple_tag(takes_context=True)
def tag_url(context, slug):
    """Return the URL of a tag's page (``/sujets/<slug>/``), or "" without a tag index."""
    base = _navigation(context)["tag_index_url"]
    return f"{base}{slug}/" if base else ""


@register.simple_tag(takes_context=True)
def breadcrumb(context, page, tag=None):
    """Return the breadcrumb of ``page`` as ``[{"title", "url"}]``: Accueil, then
    each ancestor below the home page, then the page itself (and a tag, if given).
    Once per request: the page and its metadata (JSON-LD) both show it.
    """
    return _memo(
        context,
        ("breadcrumb", page.pk, tag.pk if tag is not None else None),
        lambda: _breadcrumb(context, page, tag),
    )


def _breadcrumb(context, page, tag):
    request = context.get("request")
    # The home page of the language shown: "/" for French, "/ar/" for Arabic.
    crumbs = [{"title": _("Accueil"), "url": reverse("wagtail_serve", args=("",))}]
    if page.depth <= 2:
        crumbs = []
    elif page.depth == 4 and getattr(page, "section_id", None):
        # An article's only ancestors are the home page and its section, which
        # the article query already selected: no query needed.
        crumbs.append(
            {"title": page.section.title, "url": page.section.get_url(request)}
        )
    elif page.depth > 4 or (page.depth == 4 and isinstance(page, SectionPage)):
        # An article of a subsection, or a subsection: one query for the chain.
        # Memoized: the page and its metadata (JSON-LD) both show the chain.
        ancestors = _memo(
            context,
            f"ancestors:{page.pk}",
            lambda: list(
                Page.objects.ancestor_of(page, inclusive=False).filter(depth__gt=2)
            ),
        )
        crumbs += [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    crumbs.append({"title": page.title, "url": page.get_url(request)})
    if tag is not None:
        crumbs.append({"title": tag.name, "url": ""})
    return crumbs


@register.filter
def isodatetime(value):
    """Return a datetime as local ISO 8601 without fractions of a second."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
