"""Lists of articles, sections and tags that pages show, newest first."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, QuerySet
from taggit.models import Tag
from wagtail.models import Page

from manchette.core.privacy import any_view_restriction

from ..models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    AuthorPage,
    SectionPage,
)
from .base import (
    article_cards,
    card_fields,
    in_locale,
    live_articles,
    live_locale_ids,
    not_live,
    public,
)


def article_get_by_path(slug: str, url_path: str) -> ArticlePage | None:
    """Return the article at ``url_path`` (whose last part is ``slug``), with its
    section and featured image, or None. Unordered: the slug (indexed) narrows
    the look-up to a few rows.
    """
    return next(
        iter(
            ArticlePage.objects.filter(slug=slug, url_path=url_path)
            .select_related("featured_image", "section")
            .order_by()[:1]
        ),
        None,
    )


def section_get_by_path(slug: str, url_path: str) -> SectionPage | None:
    """Return the section at ``url_path`` (whose last part is ``slug``), or None."""
    return next(
        iter(SectionPage.objects.filter(slug=slug, url_path=url_path).order_by()[:1]),
        None,
    )


def article_bylines(article_id: int) -> list[AuthorPage]:
    """Return the authors of an article in their order, with only what bylines,
    metadata, feeds and the API read of them.
    """
    links = (
        ArticlePageAuthor.objects.filter(page_id=article_id)
        .select_related("author")
        .only("sort_order", "page", "author__title", "author__slug", "author__url_path")
        .order_by("sort_order")
    )
    return [link.author for link in links]


def page_ancestors_below_home(page) -> list[Page]:
    """Return the ancestors of ``page`` below the home page (its sections), top
    first: a subsection's or a subsection article's breadcrumb.
    """
    return list(Page.objects.ancestor_of(page, inclusive=False).filter(depth__gt=2))


def article_tags(article_id: int) -> list[Tag]:
    """Return the tags of an article in the order they were added (taggit's)."""
    return list(
        Tag.objects.filter(
            news_articlepagetag_items__content_object_id=article_id
        ).order_by("news_articlepagetag_items__id")
    )


def article_list_latest(
    *, limit: int = 10, locale_id: int | None = None
) -> list[ArticlePage]:
    """Return the newest articles of a locale (default: French), featured ones first
    among the very latest.
    """
    return list(in_locale(card_fields(article_cards()), locale_id)[:limit])


def article_list_for_section(section: SectionPage) -> QuerySet:
    """Return the articles of a section and of its subsections, newest first (as
    a WordPress category archive lists its child categories' posts).
    """
    return card_fields(article_cards()).filter(section_id__in=section_subtree(section))


def section_subtree(section: SectionPage) -> QuerySet:
    """Return the ids of ``section`` and of its subsections, at any depth."""
    return SectionPage.objects.filter(
        path__startswith=section.path, depth__gte=section.depth
    ).values("pk")


def article_list_for_tag(tag: Tag, *, locale_id: int | None = None) -> QuerySet:
    """Return the articles of a locale (default: French) carrying a tag, newest first.

    Read from the tag's links in the order of their copy of the date (index
    ``news_tag_published``): a page of the listing reads its own rows only,
    however rare the tag (filtering the newest articles of the whole site for
    the tag walked the archive for a rare one: 0.7 s at 100,000 articles).
    """
    return (
        in_locale(card_fields(article_cards()), locale_id)
        .filter(tagged_items__tag=tag)
        .order_by("-tagged_items__published_at", "-tagged_items__content_object_id")
    )


def article_list_for_author(author: AuthorPage) -> QuerySet:
    """Return the articles signed by an author, newest first, read from the
    author's links in the order of their copy of the date (index
    ``news_author_published``), as a tag's are.
    """
    return (
        card_fields(article_cards())
        .filter(article_authors__author=author)
        .order_by("-article_authors__published_at", "-article_authors__page_id")
    )


def article_count(
    *,
    section: SectionPage | None = None,
    tag: Tag | None = None,
    author: AuthorPage | None = None,
    locale_id: int | None = None,
) -> int:
    """Return how many public live articles a listing holds (its paginator's count);
    a tag's are counted in one locale (default: French), as its page lists them.

    Counted on the article table alone (its section index), or on the tag's or
    author's links alone, minus the few pages that are not live, which a partial
    index on ``wagtailcore_page`` holds: joining every page row to read ``live``
    took 66 ms for a 12,500-article section on PostgreSQL, this takes about 3 ms.
    """
    queryset = live_articles()
    if section is not None:
        queryset = queryset.filter(section_id__in=section_subtree(section))
    if section is None and not any_view_restriction():
        # The usual site: the tag's or the author's links, minus the pages
        # not live (an author's page lists every language, a tag's one).
        live = live_locale_ids()
        one_language = len(live) <= 1 and (locale_id is None or locale_id in live)
        if tag is not None and author is None and one_language:
            links = ArticlePageTag.objects.filter(tag=tag)
            return links.exclude(content_object_id__in=not_live()).count()
        if author is not None and tag is None:
            links = ArticlePageAuthor.objects.filter(author=author)
            return links.exclude(page_id__in=not_live()).count()
    if tag is not None:
        queryset = in_locale(queryset, locale_id).filter(
            Exists(
                ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag=tag)
            )
        )
    if author is not None:
        queryset = queryset.filter(
            Exists(ArticlePageAuthor.objects.filter(page=OuterRef("pk"), author=author))
        )
    return queryset.count()


