"""A run of the WordPress (WXR) import: two passes over the file, items in
batches of savepoints, and what publishing does, once, at the end."""

import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from manchette.core.editions import editions, is_edition
from manchette.core.pagecache import invalidate
from manchette.news.models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    ContentPage,
    SectionPage,
    TagIndexPage,
)
from manchette.news.services import edition_ensure

from ..wxr import WxrAuthor, WxrChannel, WxrPost, WxrTerm, iter_wxr
from .comments import CommentsMixin
from .media import MediaMixin
from .pages import PagesMixin
from .people import PeopleMixin
from .posts import PostsMixin
from .redirects import RedirectsMixin
from .state import StateMixin, WxrReport, language_name
from .taxonomy import TaxonomyMixin
from .text import fingerprint
from .tree import TreeMixin

logger = logging.getLogger("manchette.importers.services")

POST_STATUSES = {"publish", "future", "draft", "pending", "private"}
SKIPPED_STATUSES = {
    "trash": "in the trash",
    "auto-draft": "automatic draft",
    "inherit": "revision",
}
# Rows gathered (import records, redirects, revisions, tags, comments) before they
# are written in batches, between items.
FLUSH_EVERY = 5000
# Posts and pages written in one savepoint (see WxrImport._run_batch).
BATCH_SIZE = 100
# Tags every import invalidates: navigation and identity (every HTML page),
# the home page and the lists of newest articles.
SITE_TAGS = ("site", "home", "listing:latest")


