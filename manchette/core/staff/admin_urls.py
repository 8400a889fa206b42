"""Registers the second-factor pages under the admin (imported by core's hooks)."""

from django.urls import path
from wagtail import hooks

from . import views


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
    ]
