from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.core.pagecache import add_cache_tags, page_tag
from manchette.core.pagecache.fragments import fragment
from manchette.news.models import SectionPage, TagIndexPage
from manchette.news.selectors import page_ancestors_below_home, section_list

register = template.Library()


@register.simple_tag(takes_context=True)
def card(context, card):
    """Render ``includes/card.html`` for ``card`` (``compact`` from the context);
    the page then shows the article (its ``article:<pk>`` cache tag).
    """
    add_cache_tags(context.get("request"), page_tag("article", card.pk))
    template = context.template.engine.get_template("includes/card.html")
    with context.push(card=card, compact=bool(context.get("compact"))):
        return template.render(context)


@register.simple_tag(takes_context=True)
def article_cache_tags(context, article) -> str:
    """Record the tags of what an article's page shows of it (itself, its
    section, tags and authors); renders nothing. Called inside each part of
    the page that shows them, so a part from the render cache carries them.
    """
    from manchette.news.tags import article_page_tags

    add_cache_tags(context.get("request"), article_page_tags(article))
    return ""


def navigation(locale_id: int | None = None) -> dict:
    """Return the navigation of a locale (default: French): its sections as
    ``{"pk", "title", "url", "path"}`` and the tag index URL, from the fragment
    cache (renewed with the ``site`` tag, which a section's publication,
    withdrawal, move or renaming invalidates).
    """
    return fragment(
        f"news:navigation:{locale_id or 0}",
        ["site"],
        lambda: _navigation_build(locale_id),
    )


def _navigation_build(locale_id: int | None) -> dict:
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
    return {
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


def _navigation(context) -> dict:
    """Return the navigation in the language of the page shown; every page
    showing it carries the ``site`` tag.
    """
    add_cache_tags(context.get("request"), "site")
    return navigation(getattr(context.get("page"), "locale_id", None))


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
def tag_index_url(context):
    """Return the URL of the tag index (``/sujets/``), under which each tag's page
    is ``<slug>/``, or "" without a tag index.
    """
    return _navigation(context)["tag_index_url"] or ""


@register.simple_tag(takes_context=True)
def breadcrumb(context, page, tag=None):
    """Return the breadcrumb of ``page`` as ``[{"title", "url"}]``: Accueil, then
    each ancestor below the home page, then the page itself (and a tag, if given).
    """
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
        # An article of a subsection, or a subsection: the chain its page loaded
        # (``page_ancestors``), else one query.
        shown = context.get("page")
        ancestors = context.get("page_ancestors")
        if ancestors is None or getattr(shown, "pk", None) != page.pk:
            ancestors = page_ancestors_below_home(page)
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
