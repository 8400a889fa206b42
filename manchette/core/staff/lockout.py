"""The answer to a locked-out login: the same whether or not the account exists."""

from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    response = render(
        request,
        "core/busy.html",
        {
            "title": _("Connexion bloquée"),
            "message": _(
                "Trop de tentatives de connexion ont échoué. Les connexions sont "
                "suspendues pour un moment ; un administrateur peut les rétablir."
            ),
        },
        status=429,
    )
    response["Cache-Control"] = "no-store"
    return response
