"""The moderation queue in Wagtail's admin: a snippet listing with filters, row and
bulk actions (approve, reject, spam, delete), and a menu item with the pending count.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from manchette.news.models import ArticlePage

from .models import Comment
from .selectors import comment_count_pending
from .services import comment_count_refresh, comment_counts_refresh, comment_set_status


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from readers: nobody adds one from the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action != "add"] or ["change"]
        )


register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)


def _commented_articles(request):
    return (
        ArticlePage.objects.filter(comments__isnull=False).distinct().order_by("title")
    )


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Statut"),
        choices=Comment.Status.choices,
        empty_label=_("Tous"),
        widget=forms.RadioSelect,
    )
    article = django_filters.ModelChoiceFilter(
        label=_("Article"), queryset=_commented_articles
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at"]


STATUS_ACTIONS = [
    (Comment.Status.APPROVED, "approve", _("Approuver"), "check"),
    (Comment.Status.REJECTED, "reject", _("Rejeter"), "cross"),
    (Comment.Status.SPAM, "spam", _("Indésirable"), "warning"),
]


def bulk_action_url(action: str, ids: list[int], next_url: str) -> str:
    """Return the confirmation URL of a bulk action on the comments ``ids``."""
    base = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    return f"{base}?{urlencode([*[('id', pk) for pk in ids], ('next', next_url)])}"


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return buttons
        next_url = self.request.get_full_path()
        for priority, (status, action, label, icon) in enumerate(STATUS_ACTIONS):
            if instance.status != status:
                buttons.append(
                    ListingButton(
                        label,
                        url=bulk_action_url(action, [instance.pk], next_url),
                        icon_name=icon,
                        priority=priority,
                    )
                )
        return buttons


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Commentaires")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    search_fields = ["body", "author_name"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "excerpt",
        Column("author_name", label=_("Nom")),
        Column("article", label=_("Article")),
        StatusColumn("status", label=_("Statut")),
        Column("moderation_reason", label=_("Motif")),
        DateColumn("created_at", label=_("Date")),
    ]
    # The e-mail address is deliberately absent: moderators do not need it.
    panels = [
        FieldPanel("status"),
        FieldPanel("author_name"),
        FieldPanel("author_url"),
        FieldPanel("body"),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("article")

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("list")) + "?status=pending"

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        def render_component(item, request):
            pending = comment_count_pending()
            label = f"{item.label} ({pending})" if pending else item.label
            return LinkMenuItemComponent(
                item.name,
                label,
                item.url,
                icon_name=item.icon_name,
                classname=item.classname,
                attrs={**item.attrs, "data-pending-comments": str(pending)},
            )

        return type("CommentMenuItem", (base,), {"render_component": render_component})


register_snippet(CommentViewSet)


class CommentStatusBulkAction(SnippetBulkAction):
    """Gives the selected comments one moderation status."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_status.html"
    status = None
    action_priority = 10

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", snippet
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return comment_set_status(comments=objects, status=cls.status), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d commentaire : %(status)s.",
            "%(count)d commentaires : %(status)s.",
            num_parent_objects,
        ) % {
            "count": num_parent_objects,
            "status": Comment.Status(self.status).label.lower(),
        }


@hooks.register("register_bulk_action")
class ApproveBulkAction(CommentStatusBulkAction):
    display_name = _("Approuver")
    action_type = "approve"
    aria_label = _("Approuver les commentaires sélectionnés")
    status = Comment.Status.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(CommentStatusBulkAction):
    display_name = _("Rejeter")
    action_type = "reject"
    aria_label = _("Rejeter les commentaires sélectionnés")
    status = Comment.Status.REJECTED


@hooks.register("register_bulk_action")
class SpamBulkAction(CommentStatusBulkAction):
    display_name = _("Indésirable")
    action_type = "spam"
    aria_label = _("Classer les commentaires sélectionnés comme indésirables")
    status = Comment.Status.SPAM


@hooks.register("after_edit_snippet")
def refresh_count_after_edit(request, instance):
    if isinstance(instance, Comment):
        comment_count_refresh(instance.article_id)


@hooks.register("after_delete_snippet")
def refresh_count_after_delete(request, instances):
    article_ids = {item.article_id for item in instances if isinstance(item, Comment)}
    comment_counts_refresh(article_ids)


class PendingCommentsPanel(Component):
    """The editor's dashboard: how many comments wait for moderation, with a link."""

    name = "manchette_comments"
    template_name = "comments/admin/dashboard_pending.html"
    order = 65

    def get_context_data(self, parent_context):
        return {
            "pending": comment_count_pending(),
            "url": reverse("wagtailsnippets_comments_comment:list") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm("comments.change_comment"):
        panels.append(PendingCommentsPanel())
