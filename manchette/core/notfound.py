"""With DEBUG on, a missing page shows the site's own 404 page.

Django's debug 404 lists every URL pattern; a newcomer (or anyone reaching a
development server) should see what readers see. Other exceptions keep
Django's debug page.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render


def not_found(request, exception=None):
    """Render the site's 404 page."""
    return render(request, "404.html", status=404)


class DebugNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No URL pattern matched (Django's debug page would list them all).
        if (
            settings.DEBUG
            and response.status_code == 404
            and getattr(request, "resolver_match", None) is None
        ):
            return not_found(request)
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return not_found(request, exception)
        return None
