"""The audience report in Wagtail's admin ("Audience"): reads counted by the
beacon, with no cookie and nothing about the reader.

Top 20 of the last hour, 24 hours and 7 days, reads per section, reads per day
as an SVG chart drawn here (no script), reads per article per day as CSV.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .audience import (
    reads_per_article_per_day,
    reads_per_day,
    reads_per_section,
    titled,
    top_read_ids,
)

PERMISSION = "newsletter.view_articlereadcount"
CHART_WIDTH = 720
CHART_HEIGHT = 200
CHART_DAYS = 30
MAX_EXPORT_DAYS = 400


def chart_bars(
    series: list[tuple], *, width: int = CHART_WIDTH, height: int = CHART_HEIGHT
):
    """Return the bars of an SVG bar chart of ``(label, value)`` pairs: each with
    ``x``, ``y``, ``width``, ``height`` (in the ``width`` × ``height`` box, the
    tallest bar filling it), ``label`` and ``value``.
    """
    if not series:
        return []
    top = max(value for _, value in series) or 1
    step = width / len(series)
    bars = []
    for index, (label, value) in enumerate(series):
        bar_height = round(value / top * height, 1)
        bars.append(
            {
                "x": round(index * step + step * 0.1, 1),
                "y": round(height - bar_height, 1),
                "width": round(step * 0.8, 1),
                "height": bar_height,
                "label": label,
                "value": value,
            }
        )
    return bars


class AudienceView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Audience")
    header_icon = "view"
    template_name = "newsletter/admin/audience.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv(request)
        return super().get(request, *args, **kwargs)

    def csv(self, request):
        value = request.GET.get("days", "30")
        days = int(value) if value.isdigit() else 30
        days = min(max(days, 1), MAX_EXPORT_DAYS)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audience.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [_("jour"), _("article"), _("titre"), _("rubrique"), _("lectures")]
        )
        for day, article_id, title, section, reads in reads_per_article_per_day(
            days=days
        ):
            writer.writerow([day.isoformat(), article_id, title, section or "", reads])
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        per_day = reads_per_day(days=CHART_DAYS)
        context.update(
            tops=[
                (_("Dernière heure"), titled(top_read_ids(period="hour"))),
                (_("24 dernières heures"), titled(top_read_ids(period="day"))),
                (_("7 derniers jours"), titled(top_read_ids(period="week"))),
            ],
            sections=reads_per_section(days=7),
            bars=chart_bars(per_day),
            chart_width=CHART_WIDTH,
            chart_height=CHART_HEIGHT,
            total=sum(reads for _, reads in per_day),
            csv_url=reverse("newsletter_audience") + "?format=csv&days=30",
        )
        return context


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("audience/", AudienceView.as_view(), name="newsletter_audience"),
    ]


class AudienceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return AudienceMenuItem(
        _("Audience"), reverse("newsletter_audience"), icon_name="view", order=50
    )
