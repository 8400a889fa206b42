"""Writes imported content (wire copy, WordPress exports) into the site."""

import hashlib
import json
import logging
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from manchette.core.text import (
    ascii_slug,
    excerpt,
    plain_text,
    reading_minutes,
    sentences,
    unique_slug,
)
from manchette.news.bodies import html_to_blocks
from manchette.news.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    SectionPage,
)
from manchette.news.services import (
    ArticleData,
    article_for_url,
    article_save,
    author_ensure,
)

from .models import WxrObject
from .ninjs import NinjsItem, load_ninjs_file
from .wordpress import wp_content_to_html
from .wxr import (
    WxrAuthor,
    WxrChannel,
    WxrItemError,
    WxrPost,
    WxrTerm,
    iter_wxr,
    parse_wp_date,
)

logger = logging.getLogger(__name__)

BYLINE_PREFIX = re.compile(r"^\s*(par|by)\s+", re.IGNORECASE)
BYLINE_SPLIT = re.compile(r"\s*(?:,|;|\bet\b|\band\b|&)\s*", re.IGNORECASE)


@dataclass
class NinjsResult:
    article: ArticlePage
    created: bool
    path: Path


def summary_from(text: str, *, max_sentences: int = 2, max_chars: int = 400) -> str:
    """Return the first sentences of ``text`` as an "En bref" (at most three sentences)."""
    picked = []
    for sentence in sentences(text)[:max_sentences]:
        if picked and len(" ".join([*picked, sentence])) > max_chars:
            break
        picked.append(sentence)
    return " ".join(picked)[:max_chars]


def byline_names(byline: str) -> list[str]:
    """Return the people named in a byline such as "Par A. Auteur et B. Autrice"."""
    byline = BYLINE_PREFIX.sub("", byline or "")
    return [name.strip() for name in BYLINE_SPLIT.split(byline) if name.strip()][:5]


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


# --- WordPress (WXR) import -------------------------------------------------------

REPORT_KINDS = (
    "articles",
    "pages",
    "comments",
    "sections",
    "tags",
    "authors",
    "images",
    "documents",
    "redirects",
)
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
DEFAULT_SECTION = ("non-classe", "Non classé")
COMMENT_STATUSES = {
    "1": "approved",
    "approve": "approved",
    "0": "pending",
    "hold": "pending",
    "spam": "spam",
}
POST_STATUSES = {"publish", "future", "draft", "pending", "private"}
SKIPPED_STATUSES = {
    "trash": "in the trash",
    "auto-draft": "automatic draft",
    "inherit": "revision",
}
_MISSING = object()
# Rows gathered (import records, redirects, revisions, tags, comments) before they
# are written in batches, between items.
FLUSH_EVERY = 5000
# Posts and pages written in one savepoint (see _WxrImport._run_batch).
BATCH_SIZE = 100
_SIZE_SUFFIX = re.compile(r"(-\d+x\d+|-scaled|-rotated|-e\d{10,})+(?=\.\w+$)")
_BR = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
# An opening link tag of rich text (as html_to_blocks writes it) and its target.
_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>', re.IGNORECASE)
_HREF_VALUE = re.compile(r"<a\b[^>]*?\bhref=[\"']([^\"']+)", re.IGNORECASE)


@dataclass
class WxrReport:
    """What an import did (or would do, in a dry run): counts per kind, skipped items."""

    created: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(REPORT_KINDS, 0)
    )
    updated: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(REPORT_KINDS, 0)
    )
    skipped: list[dict] = field(default_factory=list)
    unchanged: int = 0
    summaries_derived: list[str] = field(default_factory=list)
    dry_run: bool = False

    def skip(self, wp_id, kind: str, reason: str) -> None:
        self.skipped.append({"wp_id": wp_id, "kind": kind, "reason": reason})

    def as_dict(self) -> dict:
        """Return the report in the documented JSON shape."""
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "skipped": list(self.skipped),
        }


@dataclass(eq=False)
class _PendingRevision:
    """A revision to write at the next flush, and what it makes of its page."""

    revision: Revision
    page_id: int
    live: bool


@dataclass(eq=False)
class _PendingComments:
    """The comments of a new article, written at the next flush (threads kept)."""

    article_id: int
    rows: dict


@dataclass
class _Attachment:
    url: str
    caption: str = ""
    image_id: int | None = None


def section_map_load(path: Path) -> dict[str, tuple[str, str]]:
    """Return ``{category slug: (section path, section title)}`` from a CSV file.

    Each row is ``category_slug,section_path[,section title]``, where the section
    path is a slug (``politique``) or a nested path (``politique/elections``); a
    header row starting with ``category`` and blank lines are ignored.
    """
    import csv

    mapping = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            cells = [cell.strip() for cell in row]
            if len(cells) < 2 or not cells[0] or cells[0].lower().startswith("categor"):
                continue
            parts = [
                ascii_slug(part, max_length=60)
                for part in cells[1].strip("/").split("/")
                if part.strip()
            ]
            if parts and all(parts):
                mapping[unquote(cells[0]).lower()] = (
                    "/".join(parts),
                    cells[2] if len(cells) > 2 and cells[2] else "",
                )
    return mapping


_UPLOADS = "/wp-content/uploads/"
_WPCOM_FILES = ".files.wordpress.com"


def _wpcom_upload(url: str) -> str | None:
    """Return the path of a WordPress.com upload (``2013/09/a.jpg``), served from
    ``blog.files.wordpress.com`` or through its ``i0.wp.com`` proxy, else None."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    if host.endswith(_WPCOM_FILES):
        return path.lstrip("/")
    if _WPCOM_FILES + "/" in path:
        return path.split(_WPCOM_FILES + "/", 1)[1]
    return None


def _upload_path(url: str, *, lower: bool = True) -> str:
    """Return the path of an uploaded file's URL under ``uploads/`` (on
    WordPress.com, under the blog's files host), else its file name."""
    path = _wpcom_upload(url)
    if path is None:
        path = unquote(urlsplit(url or "").path)
        path = (
            path.split(_UPLOADS, 1)[1] if _UPLOADS in path else path.rsplit("/", 1)[-1]
        )
    return path.lower() if lower else path


def _upload_key(url: str) -> str:
    """Return the key of an uploaded file's URL: its path under ``uploads/``,
    without WordPress's size suffixes (``-300x200``, ``-scaled``), so that a
    resized copy finds its original."""
    return _SIZE_SUFFIX.sub("", _upload_path(url))


