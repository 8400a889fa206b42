"""WordPress pages become content pages, in their hierarchy."""

import json
from urllib.parse import unquote

from wagtail.models.pages import COMMENTS_RELATION_NAME

from manchette.core.text import slug_for
from manchette.news.models import ContentPage

from ..models import WxrObject
from ..wxr import WxrPost
from .text import fingerprint, title_or_fallback

# Content pages (about, legal notices, contact…) take no comments: a comment
# belongs to an article (docs/decisions.md). Each comment of a page is listed in
# the report's ``skipped`` with this reason instead.
PAGE_COMMENT_SKIPPED = "comment on a page"


class PagesMixin:
    """Content pages from WordPress pages."""

    def page(self, item: WxrPost) -> None:
        """Import one WordPress page as a content page, in its own savepoint."""
        live, published_at, go_live_at = self._status(item)
        modified = self._date(item.post_modified, item.post_modified_gmt)
        parent_id = self.page_pks.get(item.post_parent) or self.home.pk
        digest = fingerprint(
            item.title,
            item.content,
            item.post_date,
            item.post_date_gmt,
            item.post_modified_gmt,
            item.post_name,
            item.status,
            parent_id,
            self.images_state,
            # Only when set: the records of earlier imports stay valid.
            *([item.password] if item.password else []),
        )
        known = self.known.get((WxrObject.Kind.PAGE, item.wp_id))
        page = (
            ContentPage.objects.filter(
                pk=known.object_id, locale_id=self.locale_id
            ).first()
            if known
            else None
        )
        self._skip_comments(item, PAGE_COMMENT_SKIPPED)
        if (
            parent_id != self.home.pk
            and not ContentPage.objects.filter(pk=parent_id).exists()
        ):
            parent_id = self.home.pk
        if page is not None:
            # Also when nothing else changed: an earlier import may have put
            # it under the home page.
            moved = self._page_place(page, parent_id)
            if known.fingerprint == digest:
                if moved:
                    self.report.updated["pages"] += 1
                else:
                    self.report.unchanged += 1
                self._set(self.page_pks, item.wp_id, page.pk)
                return
        blocks, html, _waiting = self._blocks(item)
        created = page is None
        title = title_or_fallback(
            item.title, html, fallback=f"Sans titre ({item.wp_id})"
        )
        if created:
            page = ContentPage()
            base = (
                slug_for(unquote(item.post_name), max_length=70)
                or slug_for(title, max_length=70)
                or f"page-{item.wp_id}"
            )
            page.slug = self._unique_slug(parent_id, base)
            getattr(page, COMMENTS_RELATION_NAME).set([])
        else:
            self.changed_tags.add(f"page:{page.pk}")
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
        self._protect(page, item.password)
        self._write_revision(page, live=live, go_live_at=go_live_at)
        self._remember(WxrObject.Kind.PAGE, item.wp_id, page.pk, digest)
        self.report.created["pages"] += int(created)
        self.report.updated["pages"] += int(not created)
        if live:
            self._redirect_old_urls(page, [item.link, f"/?page_id={item.wp_id}"])
        self._set(self.page_pks, item.wp_id, page.pk)

    def _page_place(self, page, parent_id: int) -> bool:
        """Move ``page`` under ``parent_id`` if it is elsewhere (an earlier
        import put it under the home page); report a refused move. Return
        whether it moved."""
        if page.get_parent().pk == parent_id:
            return False
        refused = self._move_page(page, parent_id)
        if refused:
            parent = self._parent(parent_id)
            self.report.skip(
                page.slug,
                "page",
                f"page {page.title!r} not moved under {parent.title!r}: {refused}",
            )
        else:
            self.changed_tags.add(f"page:{page.pk}")
        return not refused
