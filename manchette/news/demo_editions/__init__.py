"""Builds the demo's Arabic and English editions beside the French one.

Each edition gets its home page and tag index (translations of the French ones),
its sections (translations of the French sections, with their own titles and
slugs), two journalists and ten articles written in its language; a few are
translated into the other edition. Safe to rerun: what exists is kept.
"""

import json
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from manchette.core.editions import is_edition
from manchette.core.text import slug_for

from ..demo import section_image
from ..models import ArticlePage, HomePage, SectionPage, TagIndexPage
from ..services import ArticleData, article_save, author_ensure
from . import ar, en

CONTENT = {"ar": ar, "en": en}


def _paragraphs(texts: list[str]) -> list[dict]:
    from html import escape

    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in texts]


def _translated(page: Page, code: str, **fields) -> Page:
    """Return the translation of ``page`` into ``code``, made and published (with
    ``fields`` set) when missing.
    """
    locale, _ = Locale.objects.get_or_create(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def _edition_build(code: str, home: HomePage, now) -> tuple[dict, list]:
    """Build one edition; return its sections (by French slug) and its articles."""
    content = CONTENT[code]
    _translated(home, code, title=content.HOME_TITLE, intro=content.HOME_INTRO)
    tag_index = TagIndexPage.objects.child_of(home).first()
    if tag_index is not None:
        _translated(tag_index, code, title=content.TAG_INDEX_TITLE)
    sections, images = {}, {}
    for section in SectionPage.objects.child_of(home):
        if section.slug not in content.SECTIONS:
            continue
        slug, title, description = content.SECTIONS[section.slug]
        sections[section.slug] = _translated(
            section, code, title=title, slug=slug, description=description
        )
        # The French section's illustration (made by the French demo).
        images[section.slug] = section_image(section.slug, section.title)
    authors = {
        person["slug"]: author_ensure(
            name=person["name"],
            slug=person["slug"],
            role=person["role"],
            bio=person["bio"],
        )
        for person in content.AUTHORS
    }
    articles = []
    existing = {
        page.source_uri: page
        for page in ArticlePage.objects.filter(source_uri__startswith=f"demo:{code}:")
    }
    for item in sorted(content.ARTICLES, key=lambda item: -item["hours_ago"]):
        uri = f"demo:{code}:{item['slug']}"
        article = existing.get(uri)
        if article is None:
            data = ArticleData(
                title=item["title"],
                summary=item["summary"],
                body=_paragraphs(item["paragraphs"]),
                tags=item["tags"],
                authors=[authors[item["author"]]],
                first_published_at=now - timedelta(hours=item["hours_ago"]),
                featured=item.get("featured", False),
                # English slugs are given; Arabic ones come from the title.
                slug=item["slug"] if code == "en" else "",
                source_uri=uri,
            )
            article, _ = article_save(section=sections[item["section"]], data=data)
            ArticlePage.objects.filter(pk=article.pk).update(
                featured_image=images[item["section"]]
            )
        articles.append((item, article))
    return sections, articles


def _translation_ensure(article: ArticlePage, code: str, item: dict, now) -> None:
    """Publish ``item["translation"]`` as the ``code`` version of ``article``."""
    locale = Locale.objects.get(language_code=code)
    if article.get_translation_or_none(locale) is not None:
        return
    version = item["translation"]
    copy = ArticlePage.objects.get(pk=article.pk).copy_for_translation(locale)
    copy.title = version["title"]
    copy.slug = (
        item["slug"] if code == "en" else slug_for(version["title"], max_length=70)
    )
    copy.summary = version["summary"]
    copy.body = json.dumps(_paragraphs(version["paragraphs"]))
    copy.first_published_at = now - timedelta(hours=item["hours_ago"] - 1)
    copy.save_revision().publish()


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
    built = {}
    codes = [code for code in CONTENT if is_edition(code)]
    for code in codes:
        _, articles = _edition_build(code, home, now)
        built[code] = articles
    for code, articles in built.items():
        other = "en" if code == "ar" else "ar"
        if other not in built:
            continue
        for item, article in articles:
            if item.get("translation"):
                _translation_ensure(article, other, item, now)
    return {code: len(articles) for code, articles in built.items()}
