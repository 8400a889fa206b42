"""The comments of WordPress posts, written through the comments app."""

from dataclasses import dataclass

from manchette.comments.models import Comment
from manchette.comments.services import comment_import

from ..wxr import WxrItemError, WxrPost
from .text import comment_text

COMMENT_STATUSES = {
    "1": "approved",
    "approve": "approved",
    "0": "pending",
    "hold": "pending",
    "spam": "spam",
}


@dataclass(eq=False)
class PendingComments:
    """The comments of a new article, written at the next flush (threads kept)."""

    article_id: int
    rows: dict


class CommentsMixin:
    """Comments of posts: read, then written by ``comments.services.comment_import``."""

    def _skip_comments(self, item: WxrPost, reason: str) -> None:
        for comment in item.comments:
            self.report.skip(comment.wp_id, "comment", reason)

    def _comment_rows(self, item: WxrPost) -> dict:
        """Return ``{wp_id: (Comment, parent source id)}`` for the comments to import.

        Trashed comments are reported and left out; a comment with an unreadable
        date makes the whole item fail (nothing of it is kept).
        """
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
            parent = "" if raw.parent in {"", "0"} else (prefix + raw.parent)[:200]
            rows[raw.wp_id] = (
                Comment(
                    author_name=(raw.author or "Anonyme")[:100],
                    author_email=raw.email[:254],
                    author_url=url if len(url) <= 300 else "",
                    body=comment_text(raw.content) or "…",
                    status=status,
                    created_at=created_at,
                    source_id=(prefix + raw.wp_id)[:200],
                ),
                parent,
            )
        return rows

    def _comments(self, rows: dict, article, *, created: bool) -> None:
        """Write the comments of a post: a new article's go in with the next
        flush (its count is already set); an updated article's are written now,
        new ones created and changed ones updated."""
        if not rows:
            return
        if created:
            self._buffer(PendingComments(article_id=article.pk, rows=rows))
            self.report.created["comments"] += len(rows)
            return
        new, changed = comment_import(threads={article.pk: list(rows.values())})
        self.report.created["comments"] += new
        self.report.updated["comments"] += changed

    def _flush_comments(self, by_type: dict) -> None:
        """Insert the comments of the new articles, one insert per thread level
        for all of them."""
        pending = by_type[PendingComments]
        if pending:
            comment_import(
                threads={
                    entry.article_id: list(entry.rows.values()) for entry in pending
                },
                count_refresh=False,
            )
