"""The editor's dashboard panel for the day's brief: composed? sent? when?"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import services
from .admin_views import PERMISSION
from .models import BriefIssue


class BriefStatusPanel(Component):
    name = "manchette_brief"
    template_name = "newsletter/admin/dashboard_brief.html"
    order = 70

    def get_context_data(self, parent_context):
        tz = ZoneInfo(settings.MANCHETTE_BRIEF_TIME_ZONE)
        day = timezone.now().astimezone(tz).date()
        issue = BriefIssue.objects.filter(day=day).first()
        return {
            "day": day,
            "issue": issue,
            "progress": issue.progress() if issue else None,
            "send_time": services.brief_send_time(day),
        }


def add_brief_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(BriefStatusPanel())
