"""The newsletter in Wagtail's admin: subscribers (search, CSV export) and issues."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from . import admin_views, dashboard
from .models import BriefIssue, Subscriber


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = gettext_lazy("Abonnés")
    url_prefix = "newsletter/subscribers"
    name = "newsletter_subscriber"
    form_fields = ["email", "status"]
    list_display = [
        "email",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "hard_bounces",
    ]
    list_filter = ["status"]
    list_export = [
        "email",
        "status",
        "created_at",
        "consent_at",
        "confirmed_at",
        "unsubscribed_at",
        "hard_bounces",
    ]
    export_filename = "abonnes-newsletter"
    search_fields = ["email"]
    search_backend_name = None
    copy_view_enabled = False
    ordering = ["-created_at"]


class IssueIndexView(generic.IndexView):
    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Composer un numéro"),
                url=reverse("newsletter_issue_compose"),
                icon_name="plus",
            )
        ]

    def get_list_buttons(self, instance):
        return [
            ListingButton(
                _("Aperçu et envoi"),
                url=reverse("newsletter_issue_preview", args=[instance.pk]),
                icon_name="view",
            ),
            *super().get_list_buttons(instance),
        ]


class IssueEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        issue = BriefIssue.objects.filter(pk=kwargs.get("pk")).first()
        if issue is not None and not issue.is_editable:
            messages.error(
                request,
                _("Ce numéro est parti ou vide : il ne peut plus être modifié."),
            )
            return redirect("newsletter_issue_preview", pk=issue.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("newsletter_issue_preview", args=[self.object.pk])


class IssueCreateView(generic.CreateView):
    """Issues are composed from the articles, never typed in: go to the compose page."""

    def dispatch(self, request, *args, **kwargs):
        return redirect("newsletter_issue_compose")


class BriefIssueViewSet(ModelViewSet):
    model = BriefIssue
    icon = "mail"
    menu_label = gettext_lazy("Numéros du brief")
    url_prefix = "newsletter/issues"
    name = "newsletter_issue"
    index_view_class = IssueIndexView
    edit_view_class = IssueEditView
    add_view_class = IssueCreateView
    list_display = [
        "__str__",
        Column("language", label=gettext_lazy("édition"), accessor="language_name"),
        "status",
        Column("sent", label=gettext_lazy("envoyés"), accessor="progress_sent"),
        Column("failed", label=gettext_lazy("échecs"), accessor="progress_failed"),
        Column("total", label=gettext_lazy("total"), accessor="progress_total"),
    ]
    list_filter = ["status", "language"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_queryset(self, request):
        return BriefIssue.objects.with_progress()


class NewsletterGroup(ViewSetGroup):
    menu_label = gettext_lazy("Newsletter")
    menu_icon = "mail"
    menu_order = 250
    items = (BriefIssueViewSet, SubscriberViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NewsletterGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "newsletter/compose/",
            admin_views.ComposeView.as_view(),
            name="newsletter_issue_compose",
        ),
        path(
            "newsletter/issue/<int:pk>/",
            admin_views.PreviewView.as_view(),
            name="newsletter_issue_preview",
        ),
        path(
            "newsletter/issue/<int:pk>/test/",
            admin_views.SendTestView.as_view(),
            name="newsletter_issue_send_test",
        ),
        path(
            "newsletter/issue/<int:pk>/send/",
            admin_views.SendNowView.as_view(),
            name="newsletter_issue_send_now",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_brief_status_panel(request, panels):
    dashboard.add_brief_panel(request, panels)


from . import admin_audience  # noqa: E402, F401