def section_list(*, locale_id: int | None = None) -> QuerySet:
    """Return the live sections of a locale (default: French) in the editors' order
    (their order in the page tree).
    """
    # The id filter makes SQLite start from the few section rows; ordered by
    # path alone, it walked every page of the tree (0.35 s at 100,000 articles).
    return (
        in_locale(public(SectionPage.objects.live()), locale_id)
        .filter(pk__in=SectionPage.objects.values("pk"))
        .order_by("path")
    )


def section_blocks(
    *, per_section: int = 4, locale_id: int | None = None
) -> list[tuple[SectionPage, list[ArticlePage]]]:
    """Return each live top-level section with the newest ``per_section`` articles
    of its subtree (its own and its subsections'): the sections, one query of
    ids per top-level section (each reads its rows through the section index,
    where a window function would rank every article of the site), then the
    cards, however many articles exist.
    """
    sections = list(section_list(locale_id=locale_id))
    if not sections:
        return []
    top_depth = min(section.depth for section in sections)
    tops = [section for section in sections if section.depth == top_depth]
    subtrees = {
        top.pk: [
            section.pk for section in sections if section.path.startswith(top.path)
        ]
        for top in tops
    }
    owner = {pk: top_pk for top_pk, pks in subtrees.items() for pk in pks}
    public = live_articles()
    newest = [
        pk
        for pks in subtrees.values()
        for pk in public.filter(section_id__in=pks)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:per_section]
    ]
    ranked = card_fields(article_cards()).filter(pk__in=newest)
    by_section = defaultdict(list)
    for card in ranked:
        by_section[owner[card.section_id]].append(card)
    return [(top, by_section[top.pk]) for top in tops if by_section[top.pk]]


def tag_list_popular(*, limit: int = 100) -> QuerySet:
    """Return the tags used by live articles, most used first."""
    return (
        Tag.objects.filter(news_articlepagetag_items__content_object__live=True)
        .annotate(article_count=Count("news_articlepagetag_items"))
        .order_by("-article_count", "name")[:limit]
    )


def article_cards_by_ids(ids: list[int]) -> list[ArticlePage]:
    """Return the public live articles ``ids`` as cards, in the order of ``ids``."""
    cards = {card.pk: card for card in article_cards().filter(pk__in=ids)}
    return [cards[pk] for pk in ids if pk in cards]