class WxrImport(
    StateMixin,
    TreeMixin,
    RedirectsMixin,
    TaxonomyMixin,
    PeopleMixin,
    MediaMixin,
    PostsMixin,
    PagesMixin,
    CommentsMixin,
):
    """One run of the WordPress import; see :func:`wxr_import`."""

    def __init__(
        self,
        path: Path,
        *,
        media_dir: Path | None,
        section_map: dict[str, tuple[str, str]],
        tz,
        progress,
        language: str,
    ):
        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.section_map = section_map
        self.tz = tz
        self.progress = progress or (lambda advance=1, total=None: None)
        self.report = WxrReport(language=language)
        # Everything lands in the edition of ``language``: its home page (made
        # now if missing), its locale, its author and tag indexes.
        self.language = language
        self.home = edition_ensure(language)
        self.locale_id = self.home.locale_id
        self.home_prefix = self.home.url_path
        self.url_prefix = edition_url_prefix(self.home, language)
        self.tag_index = (
            TagIndexPage.objects.child_of(self.home).first()
            or TagIndexPage.objects.filter(locale_id=self.locale_id).first()
        )
        author_index = (
            AuthorIndexPage.objects.child_of(self.home).first()
            or AuthorIndexPage.objects.filter(locale_id=self.locale_id).first()
        )
        self.author_index_id = author_index.pk if author_index else None
        self.content_types = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (ArticlePage, ContentPage, Page, SectionPage, AuthorPage)
        }
        self.source = ""
        self.old_hosts: set[str] = set()
        self.known: dict = {}
        self.categories: dict[str, WxrTerm] = {}
        self.sections: dict[str, int] = {}
        self.sections_placed: set[str] = set()
        self.default_section: int | None = None
        self.tags: dict[str, str] = {}
        self.tag_slugs: dict[str, str] = {}
        self.authors: dict[str, int] = {}
        self.attachments: dict = {}
        self.images_by_key: dict[str, int] = {}
        self.post_urls: dict[str, str] = {}
        self.export_pages: set[str] = set()
        self.held_pages: list[WxrPost] = []
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
        self.tag_objects: dict = {}
        self.by_guid: dict[str, int] = {}
        self.article_pks: set[int] = set()
        self.documents_by_key: dict[str, int] = {}
        self.images_state = ""
        self.dry_run_images: set[str] = set()
        self.dry_run_documents: set[str] = set()
        # Pages written by this run: indexed (search, references) at the end.
        self.written_pages: set[int] = set()
        # Cache tags of what existed before and changed: invalidated at the end.
        self.changed_tags: set[str] = set()

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
                elif entry.post_type == "page":
                    self.export_pages.add(entry.wp_id)
        self.sections_from_categories()
        self.category_redirects()
        self._flush()
        # What the bodies' images resolve to: part of every item's fingerprint.
        self.images_state = fingerprint(sorted(self.images_by_key.items()))
        if self.documents_by_key:
            self.images_state = fingerprint(
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
            if (
                entry.post_type == "page"
                and entry.post_parent in self.export_pages
                and entry.post_parent not in self.page_pks
            ):
                # Its parent page comes later in the file: imported after it.
                self.held_pages.append(entry)
                continue
            self.batch.append(entry)
            if len(self.batch) >= BATCH_SIZE:
                self._run_batch()
                if len(self.pending) >= FLUSH_EVERY:
                    self._flush()
        self._run_batch()
        self._held_pages_import()
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
        snapshot = self.report.snapshot()
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
            self.report.restore(snapshot)
            for entry in batch:
                if not self._guarded(
                    entry.wp_id, entry.post_type, self._handler(entry), entry
                ):
                    self._skip_comments(entry, "post skipped")
        self._undo = []

    def _held_pages_import(self) -> None:
        """Import the pages listed before their parent page, parents first; a
        page whose parent was skipped (or a loop of parents) goes under the home
        page."""
        held, self.held_pages = self.held_pages, []
        while held:
            ready = [entry for entry in held if entry.post_parent in self.page_pks]
            ready = ready or held
            held = [entry for entry in held if entry not in ready]
            self.batch.extend(ready)
            self._run_batch()

    def _handler(self, entry: WxrPost):
        return self.post if entry.post_type == "post" else self.page

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
        self.report.export_language = export_language(channel.language)
        self._load_known()

    def _guarded(self, wp_id, kind: str, handler, entry) -> bool:
        """Run ``handler(entry)`` in a savepoint; a failure skips the item, nothing kept."""
        self._undo = []
        snapshot = self.report.snapshot()
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
            self.report.restore(snapshot)
            self.report.skip(wp_id, kind, str(exc)[:300] or type(exc).__name__)
            return False
        return True


def edition_url_prefix(home: Page, language: str) -> str:
    """Return the public path of the edition home ``home`` ("/", "/ar/")."""
    parts = home.get_url_parts()
    if parts and parts[2]:
        return parts[2]
    return "/" if language == Locale.get_default().language_code else f"/{language}/"


def export_language(value: str) -> str:
    """Return the primary subtag of a WXR ``<language>`` ("ar" for "ar-MA")."""
    return value.strip().replace("_", "-").split("-")[0].lower()


class WxrEditionError(ValueError):
    """The edition asked for is not one that is on; nothing was imported."""


def import_language(language: str | None) -> str:
    """Return the language code of the edition to import into (default: the
    default locale's); raise :class:`WxrEditionError` when it is not an
    edition that is on.
    """
    code = (language or Locale.get_default().language_code).strip().lower()
    if not is_edition(code):
        on = ", ".join(f"{c} ({language_name(c)})" for c in editions())
        raise WxrEditionError(
            f"{code!r} is not an edition that is on; the editions that are on: {on}"
        )
    return code


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
    language: str | None = None,
) -> WxrReport:
    """Import a WordPress export (WXR); return what was created, updated and skipped.

    The file is streamed twice: first authors, categories, tags and attachments
    (and the old URL of every post), then posts, pages and their comments. Each
    item is written in its own savepoint, so a bad one is reported and leaves
    nothing behind. Re-importing the same export updates what changed (keyed on
    the WordPress ids) and leaves the rest alone. ``dry_run`` does everything in
    a transaction that is rolled back, and writes no image file.
    ``language`` names the edition everything goes to (default: the default
    locale's); its home page and indexes are made if missing (not in a dry
    run). Raise :class:`WxrEditionError` when it is not an edition that is on,
    :class:`WxrError` when the file is not a readable WordPress export.
    """
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from wagtail.signal_handlers import disable_reference_index_auto_update

    language = import_language(language)
    tz = ZoneInfo(time_zone or settings.TIME_ZONE)
    report = None
    try:
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            _deferred_search_index(),
        ):
            importer = WxrImport(
                path,
                media_dir=media_dir,
                section_map=section_map or {},
                tz=tz,
                progress=progress,
                language=language,
            )
            importer.report.dry_run = dry_run
            report = importer.run()
            if dry_run:
                raise _DryRun
            _after_import(importer)
    except _DryRun:
        # Site root paths read while the rolled-back edition existed.
        Site.clear_site_root_paths_cache()
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


def _after_import(importer: WxrImport) -> None:
    """Do what publishing does, once for the whole import: queue the search and
    reference index updates of the written pages, and invalidate (after the
    commit) the site's pages, since lists, sections and menus may all have
    changed, and the feeds and API answers of what changed.
    """
    from ..tasks import enqueue_pages_imported

    report = importer.report
    if importer.written_pages:
        enqueue_pages_imported(importer.written_pages)
    if any(report.created.values()) or any(report.updated.values()):
        invalidate(*SITE_TAGS, importer.changed_tags)
