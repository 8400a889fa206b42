"""What a WordPress import run knows and keeps: the report, the import records,
the rows waiting to be written in batches, and the undo journal of an item.

Each item is imported in a savepoint; what it changed in memory is journaled
(``_set``, ``_buffer``) so that a failed item is forgotten in memory too.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import get_language_info
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from manchette.core.editions import is_edition
from manchette.news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag

from ..models import WxrObject

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
_MISSING = object()


def language_name(code: str) -> str:
    """Return the English name of ``code`` ("Arabic"), for the command's report."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


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
    # The edition imported into, and the export's own language (its
    # ``<language>``'s primary subtag, "" when it has none).
    language: str = ""
    export_language: str = ""
    # Pages an earlier import of the same export made in another edition.
    earlier_edition_items: int = 0

    def skip(self, wp_id, kind: str, reason: str) -> None:
        self.skipped.append({"wp_id": wp_id, "kind": kind, "reason": reason})

    def language_note(self) -> str:
        """Return a line for the operator when the export is in the language of
        another edition that is on than the one it was imported into, else "".
        """
        spoken = self.export_language
        if not spoken or spoken == self.language or not is_edition(spoken):
            return ""
        verb = "would be" if self.dry_run else "was"
        return (
            f"The export says its language is {spoken}; it {verb} imported into "
            f"the {language_name(self.language)} edition (use --language {spoken} "
            f"for the {language_name(spoken)} edition)."
        )

    def earlier_edition_note(self) -> str:
        """Return a line for the operator when items of the export were in
        another edition from an earlier import, else ""."""
        if not self.earlier_edition_items:
            return ""
        return (
            f"{self.earlier_edition_items} page(s) made from this export by an "
            "earlier import are in another edition: their items were imported "
            "again into the "
            f"{language_name(self.language)} edition, and their old URLs follow "
            "them; the earlier pages stay (delete them in the admin if unwanted)."
        )

    def as_dict(self) -> dict:
        """Return the report in the documented JSON shape."""
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "skipped": list(self.skipped),
        }

    def snapshot(self) -> tuple:
        """Return what ``restore`` needs to forget what happened after this call."""
        return (
            dict(self.created),
            dict(self.updated),
            len(self.skipped),
            len(self.summaries_derived),
            self.unchanged,
        )

    def restore(self, snapshot: tuple) -> None:
        created, updated, skipped, derived, unchanged = snapshot
        self.created, self.updated = created, updated
        del self.skipped[skipped:]
        del self.summaries_derived[derived:]
        self.unchanged = unchanged


class StateMixin:
    """The run's memory: import records, the batch of rows to write, undo."""

    def _set(self, mapping: dict, key, value) -> None:
        """Set ``mapping[key]``, remembering how to undo it if the item fails."""
        old = mapping.get(key, _MISSING)
        if old is _MISSING:
            self._undo.append(lambda: mapping.pop(key, None))
        else:
            self._undo.append(lambda: mapping.__setitem__(key, old))
        mapping[key] = value

    def _buffer(self, obj) -> None:
        """Keep ``obj`` for the next flush (forgotten if the current item fails)."""
        self.pending.append(obj)
        self._undo.append(lambda: self.pending.remove(obj))

    def _load_known(self) -> None:
        self.known = {
            (obj.kind, obj.wp_id): obj
            for obj in WxrObject.objects.filter(source=self.source)
        }
        # Pages an earlier import of this export made in another edition are
        # not this run's: its items are imported again into its own edition
        # (and their records, and old URLs, follow them there).
        other_edition = set(
            Page.objects.exclude(locale_id=self.locale_id).values_list("pk", flat=True)
        )
        seeds = {
            WxrObject.Kind.POST: self.post_pks,
            WxrObject.Kind.PAGE: self.page_pks,
            WxrObject.Kind.CATEGORY: self.sections,
            WxrObject.Kind.AUTHOR: self.authors,
        }
        self.earlier_edition_pages = set()
        for (kind, wp_id), obj in self.known.items():
            if kind not in seeds:
                continue
            if obj.object_id in other_edition:
                self.earlier_edition_pages.add(obj.object_id)
            else:
                seeds[kind][wp_id] = obj.object_id
        self.report.earlier_edition_items = len(self.earlier_edition_pages)
        self.article_pks = set(
            ArticlePage.objects.filter(locale_id=self.locale_id).values_list(
                "pk", flat=True
            )
        )
        self.by_guid = dict(
            ArticlePage.objects.filter(locale_id=self.locale_id)
            .exclude(source_uri="")
            .values_list("source_uri", "pk")
        )
        self._load_redirects()

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
            self._buffer(obj)
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
        self._flush_revisions(by_type)
        self._flush_comments(by_type)
        self._redirects_written(pending)
        self.pending = []