def _comment_text(html: str) -> str:
    """Return a comment's HTML as plain text, paragraphs and line breaks kept."""
    text = _BR.sub("\n", html or "")
    lines = [plain_text(line) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _reading_minutes(blocks: list[dict]) -> int:
    """Return the reading time of raw body blocks, by the rule of
    ``ArticlePage.compute_reading_minutes`` (without building the StreamField)."""
    from django.conf import settings

    parts = []
    for block in blocks:
        if block["type"] == "paragraph":
            parts.append(plain_text(block["value"]))
        elif block["type"] in {"heading", "quote"}:
            parts.append(block["value"]["text"])
    return reading_minutes(
        " ".join(part for part in parts if part),
        words_per_minute=settings.MANCHETTE_WORDS_PER_MINUTE,
    )


def _fingerprint(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _title_or_fallback(title: str, html: str, *, fallback: str) -> str:
    title = " ".join((title or "").split())
    if title:
        return title[:255]
    text = plain_text(html)
    return excerpt(text, length=80) if text else fallback


class _WxrImport:
    """One run of the WordPress import; see :func:`wxr_import`."""

    def __init__(
        self,
        path: Path,
        *,
        media_dir: Path | None,
        section_map: dict[str, tuple[str, str]],
        tz,
        progress,
    ):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Locale

        from manchette.news.models import (
            AuthorIndexPage,
            AuthorPage,
            ContentPage,
            SectionPage,
            TagIndexPage,
        )
        from manchette.news.services import site_ensure

        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.section_map = section_map
        self.tz = tz
        self.progress = progress or (lambda advance=1, total=None: None)
        self.report = WxrReport()
        self.home = site_ensure()
        self.home_prefix = self.home.url_path
        self.tag_index = TagIndexPage.objects.first()
        self.author_index_id = AuthorIndexPage.objects.values_list(
            "pk", flat=True
        ).get()
        self.locale_id = Locale.get_default().pk
        self.content_types = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (ArticlePage, ContentPage, Page, SectionPage, AuthorPage)
        }
        self.source = ""
        self.old_hosts: set[str] = set()
        self.known: dict[tuple[str, str], WxrObject] = {}
        self.categories: dict[str, WxrTerm] = {}
        self.sections: dict[str, int] = {}
        self.default_section: int | None = None
        self.tags: dict[str, str] = {}
        self.tag_slugs: dict[str, str] = {}
        self.authors: dict[str, int] = {}
        self.attachments: dict[str, _Attachment] = {}
        self.images_by_key: dict[str, int] = {}
        self.post_urls: dict[str, str] = {}
        self.post_pks: dict[str, int] = {}
        self.page_pks: dict[str, int] = {}
        self.redirects: dict[str, tuple[int, int | None, str, str]] = {}
        self.next_step: dict[int, int] = {}
        self.deferred: dict[str, WxrPost] = {}
        self.total_items = 0
        self.batch: list[WxrPost] = []
        self._undo: list = []
        self.pending: list = []
        self.parents: dict[int, Page] = {}
        self.child_slugs: dict[int, set[str]] = {}
        self.touched_parents: set[int] = set()
        self.sections_seen: set[int] = set()
        self.tag_objects: dict = {}
        self.by_guid: dict[str, int] = {}
        self.article_pks: set[int] = set()
        self.documents_by_key: dict[str, int] = {}
        self.images_state = ""
        self.dry_run_images: set[str] = set()
        self.dry_run_documents: set[str] = set()
        # Pages written by this run: indexed (search, references) at the end.
        self.written_pages: set[int] = set()

    # -- helpers ---------------------------------------------------------------

    def _set(self, mapping: dict, key, value) -> None:
        """Set ``mapping[key]``, remembering how to undo it if the item fails."""
        old = mapping.get(key, _MISSING)
        if old is _MISSING:
            self._undo.append(lambda: mapping.pop(key, None))
        else:
            self._undo.append(lambda: mapping.__setitem__(key, old))
        mapping[key] = value

    def _load_known(self) -> None:
        self.known = {
            (obj.kind, obj.wp_id): obj
            for obj in WxrObject.objects.filter(source=self.source)
        }
        for (kind, wp_id), obj in self.known.items():
            if kind == WxrObject.Kind.POST:
                self.post_pks[wp_id] = obj.object_id
            elif kind == WxrObject.Kind.PAGE:
                self.page_pks[wp_id] = obj.object_id
            elif kind == WxrObject.Kind.CATEGORY:
                self.sections[wp_id] = obj.object_id
            elif kind == WxrObject.Kind.AUTHOR:
                self.authors[wp_id] = obj.object_id
        self.article_pks = set(ArticlePage.objects.values_list("pk", flat=True))
        self.by_guid = dict(
            ArticlePage.objects.exclude(source_uri="").values_list("source_uri", "pk")
        )
        self.redirects = {
            old_path: (pk, page_id, route, link)
            for pk, old_path, page_id, route, link in Redirect.objects.filter(
                site__isnull=True
            ).values_list(
                "pk",
                "old_path",
                "redirect_page_id",
                "redirect_page_route_path",
                "redirect_link",
            )
        }

    def _remember(self, kind: str, wp_id: str, object_id: int, fingerprint: str = ""):
        wp_id = wp_id[:200]
        obj = self.known.get((kind, wp_id))
        if obj is None:
            # Written in batches by _flush(), between items.
            obj = WxrObject(
                source=self.source,
                kind=kind,
                wp_id=wp_id,
                object_id=object_id,
                fingerprint=fingerprint,
            )
            self._set(self.known, (kind, wp_id), obj)
            self.pending.append(obj)
            self._undo.append(lambda: self.pending.remove(obj))
        elif obj.object_id != object_id or obj.fingerprint != fingerprint:
            previous = (obj.object_id, obj.fingerprint)
            self._undo.append(
                lambda: (
                    setattr(obj, "object_id", previous[0])
                    or setattr(obj, "fingerprint", previous[1])
                )
            )
            obj.object_id = object_id
            obj.fingerprint = fingerprint
            if obj.pk is not None:
                obj.save(update_fields=["object_id", "fingerprint", "imported_at"])
        return obj

    def _buffer(self, obj) -> None:
        """Keep ``obj`` for the next flush (forgotten if the current item fails)."""
        self.pending.append(obj)
        self._undo.append(lambda: self.pending.remove(obj))

    def _flush(self) -> None:
        """Write the rows gathered since the last flush, a few queries per kind
        whatever their number: import records, redirects, revisions (and the pages'
        pointers to them), tags and authors of new articles, their comments.

        Everything that can fail for an item was checked while the item was read;
        these are plain inserts of rows that reference existing ones.
        """
        pending = [obj for obj in self.pending if getattr(obj, "pk", None) is None]
        by_type = defaultdict(list)
        for obj in pending:
            by_type[type(obj)].append(obj)
        WxrObject.objects.bulk_create(by_type[WxrObject], batch_size=1000)
        Redirect.objects.bulk_create(by_type[Redirect], batch_size=1000)
        ArticlePageTag.objects.bulk_create(by_type[ArticlePageTag], batch_size=1000)
        ArticlePageAuthor.objects.bulk_create(
            by_type[ArticlePageAuthor], batch_size=1000
        )
        self._flush_revisions(by_type[_PendingRevision])
        self._flush_comments(by_type[_PendingComments])
        for obj in pending:
            if isinstance(obj, Redirect) and obj.pk is not None:
                self.redirects[obj.old_path] = (
                    obj.pk,
                    obj.redirect_page_id,
                    obj.redirect_page_route_path,
                    "",
                )
        self.pending = []

    def _flush_revisions(self, pending: list[_PendingRevision]) -> None:
        if not pending:
            return
        Revision.objects.bulk_create([p.revision for p in pending], batch_size=500)
        latest = {}
        for entry in pending:  # A page written twice keeps its last revision.
            latest[entry.page_id] = Page(
                pk=entry.page_id,
                latest_revision_id=entry.revision.pk,
                live_revision_id=entry.revision.pk if entry.live else None,
            )
        Page.objects.bulk_update(
            list(latest.values()), ["latest_revision", "live_revision"], batch_size=500
        )

    def _flush_comments(self, pending: list[_PendingComments]) -> None:
        """Insert the comments of new articles, thread level by thread level, so
        that a reply gets its parent's id; one insert per level for all articles."""
        from manchette.comments.models import Comment

        waiting = {
            (entry.article_id, wp_id): (comment, parent)
            for entry in pending
            for wp_id, (comment, parent) in entry.rows.items()
        }
        pks: dict[tuple[int, str], int] = {}
        while waiting:
            ready = {
                key: entry
                for key, entry in waiting.items()
                if entry[1] in {"", "0"} or (key[0], entry[1]) not in waiting
            }
            # A loop of replies (it happens in broken exports): cut it.
            ready = ready or dict(waiting)
            for (article_id, _wp_id), (comment, parent) in ready.items():
                comment.article_id = article_id
                comment.parent_id = pks.get((article_id, parent))
            Comment.objects.bulk_create(
                [comment for comment, _parent in ready.values()], batch_size=1000
            )
            for key, (comment, _parent) in ready.items():
                pks[key] = comment.pk
                del waiting[key]

    def _parent(self, parent_id: int) -> Page:
        """Return the parent page (cached: its path and URL do not change here)."""
        if parent_id not in self.parents:
            self.parents[parent_id] = Page.objects.get(pk=parent_id)
        return self.parents[parent_id]

    def _unique_slug(self, parent_id: int, base: str) -> str:
        """Return ``base``, or ``base-2``, ``base-3``… so that no sibling has it."""
        if parent_id not in self.child_slugs:
            parent = self._parent(parent_id)
            self.child_slugs[parent_id] = set(
                Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).values_list("slug", flat=True)
            )
        taken = self.child_slugs[parent_id]
        slug = unique_slug(base, taken)
        taken.add(slug)
        # Freed if the item is rolled back, so that its second try keeps it.
        self._undo.append(lambda: taken.discard(slug))
        return slug

    def _old_path(self, url: str) -> str | None:
        """Return the path of a URL of the old site (or a relative one), else None."""
        parts = urlsplit((url or "").strip())
        if parts.scheme not in {"", "http", "https"}:
            return None
        if parts.hostname and parts.hostname.lower() not in self.old_hosts:
            return None
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return Redirect.normalise_path(path)

    def _redirect(self, old_path: str, *, page_id: int, route: str = "") -> None:
        """Make ``old_path`` answer with a 301 to the page (and route) given."""
        if not old_path or old_path in {"/", ""}:
            return
        if "\0" in old_path or len(old_path) > 255:
            return
        existing = self.redirects.get(old_path)
        if existing is not None:
            pk, current_page, current_route, _link = existing
            if current_page == page_id and current_route == route:
                return
            if pk is None:
                # Still waiting for _flush(): a later item claims the same old URL.
                return
            Redirect.objects.filter(pk=pk).update(
                redirect_page_id=page_id,
                redirect_page_route_path=route,
                redirect_link="",
                is_permanent=True,
            )
            self._set(self.redirects, old_path, (pk, page_id, route, ""))
            self.report.updated["redirects"] += 1
            return
        redirect = Redirect(
            old_path=old_path,
            site=None,
            is_permanent=True,
            redirect_page_id=page_id,
            redirect_page_route_path=route,
        )
        self.pending.append(redirect)
        self._undo.append(lambda: self.pending.remove(redirect))
        self._set(self.redirects, old_path, (None, page_id, route, ""))
        self.report.created["redirects"] += 1

    def _page_url_path(self, page) -> str:
        return Redirect.normalise_path("/" + page.url_path[len(self.home_prefix) :])

    def _date(self, local: str, gmt: str = ""):
        return parse_wp_date(local, gmt=gmt, tz=self.tz)

    # -- pass 1: people, taxonomy, attachments, old URLs ------------------------

    def author(self, author: WxrAuthor) -> None:
        from manchette.news.models import AuthorPage

        if not author.login:
            return
        name = (
            author.display_name
            or " ".join(filter(None, [author.first_name, author.last_name]))
            or author.login
        )[:255]
        slug = (
            ascii_slug(unquote(author.login), max_length=60)
            or ascii_slug(name, max_length=60)
            or f"auteur-{author.wp_id or 'wp'}"
        )
        known = self.authors.get(author.login)
        page = AuthorPage.objects.filter(pk=known).first() if known else None
        if page is None:
            page = AuthorPage.objects.filter(slug=slug).first()
        if page is None:
            page = AuthorPage(title=name, slug=slug)
            self._insert_page(self.author_index_id, page, live=True)
            self.report.created["authors"] += 1
        elif page.title != name:
            page.title = page.draft_title = name
            page.save(clean=False, update_fields=["title", "draft_title"])
            self.written_pages.add(page.pk)
            self.report.updated["authors"] += 1
        self._set(self.authors, author.login, page.pk)
        self._remember(WxrObject.Kind.AUTHOR, author.login, page.pk)

    def _author_for(self, login: str) -> int | None:
        if not login:
            return None
        if login not in self.authors:
            self.author(WxrAuthor(login=login))
        return self.authors.get(login)

    def category(self, term: WxrTerm) -> None:
        """Note a category; its section is made once every category is known
        (``sections_from_categories``), so that a parent listed after its
        child still becomes its parent."""
        slug = unquote(term.slug or "").lower() or ascii_slug(term.name)
        if not slug:
            return
        term.slug = slug
        term.parent = unquote(term.parent or "").lower()
        if slug not in self.categories:
            self._set(self.categories, slug, term)

    def sections_from_categories(self) -> None:
        """Make (or find) the section of every category of the export, parents first."""
        for slug in list(self.categories):
            self._guarded(slug, "category", self._section_for, slug)

    def _section_for(self, slug: str, _seen: frozenset = frozenset()) -> int:
        """Return the section id for a category slug, creating the section if needed.

        A child category becomes a subsection of its parent's section; a category
        in ``--section-map`` goes to the section at the mapped path (created, with
        the sections above it, if missing).
        """
        from manchette.news.models import SectionPage

        if slug in self.sections and (
            self.sections[slug] in self.sections_seen
            or SectionPage.objects.filter(pk=self.sections[slug]).exists()
        ):
            self.sections_seen.add(self.sections[slug])
            return self.sections[slug]
        term = self.categories.get(slug) or WxrTerm(kind="category", slug=slug)
        name = (term.name or slug)[:255]
        mapped = self.section_map.get(slug)
        if mapped:
            path, title = mapped
            section = self._section_at(path.split("/"), title or name, term)
        else:
            parent_id = self.home.pk
            parent = term.parent
            if parent and parent != slug and parent not in _seen:
                if parent not in self.categories:
                    self._set(
                        self.categories,
                        parent,
                        WxrTerm(kind="category", slug=parent, name=parent),
                    )
                parent_id = self._section_for(parent, _seen | {slug})
            target_slug = ascii_slug(slug, max_length=60) or ascii_slug(
                name, max_length=60
            )
            target_slug = (
                target_slug or f"rubrique-{term.wp_id or len(self.sections) + 1}"
            )
            section = self._child_section(parent_id, target_slug)
            if section is not None and section.title != name:
                # Another section has the slug: give this category its own.
                owner = WxrObject.objects.filter(
                    kind=WxrObject.Kind.CATEGORY, object_id=section.pk
                ).exclude(source=self.source, wp_id=slug)
                if owner.exists() or section.title.lower() != name.lower():
                    section = None
            if section is None:
                section = self._new_section(parent_id, target_slug, name, term)
        self._set(self.sections, slug, section.pk)
        self._remember(WxrObject.Kind.CATEGORY, slug, section.pk)
        return section.pk

    def _child_section(self, parent_id: int, slug: str):
        from manchette.news.models import SectionPage

        parent = self._parent(parent_id)
        return SectionPage.objects.filter(url_path=f"{parent.url_path}{slug}/").first()

    def _new_section(self, parent_id: int, slug: str, title: str, term=None):
        from manchette.news.models import SectionPage

        section = SectionPage(
            title=title,
            slug=self._unique_slug(parent_id, slug),
            description=plain_text(term.description if term else "")[:1000],
        )
        self._insert_page(parent_id, section, live=True)
        self.report.created["sections"] += 1
        return section

    def _section_at(self, parts: list[str], title: str, term: WxrTerm):
        """Return the section at the mapped path ``parts`` below the home page,
        creating what is missing (the last one titled ``title``). A single slug
        that is not a top-level section may name a section anywhere in the tree.
        """
        from manchette.news.models import SectionPage

        if len(parts) == 1 and self._child_section(self.home.pk, parts[0]) is None:
            found = SectionPage.objects.filter(slug=parts[0]).order_by("depth").first()
            if found is not None:
                return found
        parent_id = self.home.pk
        section = None
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            section = self._child_section(parent_id, part)
            if section is None:
                section = self._new_section(
                    parent_id,
                    part,
                    title if last else part.replace("-", " ").capitalize(),
                    term if last else None,
                )
            parent_id = section.pk
        return section

    def category_redirects(self) -> None:
        """Point ``/category/<parents…>/<slug>/`` and ``/category/<slug>/`` at sections."""
        for slug, section_id in self.sections.items():
            if slug not in self.categories:
                continue
            chain = [slug]
            seen = {slug}
            parent = self.categories[slug].parent
            while parent and parent in self.categories and parent not in seen:
                chain.insert(0, parent)
                seen.add(parent)
                parent = self.categories[parent].parent
            paths = {f"/category/{'/'.join(chain)}/", f"/category/{slug}/"}
            if self.categories[slug].wp_id:
                paths.add(f"/?cat={self.categories[slug].wp_id}")
            for path in paths:
                self._redirect(Redirect.normalise_path(path), page_id=section_id)

    def tag(self, term: WxrTerm) -> str | None:
        """Return the tag name for a WordPress tag, creating the tag with its slug."""
        from taggit.models import Tag

        wp_slug = unquote(term.slug or "").lower()
        name = " ".join((term.name or wp_slug).split())[:100]
        if not name:
            return None
        key = wp_slug or name.lower()
        if key in self.tags:
            return self.tags[key]
        slug = (
            ascii_slug(wp_slug, max_length=100)
            or ascii_slug(name, max_length=100)
            or f"sujet-{term.wp_id or abs(hash(name)) % 10**8}"
        )
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            if Tag.objects.filter(slug=slug).exists():
                slug = f"{slug}-{term.wp_id or 2}"
            tag = Tag.objects.create(name=name, slug=slug)
            self.report.created["tags"] += 1
        self._set(self.tags, key, tag.name)
        self._set(self.tag_slugs, tag.name, tag.slug)
        self._set(self.tag_objects, tag.name, tag)
        self._remember(WxrObject.Kind.TAG, key, tag.pk)
        if wp_slug and self.tag_index is not None:
            for path in (f"/tag/{term.slug}/", f"/?tag={term.slug}"):
                self._redirect(
                    Redirect.normalise_path(path),
                    page_id=self.tag_index.pk,
                    route=f"/{tag.slug}/",
                )
        return tag.name

    def attachment(self, item: WxrPost) -> None:
        """Import an attachment found under ``--media-dir``: an image becomes a
        Wagtail image, any other file (PDF, sound…) a Wagtail document."""
        url = item.attachment_url or item.guid
        attachment = _Attachment(url=url, caption=plain_text(item.excerpt)[:300])
        self.attachments[item.wp_id] = attachment
        key = _upload_path(url)
        is_image = Path(key).suffix.lower() in IMAGE_EXTENSIONS
        if is_image:
            kind, model, label = WxrObject.Kind.ATTACHMENT, Image, "images"
            by_key, dry_run_keys = self.images_by_key, self.dry_run_images
        else:
            kind, model, label = (
                WxrObject.Kind.DOCUMENT,
                get_document_model(),
                "documents",
            )
            by_key, dry_run_keys = self.documents_by_key, self.dry_run_documents
        known = self.known.get((kind, item.wp_id))
        if known is not None and model.objects.filter(pk=known.object_id).exists():
            if is_image:
                attachment.image_id = known.object_id
            self._set_upload_key(by_key, url, known.object_id)
            return
        if self.media_dir is None:
            self.report.skip(
                item.wp_id, "attachment", f"file not found: {key} (no --media-dir)"
            )
            return
        relative = _upload_path(url, lower=False).lstrip("/")
        candidate = (self.media_dir / relative).resolve()
        if self.media_dir.resolve() not in candidate.parents or not candidate.is_file():
            self.report.skip(item.wp_id, "attachment", f"file not found: {relative}")
            return
        if self.report.dry_run:
            # No file is written in a dry run; the file counts as found.
            dry_run_keys.update({key, _upload_key(url)})
            self.report.created[label] += 1
            return
        obj = None
        try:
            with transaction.atomic(), open(candidate, "rb") as handle:
                title = _title_or_fallback(item.title, "", fallback=candidate.name)
                if is_image:
                    obj = Image(
                        title=title, file=ImageFile(handle, name=candidate.name)
                    )
                else:
                    obj = model(title=title, file=File(handle, name=candidate.name))
                obj.save()
                self._remember(kind, item.wp_id, obj.pk)
        except Exception as exc:  # A broken file must not stop the import.
            if obj is not None and obj.file:
                obj.file.delete(save=False)
            what = "image" if is_image else "file"
            self.report.skip(
                item.wp_id, "attachment", f"unreadable {what}: {exc}"[:300]
            )
            return
        if is_image:
            attachment.image_id = obj.pk
        self._set_upload_key(by_key, url, obj.pk)
        self.report.created[label] += 1

    def _set_upload_key(self, by_key: dict, url: str, pk: int) -> None:
        """Map an upload's exact path and, unless another file has that exact
        path, its path without size suffix (for resized copies) to ``pk``."""
        self._set(by_key, _upload_path(url), pk)
        key = _upload_key(url)
        if key not in by_key:
            self._set(by_key, key, pk)

    def remember_urls(self, item: WxrPost) -> None:
        """Note every URL by which another post may link to ``item``."""
        for url in (item.link, item.guid, f"/?p={item.wp_id}"):
            path = self._old_path(url)
            if path:
                self.post_urls[path] = item.wp_id
        permalink = self._date_permalink(item)
        if permalink:
            self.post_urls[permalink] = item.wp_id

    def _date_permalink(self, item: WxrPost) -> str | None:
        if not item.post_name or len(item.post_date) < 10:
            return None
        year, month, day = item.post_date[:10].split("-")
        return Redirect.normalise_path(f"/{year}/{month}/{day}/{item.post_name}/")

    # -- pass 2: posts, pages, comments ----------------------------------------

    def _resolve_article(self, href: str) -> int | None:
        path = self._old_path(href)
        wp_id = self.post_urls.get(path) if path else None
        if wp_id is None:
            article = article_for_url(href)
            return article.pk if article else None
        return self.post_pks.get(wp_id)

    def _resolve_image(self, src: str) -> int | None:
        found = self.images_by_key.get(_upload_path(src))
        return found if found is not None else self.images_by_key.get(_upload_key(src))

    def _attachment_url(self, wp_id: str) -> str | None:
        attachment = self.attachments.get(wp_id)
        return attachment.url if attachment else None

    def _blocks(self, item: WxrPost) -> tuple[list[dict], str, bool]:
        """Return the body blocks, the cleaned HTML, and whether a "Lire aussi" link
        points at a post not imported yet."""
        html = wp_content_to_html(item.content, attachment_url=self._attachment_url)
        waiting = False

        def resolve(href: str) -> int | None:
            nonlocal waiting
            found = self._resolve_article(href)
            path = self._old_path(href)
            if found is None and path in self.post_urls:
                waiting = True
            return found

        blocks = html_to_blocks(
            html, resolve_article=resolve, resolve_image=self._resolve_image
        )
        if self.documents_by_key:
            for block in blocks:
                if block["type"] == "paragraph":
                    block["value"] = _HREF.sub(self._document_link, block["value"])
        return blocks, html, waiting

    def _upload_document(self, href: str) -> tuple[str, bool]:
        """Return (key, is a non-image upload of the old site) for a link target."""
        href = unescape(href or "").strip()
        if _wpcom_upload(href) is None:
            path = self._old_path(href)
            if not path or _UPLOADS not in path:
                return "", False
        key = _upload_path(href)
        suffix = Path(key).suffix.lower()
        return key, bool(suffix) and suffix not in IMAGE_EXTENSIONS

    def _document_link(self, match: re.Match) -> str:
        """Turn a link to an uploaded file into a rich-text link to its document."""
        key, is_document = self._upload_document(match.group(1))
        document_id = self.documents_by_key.get(key) if is_document else None
        if document_id is None:
            return match.group(0)
        return f'<a linktype="document" id="{document_id}">'

    def _missing_documents(self, item: WxrPost, html: str) -> None:
        """Report links to uploaded files (not images) that were not imported."""
        missing = []
        for href in _HREF_VALUE.findall(html):
            key, is_document = self._upload_document(href)
            if not is_document or key in missing:
                continue
            if key not in self.documents_by_key and key not in self.dry_run_documents:
                missing.append(key)
        for key in missing:
            self.report.skip(item.wp_id, "document", f"document not found: {key}")

    def _missing_images(self, item: WxrPost, html: str) -> None:
        missing = []
        for src in re.findall(r"<img\b[^>]*\bsrc=[\"']([^\"']+)", html, re.IGNORECASE):
            key = _upload_path(src)
            found = self._resolve_image(src) is not None or bool(
                {key, _upload_key(src)} & self.dry_run_images
            )
            if not found and key not in missing:
                missing.append(key)
        for key in missing:
            self.report.skip(item.wp_id, "image", f"image not found: {key}")

    def _insert_page(self, parent_id: int, page, *, live: bool | None = None) -> None:
        """Insert ``page`` as the last child of ``parent_id`` without Wagtail's
        per-page work (log entry, publish signals, tree and site checks): the
        import knows the tree, and a few thousand pages must go in quickly.

        Child relations set in memory (tags, authors) are written in bulk. With
        ``live``, the page is published now with one revision; otherwise the
        caller writes the revision. ``numchild`` is fixed by _fix_tree().
        """
        parent = self._parent(parent_id)
        if parent_id not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent_id] = (
                Page._str2int(last.path[-Page.steplen :]) if last else 0
            )
        self.next_step[parent_id] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, self.next_step[parent_id])
        page.url_path = parent.url_path + page.slug + "/"
        page.locale_id = self.locale_id
        page.draft_title = page.title
        page._cached_parent_obj = parent
        if live is not None:
            page.live = live
            page.has_unpublished_changes = not live
            page.first_published_at = page.last_published_at = timezone.now()
        # Model.save, not Page.save: plain inserts of the page and its subclass
        # row (post_save still fires, so the search index is told).
        models.Model.save(page)
        if isinstance(page, ArticlePage):
            for item in page.tagged_items.all():
                self._buffer(
                    ArticlePageTag(
                        tag_id=item.tag_id,
                        content_object_id=page.pk,
                        published_at=page.published_at,
                    )
                )
            for link in page.article_authors.all():
                self._buffer(
                    ArticlePageAuthor(
                        page_id=page.pk,
                        author_id=link.author_id,
                        sort_order=link.sort_order,
                        published_at=page.published_at,
                    )
                )
        self.touched_parents.add(parent_id)
        if live is not None:
            self._write_revision(page, live=live)

    def _fix_tree(self) -> None:
        """Set ``numchild`` of every parent that received pages."""
        for parent_id in self.touched_parents:
            parent = self._parent(parent_id)
            Page.objects.filter(pk=parent_id).update(
                numchild=Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).count()
            )

    def _write_revision(self, page, *, live: bool, go_live_at=None) -> None:
        """Keep a revision of ``page`` (its live one when ``live``) for the next
        flush, which writes it and points the page at it."""
        revision = Revision(
            content_type_id=self.content_types[type(page)],
            base_content_type_id=self.content_types[Page],
            object_id=str(page.pk),
            created_at=page.last_published_at or timezone.now(),
            content=page.serializable_data(),
            object_str=str(page)[:255],
            approved_go_live_at=go_live_at,
        )
        self._buffer(_PendingRevision(revision=revision, page_id=page.pk, live=live))
        self.written_pages.add(page.pk)

    def _status(self, item: WxrPost):
        """Return (live, first_published_at, go_live_at) for an item's status."""
        date = self._date(item.post_date, item.post_date_gmt)
        if item.password:
            # Password-protected: not for the public; the newsroom decides.
            return False, None, None
        if item.status == "publish":
            return True, date or timezone.now(), None
        if item.status == "future":
            if date is None:
                raise WxrItemError("scheduled post without a date")
            return False, None, date
        return False, None, None

    def post(self, item: WxrPost) -> None:
        """Import one post (article) with its comments, in its own savepoint."""
        live, published_at, go_live_at = self._status(item)
        modified = self._date(item.post_modified, item.post_modified_gmt)
        category_slugs = []
        for term in item.categories:
            if term.kind != "category":
                continue
            slug = unquote(term.slug or "").lower() or ascii_slug(term.name)
            if slug:
                category_slugs.append(slug)
                if slug not in self.categories:
                    self._set(self.categories, slug, term)
        if category_slugs:
            section_id = self._section_for(category_slugs[0])
        else:
            section_id = self._default_section()
        tag_names = [
            name
            for name in (
                self.tag(term) for term in item.categories if term.kind == "tag"
            )
            if name
        ]
        author_id = self._author_for(item.creator)
        fingerprint = _fingerprint(
            item.title,
            item.content,
            item.excerpt,
            item.post_date,
            item.post_date_gmt,
            item.post_modified_gmt,
            item.post_name,
            item.status,
            item.is_sticky,
            item.meta.get("_thumbnail_id"),
            category_slugs,
            tag_names,
            item.creator,
            section_id,
            self.images_state,
            item.guid,
            item.comment_status,
            [vars(comment) for comment in item.comments],
        )
        known = self.known.get((WxrObject.Kind.POST, item.wp_id))
        article_id = None
        if known is not None and known.object_id in self.article_pks:
            article_id = known.object_id
        elif item.guid and item.guid[:500] in self.by_guid:
            article_id = self.by_guid[item.guid[:500]]
        if (
            article_id is not None
            and known is not None
            and known.fingerprint == fingerprint
        ):
            # Nothing changed since the last import: no write at all.
            self.report.unchanged += 1
            self._set(self.post_pks, item.wp_id, article_id)
            return
        blocks, html, waiting = self._blocks(item)
        comments = self._comment_rows(item)
        created = article_id is None
        title = _title_or_fallback(
            item.title, html, fallback=f"Sans titre ({item.wp_id})"
        )
        if created:
            article = ArticlePage(section_id=section_id)
            base = (
                ascii_slug(unquote(item.post_name), max_length=70)
                or ascii_slug(title, max_length=70)
                or f"article-{item.wp_id}"
            )
            article.slug = self._unique_slug(section_id, base)
            article.comment_count = sum(
                1
                for comment, _parent in comments.values()
                if comment.status == "approved"
            )
            # Nothing to read back from the database for a new page.
            article.related_links.set([])
            getattr(article, COMMENTS_RELATION_NAME).set([])
        else:
            article = ArticlePage.objects.get(pk=article_id)
        article.title = article.draft_title = title
        summary = plain_text(item.excerpt)
        parts = sentences(summary)
        if len(parts) > 3:
            summary = " ".join(parts[:3])
        derived = not summary
        if derived:
            summary = summary_from(plain_text(html)) or article.title
            self.report.summaries_derived.append(item.wp_id)
        article.summary = summary
        article.body = json.dumps(blocks)
        article.reading_minutes = _reading_minutes(blocks)
        article.featured = item.is_sticky
        article.comments_open = item.comment_status != "closed"
        article.source_uri = item.guid[:500]
        article.live = live
        article.has_unpublished_changes = not live
        article.first_published_at = article.published_at = published_at
        article.last_published_at = (
            max(modified, published_at) if live and modified else published_at
        )
        article.go_live_at = go_live_at
        article.updated_at = (
            modified
            if live and modified and (modified - published_at).total_seconds() >= 600
            else None
        )
        thumbnail = self.attachments.get(item.meta.get("_thumbnail_id", ""))
        article.featured_image_id = thumbnail.image_id if thumbnail else None
        article.featured_image_caption = thumbnail.caption if thumbnail else ""
        if thumbnail is None and item.meta.get("_thumbnail_id"):
            self.report.skip(
                item.wp_id,
                "image",
                f"featured image {item.meta['_thumbnail_id']} not found",
            )
        self._missing_images(item, html)
        self._missing_documents(item, html)
        article.tags.set([self.tag_objects[name] for name in tag_names])
        article.article_authors.set(
            [ArticlePageAuthor(author_id=author_id, sort_order=0)] if author_id else []
        )
        if created:
            self._insert_page(section_id, article)
        else:
            article.save(clean=False)
        self._write_revision(article, live=live, go_live_at=go_live_at)
        obj = self._remember(WxrObject.Kind.POST, item.wp_id, article.pk, fingerprint)
        if obj.summary_derived != derived:
            obj.summary_derived = derived
            if obj.pk is not None:
                WxrObject.objects.filter(pk=obj.pk).update(summary_derived=derived)
        self.report.created["articles"] += int(created)
        self.report.updated["articles"] += int(not created)
        if live:
            new_path = self._page_url_path(article)
            for url in (item.link, f"/?p={item.wp_id}"):
                path = self._old_path(url)
                if path and path != new_path:
                    self._redirect(path, page_id=article.pk)
            permalink = self._date_permalink(item)
            if permalink and permalink != new_path:
                self._redirect(permalink, page_id=article.pk)
        self._comments(comments, article, created=created)
        self._set(self.post_pks, item.wp_id, article.pk)
        self.article_pks.add(article.pk)
        if waiting:
            self.deferred[item.wp_id] = item

    def _default_section(self) -> int:
        if self.default_section is None:
            slug, title = DEFAULT_SECTION
            if slug not in self.categories:
                self._set(
                    self.categories,
                    slug,
                    WxrTerm(kind="category", slug=slug, name=title),
                )
            self.default_section = self._section_for(slug)
        return self.default_section

    def _comment_rows(self, item: WxrPost) -> dict:
        """Return ``{wp_id: (Comment, parent wp_id)}`` for the comments to import.

        Trashed comments are reported and left out; a comment with an unreadable
        date makes the whole item fail (nothing of it is kept).
        """
        from manchette.comments.models import Comment

        prefix = f"wxr:{self.source}:"
        rows = {}
        for raw in item.comments:
            if not raw.wp_id:
                continue
            status = COMMENT_STATUSES.get(raw.approved.lower())
            if status is None:
                reason = (
                    "in the trash"
                    if "trash" in raw.approved.lower()
                    else f"unknown status {raw.approved!r}"
                )
                self.report.skip(raw.wp_id, "comment", reason)
                continue
            try:
                created_at = self._date(raw.date, raw.date_gmt)
            except WxrItemError as exc:
                raise WxrItemError(f"comment {raw.wp_id}: {exc}") from exc
            if created_at is None:
                raise WxrItemError(f"comment {raw.wp_id} has no date")
            url = raw.url if raw.url.startswith(("http://", "https://")) else ""
            rows[raw.wp_id] = (
                Comment(
                    author_name=(raw.author or "Anonyme")[:100],
                    author_email=raw.email[:254],
                    author_url=url if len(url) <= 300 else "",
                    body=_comment_text(raw.content) or "…",
                    status=status,
                    created_at=created_at,
                    source_id=(prefix + raw.wp_id)[:200],
                ),
                raw.parent,
            )
        return rows

    def _comments(self, rows: dict, article, *, created: bool) -> None:
        """Write the comments of a post, parents first: new ones created, changed
        ones updated, threads kept (a reply to a missing comment stays on top)."""
        from manchette.comments.models import Comment

        if not rows:
            return
        if created:
            # A new article: its comments go in with the next flush.
            self._buffer(_PendingComments(article_id=article.pk, rows=rows))
            self.report.created["comments"] += len(rows)
            return
        prefix = f"wxr:{self.source}:"
        existing = (
            {}
            if created
            else {
                comment.source_id: comment
                for comment in Comment.objects.filter(
                    article_id=article.pk, source_id__startswith=prefix
                )
            }
        )
        fields = (
            "author_name",
            "author_email",
            "author_url",
            "body",
            "status",
            "created_at",
            "parent_id",
        )
        pks: dict[str, int] = {}
        pending = dict(rows)
        changed = False
        while pending:
            ready = {
                wp_id: entry
                for wp_id, entry in pending.items()
                if entry[1] in {"", "0"} or entry[1] not in pending
            }
            # A loop of replies (it happens in broken exports): cut it.
            ready = ready or dict(pending)
            new, dirty = [], []
            for wp_id, (comment, parent) in ready.items():
                comment.article_id = article.pk
                comment.parent_id = pks.get(parent) or (
                    existing[prefix + parent].pk
                    if prefix + parent in existing
                    else None
                )
                current = existing.get(comment.source_id)
                if current is None:
                    new.append((wp_id, comment))
                    continue
                if any(
                    getattr(current, name) != getattr(comment, name) for name in fields
                ):
                    for name in fields:
                        setattr(current, name, getattr(comment, name))
                    dirty.append(current)
                pks[wp_id] = current.pk
            if new:
                Comment.objects.bulk_create([comment for _, comment in new])
                for wp_id, comment in new:
                    pks[wp_id] = comment.pk
            if dirty:
                Comment.objects.bulk_update(dirty, fields)
            self.report.created["comments"] += len(new)
            self.report.updated["comments"] += len(dirty)
            changed = changed or bool(new or dirty)
            for wp_id in ready:
                del pending[wp_id]
        if changed and not created:
            approved = Comment.objects.filter(
                article_id=article.pk, status="approved"
            ).count()
            ArticlePage.objects.filter(pk=article.pk).update(comment_count=approved)

    def page(self, item: WxrPost) -> None:
        """Import one WordPress page as a content page, in its own savepoint."""
        from manchette.news.models import ContentPage

        live, published_at, go_live_at = self._status(item)
        modified = self._date(item.post_modified, item.post_modified_gmt)
        parent_id = self.page_pks.get(item.post_parent) or self.home.pk
        fingerprint = _fingerprint(
            item.title,
            item.content,
            item.post_date,
            item.post_date_gmt,
            item.post_modified_gmt,
            item.post_name,
            item.status,
            parent_id,
            self.images_state,
        )
        known = self.known.get((WxrObject.Kind.PAGE, item.wp_id))
        page = ContentPage.objects.filter(pk=known.object_id).first() if known else None
        for comment in item.comments:
            self.report.skip(comment.wp_id, "comment", "comment on a page")
        if page is not None and known.fingerprint == fingerprint:
            self.report.unchanged += 1
            self._set(self.page_pks, item.wp_id, page.pk)
            return
        if (
            parent_id != self.home.pk
            and not ContentPage.objects.filter(pk=parent_id).exists()
        ):
            parent_id = self.home.pk
        blocks, html, _waiting = self._blocks(item)
        created = page is None
        title = _title_or_fallback(
            item.title, html, fallback=f"Sans titre ({item.wp_id})"
        )
        if created:
            page = ContentPage()
            base = (
                ascii_slug(unquote(item.post_name), max_length=70)
                or ascii_slug(title, max_length=70)
                or f"page-{item.wp_id}"
            )
            page.slug = self._unique_slug(parent_id, base)
            getattr(page, COMMENTS_RELATION_NAME).set([])
        page.title = page.draft_title = title
        page.body = json.dumps(blocks)
        page.live = live
        page.has_unpublished_changes = not live
        page.first_published_at = published_at
        page.last_published_at = (
            max(modified, published_at) if live and modified else published_at
        )
        page.go_live_at = go_live_at
        self._missing_images(item, html)
        self._missing_documents(item, html)
        if created:
            self._insert_page(parent_id, page)
        else:
            page.save(clean=False)
        self._write_revision(page, live=live, go_live_at=go_live_at)
        self._remember(WxrObject.Kind.PAGE, item.wp_id, page.pk, fingerprint)
        self.report.created["pages"] += int(created)
        self.report.updated["pages"] += int(not created)
        if live:
            new_path = self._page_url_path(page)
            for url in (item.link, f"/?page_id={item.wp_id}"):
                path = self._old_path(url)
                if path and path != new_path:
                    self._redirect(path, page_id=page.pk)
        self._set(self.page_pks, item.wp_id, page.pk)

    def finish_deferred(self) -> None:
        """Resolve "Lire aussi" links to posts that came later in the file."""
        for wp_id, item in self.deferred.items():
            article = ArticlePage.objects.filter(pk=self.post_pks.get(wp_id)).first()
            if article is None:
                continue
            blocks, _html, _waiting = self._blocks(item)
            with transaction.atomic():
                article.body = json.dumps(blocks)
                article.save(clean=False, update_fields=["body", "reading_minutes"])
                if article.latest_revision_id:
                    revision = Revision.objects.get(pk=article.latest_revision_id)
                    revision.content["body"] = article.serializable_data()["body"]
                    revision.save(update_fields=["content"])

    # -- the run -----------------------------------------------------------------

    def run(self) -> WxrReport:
        for entry in iter_wxr(self.path):
            if isinstance(entry, WxrChannel):
                self._start(entry)
            elif isinstance(entry, WxrAuthor):
                self._guarded(entry.login, "author", self.author, entry)
            elif isinstance(entry, WxrTerm) and entry.kind == "category":
                self._guarded(entry.slug, "category", self.category, entry)
            elif isinstance(entry, WxrTerm):
                self._guarded(entry.slug, "tag", self.tag, entry)
            elif isinstance(entry, WxrPost):
                self.total_items += 1
                if entry.post_type == "attachment":
                    self._guarded(entry.wp_id, "attachment", self.attachment, entry)
                elif entry.post_type == "post":
                    self.remember_urls(entry)
        self.sections_from_categories()
        self.category_redirects()
        self._flush()
        # What the bodies' images resolve to: part of every item's fingerprint.
        self.images_state = _fingerprint(sorted(self.images_by_key.items()))
        if self.documents_by_key:
            self.images_state = _fingerprint(
                self.images_state, sorted(self.documents_by_key.items())
            )
        self.progress(total=self.total_items, advance=0)
        for entry in iter_wxr(self.path):
            if not isinstance(entry, WxrPost):
                continue
            self.progress(advance=1)
            if entry.post_type == "attachment":
                continue
            if entry.post_type not in {"post", "page"}:
                self._run_batch()
                self.report.skip(
                    entry.wp_id,
                    entry.post_type,
                    f"unsupported type {entry.post_type!r}",
                )
                continue
            if entry.status in SKIPPED_STATUSES or entry.status not in POST_STATUSES:
                reason = SKIPPED_STATUSES.get(
                    entry.status, f"unknown status {entry.status!r}"
                )
                self._run_batch()
                self.report.skip(entry.wp_id, entry.post_type, reason)
                self._skip_comments(entry, "post skipped")
                continue
            self.batch.append(entry)
            if len(self.batch) >= BATCH_SIZE:
                self._run_batch()
                if len(self.pending) >= FLUSH_EVERY:
                    self._flush()
        self._run_batch()
        self._flush()
        self._fix_tree()
        self.finish_deferred()
        return self.report

    def _run_batch(self) -> None:
        """Import the posts and pages gathered in ``self.batch`` in one savepoint.

        Savepoints cost two round trips each: one per item made a PostgreSQL
        import much slower. If an item of the batch fails, the whole batch is
        rolled back (in the database and in memory) and its items are imported
        again one by one, each in its own savepoint, so the bad one is skipped
        and nothing of it stays.
        """
        batch, self.batch = self.batch, []
        if not batch:
            return
        report = self.report
        created, updated = dict(report.created), dict(report.updated)
        skipped, derived = len(report.skipped), len(report.summaries_derived)
        unchanged = report.unchanged
        undo_all: list = []
        try:
            with transaction.atomic():
                for entry in batch:
                    self._undo = []
                    self._handler(entry)(entry)
                    undo_all.extend(self._undo)
        except Exception:
            logger.debug("WXR batch rolled back; importing its items one by one")
            for undo in reversed(undo_all + self._undo):
                undo()
            report.created, report.updated = created, updated
            del report.skipped[skipped:]
            del report.summaries_derived[derived:]
            report.unchanged = unchanged
            for entry in batch:
                if not self._guarded(
                    entry.wp_id, entry.post_type, self._handler(entry), entry
                ):
                    self._skip_comments(entry, "post skipped")
        self._undo = []

    def _handler(self, entry: WxrPost):
        return self.post if entry.post_type == "post" else self.page

    def _skip_comments(self, item: WxrPost, reason: str) -> None:
        for comment in item.comments:
            self.report.skip(comment.wp_id, "comment", reason)

    def _start(self, channel: WxrChannel) -> None:
        # The blog's own URL: on WordPress.com (and multisite) base_site_url is
        # the network's, shared by every blog.
        self.source = (
            channel.base_blog_url
            or channel.link
            or channel.base_site_url
            or "wordpress"
        ).rstrip("/")[:200]
        for url in (channel.base_site_url, channel.base_blog_url, channel.link):
            host = urlsplit(url or "").hostname
            if host:
                self.old_hosts.add(host.lower())
        self._load_known()

    def _guarded(self, wp_id, kind: str, handler, entry) -> bool:
        """Run ``handler(entry)`` in a savepoint; a failure skips the item, nothing kept."""
        self._undo = []
        created, updated = dict(self.report.created), dict(self.report.updated)
        skipped, derived = len(self.report.skipped), len(self.report.summaries_derived)
        unchanged = self.report.unchanged
        try:
            with transaction.atomic():
                handler(entry)
        except Exception as exc:
            # Whatever went wrong, the savepoint is rolled back and the run goes on;
            # the reason is in the report (and the traceback in the log). What the
            # item changed in memory is undone too.
            logger.debug("WXR item %s %s skipped", kind, wp_id, exc_info=True)
            for undo in reversed(self._undo):
                undo()
            self.report.created, self.report.updated = created, updated
            del self.report.skipped[skipped:]
            del self.report.summaries_derived[derived:]
            self.report.unchanged = unchanged
            self.report.skip(wp_id, kind, str(exc)[:300] or type(exc).__name__)
            return False
        return True


