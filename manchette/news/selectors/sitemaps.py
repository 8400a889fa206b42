"""Reads of the sitemaps: rows of ids, paths and dates, no page objects."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max, QuerySet, Value
from taggit.models import Tag
from wagtail.models import Page

from ..models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    AuthorPage,
    SectionPage,
)
from .base import public


def sitemap_article_chunks(*, size: int) -> list[tuple[int, datetime | None]]:
    """Return ``(chunk, lastmod)`` for each non-empty chunk of ``size`` page ids
    holding public live articles, in one grouped query: chunk ``n`` holds the ids
    ``n * size`` to ``(n + 1) * size - 1``, so it never exceeds ``size`` entries
    and its URL stays the same as articles are added.
    """
    rows = (
        public(ArticlePage.objects.live())
        .annotate(chunk=F("pk") / Value(size))
        .values("chunk")
        .annotate(lastmod=Max("last_published_at"))
        .order_by("chunk")
    )
    return [(row["chunk"], row["lastmod"]) for row in rows]


def sitemap_article_rows(*, chunk: int, size: int) -> QuerySet:
    """Return ``(url_path, last_published_at)`` of the public live articles in
    ``chunk`` (see ``sitemap_article_chunks``), by id, without building pages.
    """
    return (
        public(ArticlePage.objects.live())
        .filter(pk__gte=chunk * size, pk__lt=(chunk + 1) * size)
        .order_by("pk")
        .values_list("url_path", "last_published_at")
    )


def sitemap_page_rows() -> QuerySet:
    """Return ``(url_path, last_published_at)`` of the public live pages that have
    no sitemap of their own (home, author index, tag index, content pages), by path:
    articles, sections and authors are listed by ``sitemap_listing_rows``.
    """
    own_sitemaps = [
        ContentType.objects.get_for_model(model)
        for model in (ArticlePage, SectionPage, AuthorPage)
    ]
    return (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .exclude(content_type__in=own_sitemaps)
        .order_by("path")
        .values_list("url_path", "last_published_at")
    )


def _newest_by(queryset: QuerySet, group: str, date: str) -> dict:
    """Return ``{group value: newest date}`` over ``queryset``, one grouped query
    cleared of the model's default ordering (which would split the groups).
    """
    return dict(
        queryset.order_by()
        .values(group)
        .annotate(lastmod=Max(date))
        .values_list(group, "lastmod")
    )


def sitemap_listing_rows(kind: str) -> list[tuple[int, str, datetime | None]]:
    """Return ``(id, url part, lastmod)`` of every listing page of ``kind``
    ("sections", "authors" or "tags"), by id, in two queries.

    The url part is the page's ``url_path`` (sections, authors) or the tag's slug
    (tags, served by the tag index). ``lastmod`` is the newest publication of the
    live articles the page lists, which is when its content last changed; sections
    and authors without an article keep their own publication date, tags without
    a live article are left out (their page is empty).
    """
    articles = public(ArticlePage.objects.live())
    if kind == "tags":
        newest = _newest_by(
            ArticlePageTag.objects.filter(content_object__in=articles),
            "tag_id",
            "content_object__last_published_at",
        )
        tags = Tag.objects.filter(pk__in=newest).order_by("pk")
        return [(pk, slug, newest[pk]) for pk, slug in tags.values_list("pk", "slug")]
    if kind == "sections":
        newest = _newest_by(
            articles.filter(section_id__isnull=False), "section_id", "last_published_at"
        )
        pages = public(SectionPage.objects.live())
    elif kind == "authors":
        newest = _newest_by(
            ArticlePageAuthor.objects.filter(page__in=articles),
            "author_id",
            "page__last_published_at",
        )
        pages = public(AuthorPage.objects.live())
    else:
        raise ValueError(kind)
    return [
        (pk, url_path, newest.get(pk) or own)
        for pk, url_path, own in pages.order_by("pk").values_list(
            "pk", "url_path", "last_published_at"
        )
    ]


def news_sitemap_rows(*, since: datetime, limit: int = 1000) -> QuerySet:
    """Return ``(url_path, title, published_at, locale_id)`` of the public live
    articles (every language) first published since ``since``, newest first, at
    most ``limit``.
    """
    return (
        public(ArticlePage.objects.live())
        .filter(published_at__gte=since)
        .order_by("-published_at", "-pk")
        .values_list("url_path", "title", "published_at", "locale_id")[:limit]
    )
