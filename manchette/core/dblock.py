"""A database that stays locked answers 503 with Retry-After, not 500.

SQLite runs with WAL and a 5 s busy timeout (settings); when another writer
holds the lock longer than that, the request cannot be served now but can be
retried: say so, in the reader's language.
"""

from django.db import OperationalError
from django.shortcuts import render
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5


def database_locked(exception) -> bool:
    """True for SQLite's "database is locked" / "database table is locked"."""
    return isinstance(exception, OperationalError) and "is locked" in str(exception)


class DatabaseLockedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_locked(exception):
            return None
        response = render(
            request,
            "core/busy.html",
            {
                "title": _("Site momentanément occupé"),
                "message": _(
                    "Le site est très sollicité en ce moment et n’a pas pu enregistrer "
                    "votre demande. Rien n’a été changé : réessayez dans quelques "
                    "secondes."
                ),
            },
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
