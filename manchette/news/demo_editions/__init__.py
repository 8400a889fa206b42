"""Builds the demo's Arabic and English editions beside the French one.

Each edition gets its home page, tag and author indexes and footer pages
(translations of the French ones), its sections (translations of the French
sections, with their own titles and slugs), two journalists and ten articles
written in its language, each with its own generated picture. A few articles
and the journalists are translated into the other edition. Safe to rerun: what
exists is kept. The editions' content is data (``ar.py``, ``en.py``); one
builder serves both.
"""

import json
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from manchette.core.editions import is_edition
from manchette.core.text import slug_for

from ..demo import authors_ensure
from ..demo_front import article_images_ensure, author_photos_ensure, page_body
from ..models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    ContentPage,
    HomePage,
    SectionPage,
    TagIndexPage,
)
from ..services import ArticleData, article_save, edition_ensure, translation_ensure
from . import ar, en

CONTENT = {"ar": ar, "en": en}


def _slug(code: str, item: dict, title: str) -> str:
    """English slugs are given (short, ASCII); Arabic ones come from the title."""
    return item["slug"] if code == "en" else slug_for(title, max_length=70)


def _translated(page: Page, code: str, **fields) -> Page:
    """Return the translation of ``page`` into ``code``, made and published (with
    ``fields`` set) when missing.
    """
    locale, _ = Locale.objects.get_or_create(language_code=code)
    return translation_ensure(page, locale, **fields)


def _pages_build(code: str, home: HomePage) -> dict:
    """Translate the edition's home, indexes, sections and footer pages; return
    its sections by French slug.
    """
    content = CONTENT[code]
    edition_ensure(
        code,
        home_fields={"title": content.HOME_TITLE, "intro": content.HOME_INTRO},
        index_fields={
            model: {"slug": slug, "title": title}
            for model, (slug, title) in (
                (TagIndexPage, content.TAG_INDEX),
                (AuthorIndexPage, content.AUTHOR_INDEX),
            )
        },
    )
    for page in ContentPage.objects.child_of(home).filter(
        slug__in=content.FOOTER_PAGES
    ):
        slug, title, paragraphs = content.FOOTER_PAGES[page.slug]
        _translated(
            page, code, title=title, slug=slug, body=json.dumps(page_body(paragraphs))
        )
    sections = {}
    for section in SectionPage.objects.child_of(home):
        if section.slug in content.SECTIONS:
            slug, title, description = content.SECTIONS[section.slug]
            sections[section.slug] = _translated(
                section, code, title=title, slug=slug, description=description
            )
    return sections


def _articles_build(code: str, sections: dict, now) -> list:
    """Write the edition's own articles; return ``(item, article)`` pairs."""
    content = CONTENT[code]
    locale = Locale.objects.get(language_code=code)
    authors = authors_ensure(content.AUTHORS, locale=locale)
    existing = {
        page.source_uri: page
        for page in ArticlePage.objects.filter(source_uri__startswith=f"demo:{code}:")
    }
    articles = []
    for item in sorted(content.ARTICLES, key=lambda item: -item["hours_ago"]):
        uri = f"demo:{code}:{item['slug']}"
        article = existing.get(uri)
        if article is None:
            data = ArticleData(
                title=item["title"],
                summary=item["summary"],
                body=page_body(item["paragraphs"]),
                tags=item["tags"],
                authors=[authors[item["author"]]],
                first_published_at=now - timedelta(hours=item["hours_ago"]),
                featured=item.get("featured", False),
                slug=_slug(code, item, item["title"]),
                source_uri=uri,
            )
            article, _ = article_save(section=sections[item["section"]], data=data)
        articles.append((item, article))
    return articles


def _translations_build(code: str, other: str, articles: list, now) -> None:
    """Publish the ``other`` edition's versions of the ``code`` edition's
    journalists and of its articles that have one (with their own tags).
    """
    content = CONTENT[code]
    locale = Locale.objects.get(language_code=other)
    for slug, version in content.AUTHOR_TRANSLATIONS.items():
        author = AuthorPage.objects.get(slug=slug, locale__language_code=code)
        _translated(
            author,
            other,
            title=version["name"],
            role=version["role"],
            bio=version["bio"],
        )
    for item, article in articles:
        version = item.get("translation")
        if not version or article.get_translation_or_none(locale) is not None:
            continue
        copy = ArticlePage.objects.get(pk=article.pk).copy_for_translation(locale)
        copy.title = version["title"]
        copy.slug = _slug(other, item, version["title"])
        copy.summary = version["summary"]
        copy.body = json.dumps(page_body(version["paragraphs"]))
        copy.tags.set(version["tags"], clear=True)
        copy.first_published_at = now - timedelta(hours=item["hours_ago"] - 1)
        copy.save_revision().publish()
        # A translation published with the demo has not been updated since.
        ArticlePage.objects.filter(pk=copy.pk).update(
            last_published_at=copy.first_published_at
        )


@transaction.atomic
def editions_build() -> dict:
    """Create whatever of the Arabic and English demo editions is missing; return
    the number of articles of each edition. Editions that are off are skipped.
    """
    home = (
        HomePage.objects.filter(locale__language_code="fr").first()
        or HomePage.objects.order_by("path").first()
    )
    if home is None:
        return {}
    now = timezone.now()
    built = {
        code: _articles_build(code, _pages_build(code, home), now)
        for code in CONTENT
        if is_edition(code)
    }
    # Each article and journalist its own picture (shared by their translations),
    # made before the translations copy them.
    article_images_ensure()
    author_photos_ensure()
    for code, articles in built.items():
        other = "en" if code == "ar" else "ar"
        if other in built:
            _translations_build(code, other, articles, now)
    return {code: len(articles) for code, articles in built.items()}
