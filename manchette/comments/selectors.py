"""Reads of comments, each in a fixed number of queries."""

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from manchette.core.pagecache.fragments import fragment
from manchette.news.models import ArticlePage

from .models import Comment, CommentSettings

# What a published comment shows; the e-mail address is never even read.
PUBLIC_FIELDS = ("id", "parent_id", "author_name", "author_url", "body", "created_at")


def comment_settings_for_site(site) -> CommentSettings:
    """Return the comment rules of ``site`` from the fragment cache (renewed with
    the ``site`` tag, which ``signals.py`` invalidates when they change): every
    article page needs them, and Wagtail's ``for_site`` runs a ``get_or_create``.
    """
    return fragment(
        f"comments:settings:{site.pk}", ["site"], lambda: CommentSettings.for_site(site)
    )


def comment_list_approved(article: ArticlePage) -> QuerySet:
    """Return the approved comments of ``article``, oldest first, public fields only."""
    return (
        Comment.objects.filter(article_id=article.pk, status=Comment.Status.APPROVED)
        .only(*PUBLIC_FIELDS)
        .order_by("created_at", "pk")
    )


def comment_threads(article: ArticlePage) -> list[Comment]:
    """Return the approved top-level comments of ``article``, oldest first, each with
    ``reply_list`` (its approved replies, oldest first), in one query.

    A reply whose parent is not shown (rejected later) is shown as a top-level
    comment rather than hidden.
    """
    comments = list(comment_list_approved(article))
    by_id = {comment.pk: comment for comment in comments}
    threads = []
    for comment in comments:
        comment.reply_list = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        if parent is not None and parent.parent_id is None:
            parent.reply_list.append(comment)
        else:
            threads.append(comment)
    return threads


def comments_close_at(
    article: ArticlePage, settings: CommentSettings
) -> datetime | None:
    """Return when the comments of ``article`` close automatically, or None."""
    if not settings.close_after_days:
        return None
    return article.published_at + timedelta(days=settings.close_after_days)


def comments_are_open(
    article: ArticlePage, settings: CommentSettings, *, now: datetime | None = None
) -> bool:
    """Return True when readers may comment ``article`` now: the article allows it
    and its automatic closing date has not passed.
    """
    if not article.comments_open:
        return False
    close_at = comments_close_at(article, settings)
    return close_at is None or (now or timezone.now()) < close_at


def comment_list_pending_unnotified() -> QuerySet:
    """Return the pending comments editors have not been told about yet."""
    return Comment.objects.filter(
        status=Comment.Status.PENDING, notified_at__isnull=True
    )


def comment_count_pending() -> int:
    """Return the number of comments awaiting moderation."""
    return Comment.objects.filter(status=Comment.Status.PENDING).count()
