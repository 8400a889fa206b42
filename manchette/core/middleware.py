"""Django's level of the page cache, and the cache headers the proxy and CDNs obey."""

import hashlib
import time

from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.crypto import get_random_string
from django.utils.http import http_date

from . import cache as page_cache

# Pages are the same for every anonymous reader and every language header
# (a page's language comes from its URL: French unprefixed, /ar/, /en/);
# only the encoding may differ.
_IGNORED_VARY = {"cookie", "accept-language"}
_SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")


def mark_cacheable(request, *, last_modified=None) -> None:
    """Mark ``request`` as asking for a public page that every anonymous reader shares.

    Wagtail pages are marked by the ``before_serve_page`` hook of ``core``; views
    of other apps (feeds, sitemaps) call this, or use ``public_page``.
    """
    request.page_cache_public = True
    request.page_cache_last_modified = last_modified


def public_page(view):
    """Decorate a view whose GET response is the same for every anonymous reader."""

    def wrapper(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _is_candidate(request) -> bool:
    """Return True for an anonymous GET or HEAD that may be answered from the cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(_SKIPPED_PREFIXES):
        return False
    cookies = request.COOKIES
    # A session means a logged-in editor (or a reader with a pending message).
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_control() -> str:
    return (
        f"public, max-age={settings.MANCHETTE_PAGE_CACHE_MAX_AGE}, "
        f"s-maxage={settings.MANCHETTE_PAGE_CACHE_S_MAXAGE}, "
        f"stale-while-revalidate={settings.MANCHETTE_PAGE_CACHE_STALE}"
    )


def page_file_headers() -> dict[str, str]:
    """Return the headers nginx adds to a page it serves from its file, besides
    the ones it makes itself (type, length, dates, ``ETag``).

    They are the app's own for a public page, from the same settings; a page
    whose response has any other header, or another value, is not written as
    a file (``file_headers_match``), so a file never answers differently.
    """
    return {**_page_headers(), **_security_headers()}


def _page_headers() -> dict[str, str]:
    """Return the headers a public page has when the page cache sees it."""
    headers = {"Cache-Control": cache_control()}
    if "django.middleware.clickjacking.XFrameOptionsMiddleware" in settings.MIDDLEWARE:
        headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE:
        headers["Content-Language"] = settings.LANGUAGE_CODE
    # Public pages use no nonce, so their policy is the settings' one.
    if "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE:
        headers["Content-Security-Policy"] = build_policy()
    if "manchette.core.security.PermissionsPolicyMiddleware" in settings.MIDDLEWARE:
        headers["Permissions-Policy"] = settings.MANCHETTE_PERMISSIONS_POLICY
    return headers


def _security_headers() -> dict[str, str]:
    """Return the headers SecurityMiddleware, above the page cache, adds to every
    response over plain HTTP (nginx talks to the app over it).
    """
    headers = {}
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        policy = settings.SECURE_REFERRER_POLICY
        if not isinstance(policy, str):
            policy = ",".join(policy)
        headers["Referrer-Policy"] = policy
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = (
            settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
        )
    return headers


# Headers nginx writes itself for a file, or that never reach a reader.
_FILE_OWN_HEADERS = {
    "content-length",
    "etag",
    "last-modified",
    "date",
    "server",
    "x-page-cache",
    "x-accel-expires",
    "set-cookie",
}


def file_headers_match(headers) -> bool:
    """Return True if a page with these response headers (as the page cache sees
    them, before SecurityMiddleware adds its own) can be served from a file.
    """
    own = {
        name.lower(): value
        for name, value in headers
        if name.lower() not in _FILE_OWN_HEADERS
    }
    if own.pop("content-type", "") != "text/html; charset=utf-8":
        return False
    if own.pop("vary", "accept-encoding").lower() != "accept-encoding":
        return False
    return own == {name.lower(): value for name, value in _page_headers().items()}


def _answered(request, response, state: str):
    """Return ``response`` marked "hit" or "miss", or a 304 when the reader's copy
    (``If-None-Match``) is still the same.
    """
    response.headers["X-Page-Cache"] = state
    return (
        get_conditional_response(
            request,
            etag=response.headers["ETag"],
            last_modified=None,
            response=response,
        )
        or response
    )


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD of public pages from Django's cache, and store them.

    Placed above the session, CSRF and message middleware, so that a hit runs none
    of them and that it sees (and can refuse) every cookie a response sets. A
    stored page carries no CSRF token: ``static/js/csrf.js`` fills the forms.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.enabled() or not _is_candidate(request):
            return self.get_response(request)
        started = time.time()
        path, query = request.path, request.META.get("QUERY_STRING", "")
        cache = page_cache.page_cache()
        purged = page_cache.purged_key(path)
        if query:
            found = cache.get_many([page_cache.version_key(path), purged])
            version = found.get(page_cache.version_key(path))
            stored = (
                cache.get(page_cache.page_key(path, query, version))
                if version
                else None
            )
        else:
            key = page_cache.page_key(path)
            found = cache.get_many([key, purged])
            stored = found.get(key)
        # While an editor's change to this page is being committed, the stored
        # copy may already be stale: render it instead.
        if stored is not None and found.get(purged, 0) <= started:
            return self._hit(request, stored, path, query, started)
        rendering = False
        if not query and _wants_file(request):
            # Right after a purge, every reader of the page reaches the app at
            # once: one renders it, the others wait for its copy.
            rendering, stored = _render_or_wait(path, started)
            if stored is not None:
                return self._hit(request, stored, path, query, started)
        try:
            response = self.get_response(request)
            if not self._storable(request, response):
                return response
            return self._store(request, response, path, query, started)
        finally:
            if rendering:
                cache.delete(page_cache.render_key(path))

    def _hit(self, request, stored, path, query, started):
        response = self._from_cache(request, stored)
        if not query and _wants_file(request):
            _write_file(response, path, stored[0], stored[1], started)
        return response

    def _from_cache(self, request, stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        return _answered(request, response, "hit")

    def _storable(self, request, response) -> bool:
        if not getattr(request, "page_cache_public", False):
            return False
        if response.status_code != 200 or response.streaming:
            return False
        control = response.headers.get("Cache-Control", "")
        if any(word in control for word in ("private", "no-cache", "no-store")):
            return False
        other_cookies = set(response.cookies) - {settings.CSRF_COOKIE_NAME}
        if other_cookies:
            return False
        vary = {
            item.strip().lower()
            for item in response.headers.get("Vary", "").split(",")
            if item.strip()
        }
        return vary <= _IGNORED_VARY | {"accept-encoding"}

    def _store(self, request, response, path, query, started):
        cache = page_cache.page_cache()
        # The reader's CSRF cookie and token are per visitor: neither is stored.
        if settings.CSRF_COOKIE_NAME in response.cookies:
            del response.cookies[settings.CSRF_COOKIE_NAME]
        response.content = page_cache.strip_csrf_tokens(response.content)
        if "Content-Length" in response.headers:
            response.headers["Content-Length"] = str(len(response.content))
        vary = [
            item.strip()
            for item in response.headers.get("Vary", "").split(",")
            if item.strip() and item.strip().lower() not in _IGNORED_VARY
        ]
        if vary:
            response.headers["Vary"] = ", ".join(vary)
        elif "Vary" in response.headers:
            del response.headers["Vary"]
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response.headers["ETag"] = f'"{digest}"'
        modified = getattr(request, "page_cache_last_modified", None)
        response.headers["Last-Modified"] = http_date(
            modified.timestamp() if modified else started
        )

        def purged_since_start() -> bool:
            return page_cache.purged_since(path, started)

        response.headers["Cache-Control"] = cache_control()
        key = None
        headers = None
        if request.method == "GET" and not purged_since_start():
            # Recording the links may wait for an editor's transaction to
            # commit; the purge check below comes after it.
            _record_links(path, response.content)
            version = ""
            if query:
                version = cache.get(page_cache.version_key(path))
                if not version:
                    version = get_random_string(12)
                    cache.add(page_cache.version_key(path), version, timeout=None)
                    version = cache.get(page_cache.version_key(path)) or version
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in {"set-cookie", "x-page-cache"}
            ]
            key = page_cache.page_key(path, query, version)
            cache.set(
                key,
                (response.content, headers),
                timeout=settings.MANCHETTE_PAGE_CACHE_TIMEOUT,
            )
        if purged_since_start():
            # Rendered while an editor's change was being purged: it may be
            # stale, so neither level keeps it.
            if key is not None:
                cache.delete(key)
            response.headers["Cache-Control"] = "no-cache"
            return response
        if headers is not None and not query and _wants_file(request):
            _write_file(response, path, response.content, headers, started)
        return _answered(request, response, "miss")


# How long a reader waits for another request's render of the same page
# before rendering it too, and how often it looks.
RENDER_WAIT_SECONDS = 2.0
RENDER_POLL_SECONDS = 0.005


def _render_or_wait(path: str, started: float) -> tuple[bool, tuple | None]:
    """Return (True, None) if this request is to render ``path`` (it holds the
    page's render mark), else (False, the stored page) once the request that
    renders it has stored it, or (False, None) if it ended without storing it
    or took too long.
    """
    cache = page_cache.page_cache()
    mark = page_cache.render_key(path)
    if cache.add(mark, started, timeout=int(RENDER_WAIT_SECONDS) + 3):
        return True, None
    key, purged = page_cache.page_key(path), page_cache.purged_key(path)
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(RENDER_POLL_SECONDS)
        found = cache.get_many([key, purged, mark])
        if key in found and found.get(purged, 0) <= started:
            return False, found[key]
        if mark not in found:
            break
    return False, None


def _wants_file(request) -> bool:
    """Return True when nginx asked for this page because it has no file for it.

    nginx sends ``X-Page-File: 1`` only for an anonymous GET or HEAD without a
    query string (``deploy/nginx/``); requests straight to the app never write.
    """
    return request.META.get("HTTP_X_PAGE_FILE") == "1" and bool(
        getattr(settings, "MANCHETTE_PAGE_FILES_DIR", "")
    )


def _write_file(response, path: str, content: bytes, headers, started: float) -> None:
    """Write the page as the file nginx serves from now on, if its headers allow;
    the proxy's own cache then skips it (``X-Accel-Expires: 0``), since the file
    answers first and is the one a purge must reach.
    """
    if not file_headers_match(headers):
        return
    if page_cache.write_page_file(path, content, started=started):
        response.headers["X-Accel-Expires"] = "0"


def _record_links(path: str, content: bytes) -> None:
    """Remember which pages ``path`` links to, so purging one purges ``path`` too."""
    from .models import PageLink

    targets = {
        target
        for target in page_cache.linked_paths(content)
        if target != path and not target.startswith(_SKIPPED_PREFIXES)
    }
    PageLink.objects.bulk_create(
        [PageLink(page=path, target=target[:400]) for target in targets if path[:400]],
        ignore_conflicts=True,
    )
