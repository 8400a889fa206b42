"""Reads of the read API and the feeds: filtered article lists, one article,
sections, authors and tags by slug.
"""

from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from taggit.models import Tag

from ..models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    AuthorPage,
    SectionPage,
    TagIndexPage,
)
from .base import article_cards, in_locale, public
from .listings import section_list, section_subtree


def article_list_filtered(
    *,
    section: SectionPage | None = None,
    tag: Tag | None = None,
    author: AuthorPage | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    locale_id: int | None = None,
    any_locale: bool = False,
) -> QuerySet:
    """Return public live articles of a locale (default: French; every locale with
    ``any_locale``), newest first, with their authors prefetched, narrowed by any
    of section, tag, author and a publication date range.
    """
    queryset = article_cards(tags=True).prefetch_related(
        Prefetch(
            "article_authors",
            queryset=ArticlePageAuthor.objects.select_related("author").order_by(
                "sort_order"
            ),
            # Read by ArticlePage.author_list.
            to_attr="byline_links",
        )
    )
    if not any_locale:
        queryset = in_locale(queryset, locale_id)
    if section is not None:
        queryset = queryset.filter(section_id__in=section_subtree(section))
    if tag is not None:
        queryset = queryset.filter(
            Exists(
                ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag=tag)
            )
        )
    if author is not None:
        queryset = queryset.filter(
            Exists(ArticlePageAuthor.objects.filter(page=OuterRef("pk"), author=author))
        )
    if since is not None:
        queryset = queryset.filter(published_at__gte=since)
    if until is not None:
        queryset = queryset.filter(published_at__lt=until)
    return queryset


def article_get_public(pk: int) -> ArticlePage | None:
    """Return the live, public article ``pk`` with its body, tags and authors, or None."""
    return (
        article_list_filtered(any_locale=True)
        .defer(None)
        .select_related("section", "featured_image")
        .filter(pk=pk)
        .first()
    )


def section_get_public(
    slug: str, *, locale_id: int | None = None
) -> SectionPage | None:
    """Return the live, public section with ``slug`` in a locale (default: French),
    or None. ``slug`` may be a path under the home page (``politique/elections``,
    see ``section_feed_path``) to tell apart subsections sharing a slug; a bare
    slug gives the first such section in the editors' order (a top-level one
    before any subsection).
    """
    sections = section_list(locale_id=locale_id)
    if "/" not in slug:
        return sections.filter(slug=slug).first()
    parts = slug.split("/")
    return sections.filter(
        slug=parts[-1],
        depth=SECTION_TOP_DEPTH + len(parts) - 1,
        url_path__endswith=f"/{slug}/",
    ).first()


# Root (1), home page (2), top-level sections (3).
SECTION_TOP_DEPTH = 3


def section_feed_path(section: SectionPage) -> str:
    """Return the path of ``section`` under its home page, as its feed's URL
    names it: ``politique`` for a top-level section, ``politique/elections``
    for a subsection.
    """
    return "/".join(section.url_path.strip("/").split("/")[1:])


def author_list() -> QuerySet:
    """Return the live, public author pages by name, with their photos."""
    return (
        public(AuthorPage.objects.live())
        .select_related("photo")
        .order_by("title", "pk")
    )


def author_get_public(slug: str) -> AuthorPage | None:
    """Return the live, public author page with ``slug``, or None."""
    return author_list().filter(slug=slug).first()


def tag_list_used() -> QuerySet:
    """Return the tags carried by at least one live article, by name, with
    ``article_count`` (live articles only).
    """
    return (
        Tag.objects.filter(news_articlepagetag_items__content_object__live=True)
        .annotate(
            article_count=Count(
                "news_articlepagetag_items",
                filter=Q(news_articlepagetag_items__content_object__live=True),
            )
        )
        .order_by("name", "pk")
    )


def tag_get_used(slug: str) -> Tag | None:
    """Return the tag with ``slug`` if a live article carries it, or None."""
    return tag_list_used().filter(slug=slug).first()


def tag_index_get(*, site=None) -> TagIndexPage | None:
    """Return the live, public tag index (``/sujets/``), the first in the tree
    (of ``site`` when given), or None.
    """
    indexes = TagIndexPage.objects.live().public()
    if site is not None:
        indexes = indexes.descendant_of(site.root_page)
    return indexes.order_by("path").first()


def article_is_live(pk: int) -> bool:
    """Return whether the article ``pk`` exists and is live."""
    return ArticlePage.objects.live().filter(pk=pk).exists()
