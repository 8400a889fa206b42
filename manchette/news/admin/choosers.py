"""The article chooser: opens on the newest articles, searchable by title, filterable
by section (listed as the page tree, subsections indented) and by publication day.

Used by "Lire aussi" blocks, related articles, the brief's items and any foreign key
to ``news.ArticlePage`` (the viewset registers its widget for those).
"""

from django import forms
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.chooser import (
    BaseChooseView,
    ChooseResultsViewMixin,
    ChooseViewMixin,
    CreationFormMixin,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ArticleFilterForm(LocaleFilterMixin, BaseFilterForm):
    q = forms.CharField(
        label=_("Titre"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Chercher dans les titres")}),
    )
    section = forms.TypedChoiceField(
        label=_("Rubrique"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    day = forms.DateField(
        label=_("Publié le"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            attrs={"type": "date", "data-chooser-modal-search-filter": True},
            format="%Y-%m-%d",
        ),
    )

    def __init__(self, *args, **kwargs):
        from manchette.news.models import SectionPage

        super().__init__(*args, **kwargs)
        # The sections in tree order, a subsection indented under its parent.
        sections = SectionPage.objects.order_by("path").only("title", "depth")
        top = min((section.depth for section in sections), default=0)
        self.fields["section"].choices = [
            ("", _("Toutes les rubriques")),
            *(
                (section.pk, "— " * (section.depth - top) + section.title)
                for section in sections
            ),
        ]

    def filter(self, objects):
        from manchette.news.models import SectionPage

        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(title__icontains=query)
            self.is_searching = True
            self.search_query = query
        section_id = self.cleaned_data.get("section")
        if section_id:
            section = SectionPage.objects.filter(pk=section_id).first()
            if section is not None:
                # The section's own articles and those of its subsections.
                objects = objects.descendant_of(section)
        day = self.cleaned_data.get("day")
        if day:
            objects = objects.filter(published_at__date=day)
        return objects


def section_tree(section_id: int | None) -> dict:
    """Return the page tree around a section for the chooser's navigation: its
    ancestor sections, itself, and its subsections (the top sections without one).
    """
    from manchette.news.models import SectionPage

    current = SectionPage.objects.filter(pk=section_id).first() if section_id else None
    if current is None:
        top = SectionPage.objects.order_by("depth").values_list("depth", flat=True)
        depth = top.first()
        children = SectionPage.objects.filter(depth=depth) if depth else []
        return {"current": None, "ancestors": [], "children": list(children)}
    return {
        "current": current,
        "ancestors": list(SectionPage.objects.ancestor_of(current).order_by("depth")),
        "children": list(SectionPage.objects.child_of(current)),
    }


class ArticleColumnsMixin:
    filter_form_class = ArticleFilterForm
    results_template_name = "news/admin/article_chooser_results.html"
    per_page = 20
    choose_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section_id = (
            self.filter_form.cleaned_data.get("section")
            if self.filter_form.is_valid()
            else None
        )
        context["tree"] = section_tree(section_id)
        context["choose_url"] = self.append_preserved_url_parameters(
            reverse(self.choose_url_name)
        )
        return context

    def get_object_list(self):
        from manchette.news.models import ArticlePage

        # Newest first; drafts (never published) after, newest draft first.
        return ArticlePage.objects.select_related("section").order_by(
            F("published_at").desc(nulls_last=True),
            F("latest_revision_created_at").desc(nulls_last=True),
            "-pk",
        )

    def apply_object_list_ordering(self, objects):
        return objects

    @property
    def columns(self):
        return [
            self.title_column,
            Column("section", label=_("Rubrique"), accessor="section"),
            DateColumn("published_at", label=_("Publié le")),
            Column(
                "live",
                label=_("Statut"),
                accessor=lambda article: (
                    _("en ligne") if article.live else _("brouillon")
                ),
            ),
        ]


class ArticleChooseView(
    ArticleColumnsMixin, ChooseViewMixin, CreationFormMixin, BaseChooseView
):
    pass


class ArticleChooseResultsView(
    ArticleColumnsMixin, ChooseResultsViewMixin, CreationFormMixin, BaseChooseView
):
    pass


class ArticleChooserViewSet(ChooserViewSet):
    model = "news.ArticlePage"
    icon = "doc-full"
    choose_one_text = _("Choisir un article")
    choose_another_text = _("Choisir un autre article")
    edit_item_text = _("Modifier l’article")
    page_title = _("Choisir un article")
    choose_view_class = ArticleChooseView
    choose_results_view_class = ArticleChooseResultsView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            choose_url_name=self.get_url_name("choose"), **kwargs
        )


article_chooser_viewset = ArticleChooserViewSet("article_chooser")
