"""Factories that build real pages through the project's own services."""

from datetime import timedelta
from html import escape

import factory
from django.utils import timezone

from manchette.news.models import ArticlePage, SectionPage
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
