"""The administrators' list of blocked staff logins, with a button to lift each.

django-axes records failed logins as ``AccessAttempt`` rows; a row whose
failures reached ``AXES_FAILURE_LIMIT`` is a lock-out until it cools off.
Lifting one deletes its row through axes' own ``reset``, which is what the
``axes_reset_*`` commands do from the command line.
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def can_lift(user) -> bool:
    return user.is_active and user.is_superuser


def lockouts():
    """The attempts that block a login now, newest first."""
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).order_by("-attempt_time")


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Connexions bloquées")
    header_icon = "lock"
    template_name = "staff/lockouts.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_lift(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "lockouts": lockouts()}

    def post(self, request, *args, **kwargs):
        pk = request.POST.get("attempt", "")
        attempt = get_object_or_404(lockouts(), pk=pk if pk.isdigit() else 0)
        reset(ip=attempt.ip_address, username=attempt.username)
        messages.success(
            request,
            _("Connexion rétablie pour « %(who)s ».")
            % {"who": attempt.username or attempt.ip_address},
        )
        return redirect("staff_lockouts")
