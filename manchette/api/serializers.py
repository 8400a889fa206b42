"""The shapes of the read API's answers, and the functions filling them.

Only public fields appear: no e-mail address, owner, revision, draft or
internal id other than the page id.
"""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Schema
from wagtail.rich_text import expand_db_html

from manchette.core.html import sanitize_html
from manchette.news.metadata import page_language


class ErrorOut(Schema):
    detail: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class SectionRef(Schema):
    slug: str
    title: str


class SectionOut(Schema):
    slug: str
    title: str
    description: str
    url: str
    language: str


class TagOut(Schema):
    slug: str
    name: str
    url: str
    article_count: int


class AuthorRef(Schema):
    slug: str
    name: str
    url: str


class AuthorOut(Schema):
    slug: str
    name: str
    role: str
    bio: str
    url: str
    photo: ImageOut | None


class ArticleSummaryOut(Schema):
    id: int
    slug: str
    title: str
    url: str
    language: str
    summary: str
    section: SectionRef | None
    tags: list[str]
    authors: list[AuthorRef]
    published_at: datetime
    updated_at: datetime
    reading_minutes: int
    image: ImageOut | None


class BlockOut(Schema):
    type: str
    value: dict


class TranslationRef(Schema):
    """Another language's version of an article (``/api/articles/{id}``)."""

    id: int
    language: str
    url: str


class ArticleOut(ArticleSummaryOut):
    image_caption: str
    image_credit: str
    body_html: str
    body_blocks: list[BlockOut]
    translations: list[TranslationRef]


class PageOut(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    next: str | None
    previous: str | None


class ArticleListOut(PageOut):
    results: list[ArticleSummaryOut]


class SectionListOut(PageOut):
    results: list[SectionOut]


class TagListOut(PageOut):
    results: list[TagOut]


class AuthorListOut(PageOut):
    results: list[AuthorOut]


def absolute(request, url: str) -> str:
    """Return ``url`` absolute for ``request``'s host."""
    return (
        url
        if url.startswith(("http://", "https://"))
        else request.build_absolute_uri(url)
    )


def image_data(request, image) -> dict | None:
    """Return the original file of ``image`` (URL, size, alt text), or None."""
    if image is None:
        return None
    return {
        "url": absolute(request, image.file.url),
        "width": image.width,
        "height": image.height,
        "alt": image.default_alt_text or "",
    }


def section_data(request, section) -> dict:
    return {
        "slug": section.slug,
        "title": section.title,
        "description": section.description,
        "url": section.get_full_url(request),
        "language": page_language(section),
    }


def tag_data(request, tag, *, tag_index_url: str) -> dict:
    return {
        "slug": tag.slug,
        "name": tag.name,
        "url": absolute(request, f"{tag_index_url}{tag.slug}/")
        if tag_index_url
        else "",
        "article_count": getattr(tag, "article_count", 0),
    }


def author_ref(request, author) -> dict:
    return {
        "slug": author.slug,
        "name": author.title,
        "url": author.get_full_url(request),
    }


def author_data(request, author) -> dict:
    return {
        **author_ref(request, author),
        "role": author.role,
        "bio": author.bio,
        "photo": image_data(request, author.photo),
    }


def article_summary(request, article) -> dict:
    return {
        "id": article.pk,
        "slug": article.slug,
        "title": article.title,
        "url": article.get_full_url(request),
        "language": page_language(article),
        "summary": article.summary,
        "section": (
            {"slug": article.section.slug, "title": article.section.title}
            if article.section_id
            else None
        ),
        "tags": [item.tag.name for item in article.tagged_items.all()],
        "authors": [author_ref(request, author) for author in article.author_list],
        "published_at": article.published_at,
        "updated_at": max(article.modified_at, article.published_at),
        "reading_minutes": article.reading_minutes,
        "image": image_data(request, article.featured_image),
    }


def body_blocks(request, body) -> list[dict]:
    """Return the blocks of an article body as plain JSON values; rich text is
    sanitized HTML, images are their original files, "Lire aussi" points at a
    live article (or is left out).
    """
    blocks = []
    for block in body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            data = {"html": sanitize_html(expand_db_html(value.source))}
        elif kind == "heading":
            data = {"text": value["text"], "level": value["level"]}
        elif kind == "quote":
            data = {"text": value["text"], "attribution": value["attribution"] or ""}
        elif kind == "image":
            data = {
                "image": image_data(request, value["image"]),
                "caption": value["caption"] or "",
                "credit": value["credit"] or "",
            }
        elif kind == "embed":
            data = {
                "url": value.safe_url,
                "provider": value.provider_name,
                "title": value.get("title") or "",
            }
        elif kind == "read_also":
            target = value["article"]
            if target is None or not target.live:
                continue
            data = {
                "id": target.pk,
                "title": target.title,
                "url": target.get_full_url(request),
            }
        else:
            continue
        blocks.append({"type": kind, "value": data})
    return blocks


def body_html(blocks: list[dict]) -> str:
    """Return the sanitized HTML of an article body from its ``body_blocks``; embeds
    become plain links (no third-party markup, no network call).
    """
    from django.utils.html import escape, linebreaks

    parts = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(value["html"])
        elif kind == "heading":
            level = "h3" if value["level"] == "h3" else "h2"
            parts.append(f"<{level}>{escape(value['text'])}</{level}>")
        elif kind == "quote":
            cite = (
                f"<cite>{escape(value['attribution'])}</cite>"
                if value["attribution"]
                else ""
            )
            parts.append(
                f"<blockquote>{linebreaks(value['text'], autoescape=True)}{cite}</blockquote>"
            )
        elif kind == "image" and value["image"]:
            caption = " ".join(
                filter(
                    None, [value["caption"], value["credit"] and f"© {value['credit']}"]
                )
            )
            parts.append(
                f'<figure><img src="{escape(value["image"]["url"])}" alt="{escape(value["image"]["alt"])}" '
                f'width="{value["image"]["width"]}" height="{value["image"]["height"]}">'
                + (f"<figcaption>{escape(caption)}</figcaption>" if caption else "")
                + "</figure>"
            )
        elif kind == "embed" and value["url"]:
            parts.append(
                f'<p><a href="{escape(value["url"])}">{escape(value["url"])}</a></p>'
            )
        elif kind == "read_also":
            parts.append(
                f"<p><strong>{escape(_('Lire aussi :'))}</strong> "
                f'<a href="{escape(value["url"])}">{escape(value["title"])}</a></p>'
            )
    return sanitize_html("".join(parts))


def article_data(request, article) -> dict:
    blocks = body_blocks(request, article.body)
    return {
        **article_summary(request, article),
        "image_caption": article.featured_image_caption,
        "image_credit": article.featured_image_credit,
        "body_html": body_html(blocks),
        "body_blocks": blocks,
        "translations": translations_data(request, article),
    }


def translations_data(request, article) -> list[dict]:
    """Return the article's live public versions in other languages (one query)."""
    return [
        {
            "id": other.pk,
            "language": page_language(other),
            "url": other.get_full_url(request),
        }
        for other in article.get_translations().live().public().order_by("locale_id")
    ]
