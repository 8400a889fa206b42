from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from manchette.news.models import TagIndexPage
from manchette.news.selectors import section_list

register = template.Library()


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


@register.simple_tag(takes_context=True)
def site_sections(context):
    """Return the live sections for the navigation."""
    return _memo(context, "sections", lambda: list(section_list()))


@register.simple_tag(takes_context=True)
def tag_url(context, slug):
    """Return the URL of a tag's page (``/sujets/<slug>/``), or "" without a tag index."""

    def find():
        index = TagIndexPage.objects.live().first()
        return index.url if index else None

    base = _memo(context, "tag_index_url", find)
    return f"{base}{slug}/" if base else ""


@register.simple_tag(takes_context=True)
def breadcrumb(context, page, tag=None):
    """Return the breadcrumb of ``page`` as ``[{"title", "url"}]``: Accueil, then
    each ancestor below the home page, then the page itself (and a tag, if given).
    """
    request = context.get("request")
    crumbs = []
    ancestors = Page.objects.ancestor_of(page, inclusive=False).filter(depth__gte=2)
    for ancestor in ancestors:
        title = _("Accueil") if ancestor.depth == 2 else ancestor.title
        crumbs.append({"title": title, "url": ancestor.get_url(request)})
    if tag is not None:
        crumbs.append({"title": page.title, "url": page.get_url(request)})
        crumbs.append({"title": tag.name, "url": ""})
    else:
        crumbs.append({"title": page.title, "url": page.get_url(request)})
    return crumbs
