"""Registers the staff security pages under the admin (imported by core's hooks):
the second factor, and the administrators' list of blocked logins.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import lockouts, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path(
            "double-authentification/activer/",
            views.EnrolView.as_view(),
            name="staff_2fa_enrol",
        ),
        path(
            "double-authentification/",
            views.VerifyView.as_view(),
            name="staff_2fa_verify",
        ),
        path(
            "connexions-bloquees/",
            lockouts.LockoutsView.as_view(),
            name="staff_lockouts",
        ),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return lockouts.can_lift(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        gettext_lazy("Connexions bloquées"),
        reverse("staff_lockouts"),
        icon_name="lock",
        order=900,
    )
