"""Reads of breaking news and trust: correction notes, alerts, live blog updates."""

from django.db.models import QuerySet
from django.utils import timezone

from manchette.core.privacy import any_view_restriction

from ..models import ArticlePage
from ..models_live import Alert, CorrectionNote, LiveBlogPage, LiveUpdate

LIVE_ENDPOINT_SIZE = 20


def note_list_for_article(article_id: int) -> list[CorrectionNote]:
    """Return the correction and update notes of one article, newest first."""
    return list(CorrectionNote.objects.filter(article_id=article_id))


def correction_list_public() -> QuerySet:
    """Return the corrections (not the update notes) of the live public articles,
    newest first, with the article's title and address.
    """
    articles = ArticlePage.objects.live()
    if any_view_restriction():
        articles = articles.public()
    return (
        CorrectionNote.objects.filter(
            kind=CorrectionNote.Kind.CORRECTION,
            article__in=articles.values("pk"),
        )
        .select_related("article")
        .only(
            "kind",
            "noted_at",
            "text",
            "article__title",
            "article__url_path",
            "article__locale_id",
        )
        .order_by("-noted_at", "-pk")
    )


def alert_active(*, locale_id: int | None) -> Alert | None:
    """Return the newest unexpired alert of one edition (locale), or None."""
    if locale_id is None:
        return None
    return (
        Alert.objects.filter(locale_id=locale_id, expires_at__gt=timezone.now())
        .order_by("-created_at", "-pk")
        .first()
    )


def live_blog_get_public(pk: int) -> LiveBlogPage | None:
    """Return the live (published), public live blog ``pk``, or None."""
    pages = LiveBlogPage.objects.live().filter(pk=pk)
    if any_view_restriction():
        pages = pages.public()
    return pages.first()


def live_update_list(page_id: int) -> QuerySet:
    """Return a live blog's updates, pinned first, then newest first."""
    return LiveUpdate.objects.filter(page_id=page_id).order_by(
        "-pinned", "-posted_at", "-pk"
    )


def live_update_latest(page_id: int, *, limit: int = LIVE_ENDPOINT_SIZE) -> list:
    """Return a live blog's ``limit`` newest updates (pinned or not), newest first."""
    return list(
        LiveUpdate.objects.filter(page_id=page_id).order_by("-posted_at", "-pk")[:limit]
    )


def live_blog_ids_live() -> set[int]:
    """Return the ids of the published live blogs whose coverage is live (few)."""
    return set(
        LiveBlogPage.objects.filter(
            live=True, status=LiveBlogPage.Status.LIVE
        ).values_list("pk", flat=True)
    )