class _DryRun(Exception):
    """Raised to roll a dry run back."""


def wxr_import(
    path: Path,
    *,
    media_dir: Path | None = None,
    section_map: dict[str, tuple[str, str]] | None = None,
    dry_run: bool = False,
    time_zone: str | None = None,
    progress=None,
) -> WxrReport:
    """Import a WordPress export (WXR); return what was created, updated and skipped.

    The file is streamed twice: first authors, categories, tags and attachments
    (and the old URL of every post), then posts, pages and their comments. Each
    item is written in its own savepoint, so a bad one is reported and leaves
    nothing behind. Re-importing the same export updates what changed (keyed on
    the WordPress ids) and leaves the rest alone. ``dry_run`` does everything in
    a transaction that is rolled back, and writes no image file.
    Raise :class:`WxrError` when the file is not a readable WordPress export.
    """
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from wagtail.signal_handlers import disable_reference_index_auto_update

    tz = ZoneInfo(time_zone or settings.TIME_ZONE)
    report = None
    try:
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            _deferred_search_index(),
        ):
            importer = _WxrImport(
                path,
                media_dir=media_dir,
                section_map=section_map or {},
                tz=tz,
                progress=progress,
            )
            importer.report.dry_run = dry_run
            report = importer.run()
            if dry_run:
                raise _DryRun
            _after_import(importer)
    except _DryRun:
        pass
    return report


@contextmanager
def _deferred_search_index():
    """Stop the per-page search-index task while pages are written (one task row
    per page, in a transaction that may hold thousands): ``_after_import`` queues
    the imported pages in chunks instead. Only this process's handlers change,
    and only for the page types the import writes.
    """
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    from manchette.news.models import AuthorPage, ContentPage, SectionPage

    models = (ArticlePage, ContentPage, SectionPage, AuthorPage)
    disconnected = [
        model
        for model in models
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def _after_import(importer: "_WxrImport") -> None:
    """Do what publishing does, once for the whole import: queue the search and
    reference index updates of the written pages, and (after the commit) purge
    every cached page and the navigation, since lists, sections and menus may all
    have changed.
    """
    from manchette.core.pagecache import invalidate

    from .tasks import enqueue_pages_imported

    report = importer.report
    if importer.written_pages:
        enqueue_pages_imported(importer.written_pages)
    if any(report.created.values()) or any(report.updated.values()):
        invalidate("site")
