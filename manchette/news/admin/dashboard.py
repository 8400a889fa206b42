"""Dashboard panels that answer "what do I do now?": the author's own articles and
the editor's day. Other apps add theirs (comments waiting, the brief's status)
through the same ``construct_homepage_panels`` hook.
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState
from wagtail.permissions import page_permission_policy

PANEL_LIMIT = 10


def today_bounds(now: datetime | None = None) -> tuple[datetime, datetime]:
    """Return the start of today and of tomorrow in the site's time zone."""
    today = timezone.localdate(now or timezone.now())
    start = timezone.make_aware(datetime.combine(today, time.min))
    return start, start + timedelta(days=1)


def is_editor(user) -> bool:
    """True for a user who may publish pages (an editor, or an administrator)."""
    return page_permission_policy.user_has_permission(user, "publish")


def _in_review_ids():
    """Return the ids of pages with a workflow in progress, as a subquery."""
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def article_list_mine(user):
    """Return the articles ``user`` signs (through their author page) or created."""
    from manchette.news.models import ArticlePage

    return ArticlePage.objects.filter(
        Q(owner=user) | Q(article_authors__author__user=user)
    ).distinct()


def article_list_my_drafts(user):
    return (
        article_list_mine(user)
        .filter(live=False)
        .exclude(pk__in=_in_review_ids())
        .order_by("-latest_revision_created_at")[:PANEL_LIMIT]
    )


def article_list_my_in_review(user):
    return (
        article_list_mine(user)
        .filter(pk__in=_in_review_ids())
        .order_by("-latest_revision_created_at")[:PANEL_LIMIT]
    )


def article_list_my_published_today(user, *, now=None):
    start, end = today_bounds(now)
    return (
        article_list_mine(user)
        .filter(live=True, last_published_at__gte=start, last_published_at__lt=end)
        .order_by("-last_published_at")[:PANEL_LIMIT]
    )


def article_list_published_since(hours: int = 24, *, now=None):
    from manchette.news.models import ArticlePage

    since = (now or timezone.now()) - timedelta(hours=hours)
    return (
        ArticlePage.objects.live()
        .filter(last_published_at__gte=since)
        .select_related("section")
        .order_by("-last_published_at")[:PANEL_LIMIT]
    )


def revision_list_scheduled_today(*, now=None):
    """Return today's scheduled publications (approved revisions with a go-live time)."""
    start, end = today_bounds(now)
    return (
        Revision.page_revisions.filter(
            approved_go_live_at__gte=start, approved_go_live_at__lt=end
        )
        .select_related("user")
        .order_by("approved_go_live_at")[:PANEL_LIMIT]
    )


class AuthorPanel(Component):
    """My drafts, my articles awaiting review, my articles published today."""

    name = "manchette_author"
    template_name = "news/admin/dashboard_author.html"
    order = 50

    def get_context_data(self, parent_context):
        from manchette.news.models import SectionPage

        user = parent_context["request"].user
        return {
            # "Write in: Politique · Économie…", one click to a new article.
            "sections": list(SectionPage.objects.order_by("path").only("title")),
            "drafts": list(article_list_my_drafts(user)),
            "in_review": list(article_list_my_in_review(user)),
            "published_today": list(article_list_my_published_today(user)),
        }


class EditorPanel(Component):
    """Scheduled today and published in the last 24 hours (awaiting review is
    Wagtail's own panel, with its approve buttons, just below).
    """

    name = "manchette_editor"
    template_name = "news/admin/dashboard_editor.html"
    order = 60

    def get_context_data(self, parent_context):
        return {
            "scheduled": [
                (revision, revision.as_object())
                for revision in revision_list_scheduled_today()
            ],
            "published": list(article_list_published_since(24)),
        }


def homepage_panels(request, panels):
    """Put the author's panel first, then the editor's for those who publish."""
    panels.insert(0, AuthorPanel())
    if is_editor(request.user):
        panels.insert(1, EditorPanel())
