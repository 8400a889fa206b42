"""Admin pages of the brief: compose, preview (with progress), test send, send now."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from manchette.core.editions import edition_choices, is_edition

from . import selectors, services, tasks
from .emails import TOKEN_PLACEHOLDER
from .models import BriefIssue, Delivery

PERMISSION = "newsletter.change_briefissue"


class PermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ComposeForm(forms.Form):
    day = forms.DateField(
        label=gettext_lazy("Jour du numéro"),
        # ISO: the only format a browser's date input shows.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    # Each edition has its own brief, composed from its articles and sent to the
    # readers who chose its language.
    language = forms.ChoiceField(label=gettext_lazy("Édition"), choices=edition_choices)


class BriefBreadcrumbsMixin:
    """Home › Numéros du brief › this page, instead of a lone "Home"."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("newsletter_issue:index"),
                "label": BriefIssue._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ComposeView(
    PermissionMixin, BriefBreadcrumbsMixin, WagtailAdminTemplateMixin, FormView
):
    page_title = gettext_lazy("Composer un numéro du brief")
    header_icon = "mail"
    template_name = "newsletter/admin/compose.html"
    form_class = ComposeForm

    def language(self) -> str:
        """The edition asked for (``?language=ar``), else the site's language."""
        language = self.request.GET.get("language")
        return language if is_edition(language) else settings.LANGUAGE_CODE

    def get_initial(self):
        return {"day": services.brief_today(), "language": self.language()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # What today's issue of the edition would hold, with each article's own
        # reading time (in its language's rate).
        language = self.language()
        with translation.override(language):
            plan = services.brief_plan(day=services.brief_today(), language=language)
        context["plan"] = plan
        context["editions"] = [
            (code, name, code == language) for code, name in edition_choices()
        ]
        return context

    def form_valid(self, form):
        day = form.cleaned_data["day"]
        issue = services.brief_compose(day=day, language=form.cleaned_data["language"])
        if issue.status == BriefIssue.Status.EMPTY:
            messages.warning(
                self.request,
                _(
                    "Aucun article publié depuis le numéro précédent : pas de numéro le %(day)s."
                )
                % {"day": day.strftime("%d/%m/%Y")},
            )
        return redirect("newsletter_issue_preview", pk=issue.pk)


class PreviewView(
    PermissionMixin, BriefBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView
):
    header_icon = "mail"
    template_name = "newsletter/admin/preview.html"

    def get_page_title(self):
        return str(self.issue)

    def dispatch(self, request, *args, pk, **kwargs):
        self.issue = get_object_or_404(BriefIssue, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.issue
        context["issue"] = issue
        context["progress"] = issue.progress()
        context["failures"] = (
            issue.deliveries.filter(status=Delivery.Status.FAILED)
            .select_related("subscriber")
            .order_by("-pk")[:50]
        )
        context["edit_url"] = reverse("newsletter_issue:edit", args=[issue.pk])
        context["index_url"] = reverse("newsletter_issue:index")
        if issue.status != BriefIssue.Status.EMPTY:
            context["articles"] = selectors.brief_articles(issue)
            rendered = services.brief_render_issue(issue)
            # Each reader gets their own token; the preview shows a stand-in.
            rendered.text = rendered.text.replace(TOKEN_PLACEHOLDER, "exemple")
            rendered.html = rendered.html.replace(TOKEN_PLACEHOLDER, "exemple")
            context["rendered"] = rendered
        return context


class SendTestView(PermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        issue = get_object_or_404(BriefIssue, pk=pk)
        if not request.user.email:
            messages.error(request, _("Votre compte n’a pas d’adresse e-mail."))
        elif issue.status == BriefIssue.Status.EMPTY:
            messages.error(request, _("Ce numéro est vide."))
        else:
            services.brief_send_test(issue=issue, email=request.user.email)
            messages.success(request, _("Numéro de test envoyé à votre adresse."))
        return redirect("newsletter_issue_preview", pk=issue.pk)


class SendNowView(PermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        issue = get_object_or_404(BriefIssue, pk=pk)
        if issue.status != BriefIssue.Status.DRAFT:
            messages.error(request, _("Ce numéro n’est pas prêt à partir."))
        elif not issue.items.exists():
            messages.error(request, _("Ce numéro n’a aucun article."))
        else:
            services.brief_start(issue=issue)
            tasks.brief_deliver.enqueue(issue.pk)
            messages.success(request, _("Envoi lancé."))
        return redirect("newsletter_issue_preview", pk=issue.pk)
