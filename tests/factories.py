"""Factories that build real pages through the project's own services."""

from datetime import timedelta
from html import escape

import factory
from django.utils import timezone
from taggit.models import Tag

from manchette.core.text import ascii_slug
from manchette.news.models import ArticlePage, ArticlePageTag, SectionPage
from manchette.news.services import (
    ArticleData,
    article_save,
    author_ensure,
    section_ensure,
    site_ensure,
)

_BASE_TIME = timezone.now()


def section_get(slug: str = "politique", title: str | None = None) -> SectionPage:
    home = site_ensure()
    return section_ensure(home=home, slug=slug, title=title or slug.capitalize())


def paragraphs_to_blocks(paragraphs: list[str]) -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in paragraphs
    ]


class ArticlePageFactory(factory.Factory):
    """Builds a published article under a section (``politique`` unless told)."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article de test numéro {n}")
    summary = "Un résumé de test en une phrase."
    paragraphs = factory.LazyFunction(
        lambda: ["Un paragraphe de test pour le corps de l’article."]
    )
    body = None
    tags = factory.LazyFunction(list)
    authors = factory.LazyFunction(list)
    section = None
    published_at = factory.Sequence(
        lambda n: _BASE_TIME - timedelta(days=3000) + timedelta(minutes=n)
    )
    featured = False
    publish = True

    @classmethod
    def _create(
        cls,
        model_class,
        *,
        section=None,
        paragraphs=(),
        body=None,
        tags=(),
        authors=(),
        published_at=None,
        publish=True,
        **kwargs,
    ):
        section = section or section_get()
        data = ArticleData(
            title=kwargs["title"],
            summary=kwargs["summary"],
            body=body if body is not None else paragraphs_to_blocks(list(paragraphs)),
            tags=list(tags),
            authors=[
                author if not isinstance(author, str) else author_ensure(name=author)
                for author in authors
            ],
            first_published_at=published_at if publish else None,
            featured=kwargs.get("featured", False),
        )
        article, _ = article_save(section=section, data=data, publish=publish)
        return ArticlePage.objects.get(pk=article.pk)


def articles_bulk(section: SectionPage, count: int, *, tag: str | None = None) -> None:
    """Add ``count`` live articles to ``section`` quickly (no revisions), for volume tests."""
    now = timezone.now()
    start = ArticlePage.objects.filter(section=section).count()
    created = []
    for index in range(start, start + count):
        article = ArticlePage(
            title=f"Article en volume {index}",
            slug=f"volume-{section.slug}-{index}",
            summary="Résumé en volume.",
            body=paragraphs_to_blocks(["Texte en volume."]),
            live=True,
            first_published_at=now - timedelta(minutes=index + 1),
            last_published_at=now - timedelta(minutes=index + 1),
        )
        section.add_child(instance=article)
        created.append((article.pk, article.first_published_at))
    if tag:
        tag_object, _ = Tag.objects.get_or_create(
            name=tag, defaults={"slug": ascii_slug(tag)}
        )
        ArticlePageTag.objects.bulk_create(
            [
                ArticlePageTag(content_object_id=pk, tag=tag_object, published_at=date)
                for pk, date in created
            ]
        )
