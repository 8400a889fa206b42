"""The page tree of an import: fast inserts of new pages, their revisions, and
moves of existing sections.

New pages are inserted in bulk without Wagtail's per-page work (a few thousand
must go in quickly). Their place in the tree (``path``, ``depth``) is computed
here from treebeard's public description of a materialized path
(``Page.steplen`` characters per level, digits from ``Page.alphabet``), and
``numchild`` is fixed at the end; ``tests/importers/test_tree.py`` checks the
result against treebeard's own ``add_child`` and ``find_problems``. Moves go
through Wagtail's ``Page.move``.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from manchette.core.text import unique_slug
from manchette.news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag


def path_step(path: str) -> int:
    """Return the position among its siblings encoded by the last step of ``path``."""
    value = 0
    for char in path[-Page.steplen :]:
        value = value * len(Page.alphabet) + Page.alphabet.index(char)
    return value


def child_path(parent_path: str, step: int) -> str:
    """Return the path of the ``step``-th child of the page at ``parent_path``."""
    base = len(Page.alphabet)
    digits = []
    while step:
        step, digit = divmod(step, base)
        digits.append(Page.alphabet[digit])
    key = "".join(reversed(digits)).rjust(Page.steplen, Page.alphabet[0])
    if len(key) > Page.steplen:
        raise ValueError(f"too many children under the page at {parent_path}")
    return parent_path + key


@dataclass(eq=False)
class PendingRevision:
    """A revision to write at the next flush, and what it makes of its page."""

    revision: Revision
    page_id: int
    live: bool


class TreeMixin:
    """Parents, slugs, inserts and moves of the pages an import writes."""

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
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        taken = self.child_slugs[parent_id]
        slug = unique_slug(base, taken)
        taken.add(slug)
        # Freed if the item is rolled back, so that its second try keeps it.
        self._undo.append(lambda: taken.discard(slug))
        return slug

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
            self.next_step[parent_id] = path_step(last.path) if last else 0
        self.next_step[parent_id] += 1
        page.depth = parent.depth + 1
        page.path = child_path(parent.path, self.next_step[parent_id])
        page.url_path = parent.url_path + page.slug + "/"
        page.locale_id = self.locale_id
        page.draft_title = page.title
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
        """Set ``numchild`` of every parent that received pages (and still
        exists: a parent made by a rolled-back item is gone)."""
        for parent in Page.objects.filter(pk__in=self.touched_parents):
            Page.objects.filter(pk=parent.pk).update(
                numchild=Page.objects.child_of(parent).count()
            )

    def _move_page(self, page, parent_id: int) -> str:
        """Move ``page`` (with its subtree) under ``parent_id`` with Wagtail's
        ``Page.move``; return why it was refused, or "" once moved.

        Refused when an editor worked on the page since it was imported (its
        place may be on purpose) or when a sibling there has its slug.
        """
        target = Page.objects.get(pk=parent_id)
        edited = (
            PageLogEntry.objects.filter(page_id=page.pk, user__isnull=False).exists()
            or page.revisions.filter(user__isnull=False).exists()
        )
        if edited:
            return "changed by an editor since the import"
        if Page.objects.child_of(target).filter(slug=page.slug).exists():
            return f"a page with the slug {page.slug!r} is already there"
        page.move(target, pos="last-child")
        page.refresh_from_db(fields=["path", "depth", "url_path"])
        # Paths changed under the moved page: read parents and slugs again.
        self.parents.clear()
        self.child_slugs.clear()
        self.next_step.clear()
        return ""

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
        self._buffer(PendingRevision(revision=revision, page_id=page.pk, live=live))
        self.written_pages.add(page.pk)

    def _flush_revisions(self, by_type: dict) -> None:
        pending = by_type[PendingRevision]
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
