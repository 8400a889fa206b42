"""WordPress posts become articles; what posts and pages share: status,
body, password."""

import json
from urllib.parse import unquote

from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from manchette.core.text import plain_text, sentences, slug_for
from manchette.news.bodies import html_to_blocks
from manchette.news.models import ArticlePage, ArticlePageAuthor
from manchette.news.services import article_for_url

from ..models import WxrObject
from ..wordpress import wp_content_to_html
from ..wxr import WxrItemError, WxrPost, parse_wp_date
from .media import HREF
from .text import blocks_reading_minutes, fingerprint, summary_from, title_or_fallback


class PostsMixin:
    """Articles from posts, and the status, body and password of any item."""

    def _status(self, item: WxrPost):
        """Return (live, first_published_at, go_live_at) for an item's status.

        A password-protected item is public in WordPress (its URL shows a
        password form): its status decides, and ``_protect`` adds the password.
        """
        date = self._date(item.post_date, item.post_date_gmt)
        if item.status == "publish":
            return True, date or timezone.now(), None
        if item.status == "future":
            if date is None:
                raise WxrItemError("scheduled post without a date")
            return False, None, date
        return False, None, None

    def _protect(self, page, password: str) -> None:
        """Put ``page`` behind Wagtail's password form with the item's own
        password, as WordPress shows a password-protected post."""
        if not password:
            return
        password = password[:255]
        restriction = PageViewRestriction.objects.filter(
            page_id=page.pk, restriction_type=PageViewRestriction.PASSWORD
        ).first()
        if restriction is None:
            PageViewRestriction.objects.create(
                page_id=page.pk,
                restriction_type=PageViewRestriction.PASSWORD,
                password=password,
            )
        elif restriction.password != password:
            restriction.password = password
            restriction.save(update_fields=["password"])

    def _date(self, local: str, gmt: str = ""):
        return parse_wp_date(local, gmt=gmt, tz=self.tz)

    def _resolve_article(self, href: str) -> int | None:
        path = self._old_path(href)
        wp_id = self.post_urls.get(path) if path else None
        if wp_id is None:
            article = article_for_url(href)
            return article.pk if article else None
        return self.post_pks.get(wp_id)

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
                    block["value"] = HREF.sub(self._document_link, block["value"])
        return blocks, html, waiting

    def post(self, item: WxrPost) -> None:
        """Import one post (article) with its comments, in its own savepoint."""
        live, published_at, go_live_at = self._status(item)
        modified = self._date(item.post_modified, item.post_modified_gmt)
        category_slugs = []
        for term in item.categories:
            if term.kind != "category":
                continue
            slug = unquote(term.slug or "").lower() or slug_for(term.name)
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
        digest = fingerprint(
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
            # Only when set: the records of earlier imports stay valid.
            *([item.password] if item.password else []),
        )
        known = self.known.get((WxrObject.Kind.POST, item.wp_id))
        article_id = None
        if known is not None and known.object_id in self.article_pks:
            article_id = known.object_id
        elif item.guid and item.guid[:500] in self.by_guid:
            article_id = self.by_guid[item.guid[:500]]
        if article_id is not None and known is not None and known.fingerprint == digest:
            # Nothing changed since the last import: no write at all.
            self.report.unchanged += 1
            self._set(self.post_pks, item.wp_id, article_id)
            return
        blocks, html, waiting = self._blocks(item)
        comments = self._comment_rows(item)
        created = article_id is None
        title = title_or_fallback(
            item.title, html, fallback=f"Sans titre ({item.wp_id})"
        )
        if created:
            article = ArticlePage(section_id=section_id)
            base = (
                slug_for(unquote(item.post_name), max_length=70)
                or slug_for(title, max_length=70)
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
            self.changed_tags.add(f"article:{article.pk}")
        article.title = article.draft_title = title
        summary = plain_text(item.excerpt)
        parts = sentences(summary)
        if len(parts) > 3:
            summary = " ".join(parts[:3])
        derived = not summary
        if derived:
            # A protected text is not given away in the summary.
            text = "" if item.password else plain_text(html)
            summary = summary_from(text) or article.title
            self.report.summaries_derived.append(item.wp_id)
        article.summary = summary
        article.body = json.dumps(blocks)
        article.reading_minutes = blocks_reading_minutes(blocks)
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
        self._protect(article, item.password)
        self._write_revision(article, live=live, go_live_at=go_live_at)
        obj = self._remember(WxrObject.Kind.POST, item.wp_id, article.pk, digest)
        if obj.summary_derived != derived:
            obj.summary_derived = derived
            if obj.pk is not None:
                WxrObject.objects.filter(pk=obj.pk).update(summary_derived=derived)
        self.report.created["articles"] += int(created)
        self.report.updated["articles"] += int(not created)
        self.changed_tags.add(f"section:{section_id}")
        self.changed_tags.update(
            f"tag:{self.tag_objects[name].pk}" for name in tag_names
        )
        if live:
            self._redirect_old_urls(
                article,
                [item.link, f"/?p={item.wp_id}", self._date_permalink(item)],
            )
        self._comments(comments, article, created=created)
        self._set(self.post_pks, item.wp_id, article.pk)
        self.article_pks.add(article.pk)
        if waiting:
            self.deferred[item.wp_id] = item

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
