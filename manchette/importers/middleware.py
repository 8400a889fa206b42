"""Keeps WordPress's query-string permalinks (``/?p=123``) working after an import."""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# WordPress's "plain" permalinks: a post, a page, a category, a tag.
QUERY_KEYS = ("p", "page_id", "cat", "tag", "attachment_id")


class WordPressRedirectMiddleware:
    """Redirect ``/?p=ID`` and its kin to the imported page.

    Wagtail's ``RedirectMiddleware`` only looks at 404 responses, and ``/`` is the
    home page (200) whatever its query string, so these old links would never be
    redirected. Only requests for ``/`` carrying one of WordPress's keys are
    looked at; other query parameters (``utm_source``…) are ignored for the
    lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in {"GET", "HEAD"} and request.GET:
            for key in QUERY_KEYS:
                value = request.GET.get(key)
                if value and len(value) <= 200:
                    redirect = get_redirect(
                        request, Redirect.normalise_path(f"/?{key}={value}")
                    )
                    if redirect is not None and redirect.link:
                        response_class = (
                            HttpResponsePermanentRedirect
                            if redirect.is_permanent
                            else HttpResponseRedirect
                        )
                        return response_class(redirect.link)
                    break
        return self.get_response(request)
