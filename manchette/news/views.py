from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "POST"])
def newsletter_placeholder(request):
    """Tell readers plainly that newsletter sign-up is not open yet; nothing is stored."""
    return render(
        request,
        "news/newsletter_closed.html",
        {
            "message": _(
                "Les inscriptions à la newsletter ne sont pas encore ouvertes : votre adresse n’a pas été enregistrée."
            )
        },
        status=503 if request.method == "POST" else 200,
    )
