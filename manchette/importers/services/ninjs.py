"""Writes wire copy (ninjs files) as published articles."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from manchette.core.text import plain_text, sentences
from manchette.news.bodies import html_to_blocks
from manchette.news.models import ArticlePage, SectionPage
from manchette.news.services import (
    ArticleData,
    article_for_url,
    article_save,
    author_ensure,
)

from ..ninjs import NinjsItem, load_ninjs_file
from .text import byline_names, summary_from


@dataclass
class NinjsResult:
    article: ArticlePage
    created: bool
    path: Path


def _aware(value):
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def ninjs_article_data(item: NinjsItem) -> ArticleData:
    """Return the article data of a ninjs item: sanitized blocks, "Lire aussi" links resolved."""

    def resolve(url: str) -> int | None:
        article = article_for_url(url)
        return article.pk if article else None

    blocks = html_to_blocks(item.body_html, resolve_article=resolve)
    summary = item.summary
    if len(sentences(summary)) > 3:
        summary = " ".join(sentences(summary)[:3])
    if not summary:
        summary = summary_from(plain_text(item.body_html))
    return ArticleData(
        title=item.headline,
        summary=summary or item.headline,
        body=blocks,
        tags=[tag[:100] for tag in item.keywords],
        authors=[author_ensure(name=name[:255]) for name in byline_names(item.byline)],
        first_published_at=_aware(item.firstcreated),
        updated_at=_aware(item.versioncreated)
        if item.versioncreated and item.versioncreated != item.firstcreated
        else None,
        source_uri=item.uri,
    )


def ninjs_import(
    paths: list[Path], *, section: SectionPage, user=None
) -> list[NinjsResult]:
    """Import ninjs files as published articles of ``section``; return one result per file.

    Every file is read and checked before anything is written, and the writes share
    one transaction: a bad file leaves the site unchanged. An item whose ``uri`` was
    imported before updates that article instead of creating another.
    """
    items = [(Path(path), load_ninjs_file(path)) for path in paths]
    results = []
    with transaction.atomic():
        for path, item in items:
            existing = None
            if item.uri:
                existing = ArticlePage.objects.filter(source_uri=item.uri).first()
            article, created = article_save(
                section=section if existing is None else existing.get_parent().specific,
                data=ninjs_article_data(item),
                article=existing,
                user=user,
            )
            results.append(NinjsResult(article=article, created=created, path=path))
    return results
