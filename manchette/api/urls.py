"""The read API (django-ninja): ``/api/`` and its OpenAPI document ``/api/openapi.json``."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .views import router

api = NinjaAPI(
    title="Manchette — API de lecture",
    version="1.0.0",
    description=(
        "Lecture seule des contenus publiés : articles (corps en HTML nettoyé et en "
        "blocs), rubriques, sujets et auteurs. Jamais de brouillon ni d’adresse e-mail."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
api.add_router("", router)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    """Answer 400 (not 422) with a readable message for a parameter out of range."""
    messages = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "query")
        messages.append(f"{where}: {error.get('msg', '')}".strip(": "))
    return api.create_response(
        request,
        {
            "detail": _("Paramètre invalide : %(errors)s")
            % {"errors": "; ".join(messages)}
        },
        status=400,
    )


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(
        request, {"detail": _("Cette ressource n’existe pas.")}, status=404
    )


api_urls = api.urls
