"""The response side of the page cache: which responses a shared cache may keep,
for how long, and under which tags.

A response is shared (``Cache-Control: public, s-maxage=…``, tag headers)
when all of these hold; otherwise it goes out as it is, or ``private,
no-store`` when it declared tags:

- an anonymous GET or HEAD, no session or messages cookie, not under /admin/;
- it declared tags (``add_cache_tags``): Wagtail pages always do (``pages``);
  a Wagtail page also has no view restriction and is no preview;
- status 200, not streamed, no cookie set but the CSRF one (dropped), no
  ``Cache-Control`` of the view saying otherwise, no ``Vary`` on anything but
  the encoding;
- none of its tags was invalidated since the request started (``versions``).

A shared page carries no CSRF token: the form fields are emptied and the
cookie dropped; ``static/js/csrf.js`` fetches a token when a reader uses a form.
"""

import re

from django.conf import settings
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from . import versions
from .backends import SEQUENCE_HEADER
from .tags import cache_tags

STARTED_ATTRIBUTE = "pagecache_started"
# Set by the ``before_serve_page`` hook (``pages``): True for a page every
# reader may see, False for a restricted one.
PUBLIC_PAGE_ATTRIBUTE = "pagecache_public_page"
LAST_MODIFIED_ATTRIBUTE = "pagecache_last_modified"

PRIVATE = "private, no-store"
# Pages are the same for every anonymous reader and every language header
# (a page's language comes from its URL: French unprefixed, /ar/, /en/):
# only the encoding may differ.
_IGNORED_VARY = {"cookie", "accept-language"}
_SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
_TOKEN_INPUT = re.compile(
    rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")'
)
# How each cache reads its tag header: Varnish's xkey and Fastly take spaces,
# Cloudflare and Akamai commas.
_COMMA_SEPARATED = {"cache-tag", "edge-cache-tag"}


def enabled() -> bool:
    """Return True unless ``MANCHETTE_PAGE_CACHE=off`` turned shared caching off."""
    return getattr(settings, "MANCHETTE_PAGE_CACHE", True)


def cache_control() -> str:
    """Return the ``Cache-Control`` of a shared page: short for browsers, long for
    the shared cache, which is purged when the page changes.
    """
    return (
        f"public, max-age={settings.MANCHETTE_PAGE_CACHE_MAX_AGE}, "
        f"s-maxage={settings.MANCHETTE_PAGE_CACHE_S_MAXAGE}, "
        f"stale-while-revalidate={settings.MANCHETTE_PAGE_CACHE_STALE}"
    )


def tag_headers(tags: set[str]) -> dict[str, str]:
    """Return the tag header of every configured cache (``MANCHETTE_CACHE_TAG_HEADERS``)."""
    ordered = sorted(tags)
    return {
        name: (", " if name.lower() in _COMMA_SEPARATED else " ").join(ordered)
        for name in settings.MANCHETTE_CACHE_TAG_HEADERS
    }


def strip_csrf_tokens(content: bytes) -> bytes:
    """Return ``content`` with every CSRF form token emptied (``csrf.js`` fills them)."""
    return _TOKEN_INPUT.sub(rb"\1\2", content)


def _anonymous_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(_SKIPPED_PREFIXES):
        return False
    cookies = request.COOKIES
    # A session means a logged-in editor (or a reader who passed a password).
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _vary(response) -> list[str]:
    return [
        item.strip()
        for item in response.headers.get("Vary", "").split(",")
        if item.strip()
    ]


def _shareable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "is_preview", False):
        return False
    match = getattr(request, "resolver_match", None)
    # A Wagtail page only when our hook saw it and found it unrestricted
    # (Wagtail's own restriction check answers before it otherwise).
    if (
        match is not None
        and match.url_name == "wagtail_serve"
        and getattr(request, PUBLIC_PAGE_ATTRIBUTE, None) is not True
    ):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.headers.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    vary = {item.lower() for item in _vary(response)}
    return vary <= _IGNORED_VARY | {"accept-encoding"}


def _make_shared(request, response, tags: set[str]):
    # The reader's CSRF cookie and token are their own: neither is shared.
    if settings.CSRF_COOKIE_NAME in response.cookies:
        del response.cookies[settings.CSRF_COOKIE_NAME]
    if response.headers.get("Content-Type", "").startswith("text/html"):
        response.content = strip_csrf_tokens(response.content)
        if "Content-Length" in response.headers:
            response.headers["Content-Length"] = str(len(response.content))
    vary = [item for item in _vary(response) if item.lower() not in _IGNORED_VARY]
    if vary:
        response.headers["Vary"] = ", ".join(vary)
    elif "Vary" in response.headers:
        del response.headers["Vary"]
    started = getattr(request, STARTED_ATTRIBUTE)
    if versions.moved_since(tags, started):
        # Something it shows changed while it was rendered: the reader gets
        # it, no cache keeps it.
        response.headers["Cache-Control"] = PRIVATE
        return response
    # A view that set its own lifetime (an alert valid for two more minutes)
    # keeps it; every other shared response gets the site's.
    if "max-age" not in response.headers.get("Cache-Control", "").lower():
        response.headers["Cache-Control"] = cache_control()
    for name, value in tag_headers(tags).items():
        response.headers[name] = value
    response.headers[SEQUENCE_HEADER] = str(started)
    if not response.has_header("ETag"):
        set_response_etag(response)
    modified = getattr(request, LAST_MODIFIED_ATTRIBUTE, None)
    if modified is not None and not response.has_header("Last-Modified"):
        response.headers["Last-Modified"] = http_date(modified.timestamp())
    return response


class PageCacheMiddleware:
    """Mark the responses a shared cache may keep, with their tags.

    Placed above the site, session, CSRF and message middleware: the sequence
    number is read before anything reads the database, and every cookie a
    response sets is seen (and refused).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The render cache (``rendered``) needs the number too, page cache or not.
        candidate = (enabled() or settings.MANCHETTE_RENDER_CACHE) and _anonymous_read(
            request
        )
        if candidate:
            setattr(request, STARTED_ATTRIBUTE, versions.render_started())
        response = self.get_response(request)
        tags = cache_tags(request)
        if not tags:
            return response
        if candidate and enabled() and _shareable(request, response):
            return _make_shared(request, response, tags)
        if not any(
            word in response.headers.get("Cache-Control", "")
            for word in ("private", "no-store")
        ):
            # It shows shared content, but this answer is someone's own.
            response.headers["Cache-Control"] = PRIVATE
        return response
