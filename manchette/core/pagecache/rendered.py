"""The render cache: parts of a page's HTML kept under the tags they show.

A part of a page that is costly to render and the same for every anonymous
reader (an article's text, bylines, author boxes and related articles) is
stored in Django's default cache with the tags the page had recorded when the
part was done (``add_cache_tags``) and the sequence number its request
started at (``versions.render_started``, read before the database). It is
served again while none of those tags has a version above that number. A hit
records the stored tags on the request, so the whole page still carries them
for the shared HTTP cache.

Why it cannot serve a stale part: every read the part made came after its
request's sequence number was taken; an invalidation of anything it shows
after that gives the tag a higher version, and the part is not served (nor
stored, when it happened during the render). A tag without a version proves
nothing and counts as changed; the store gives it the render's number first
(``versions.versions_ensure``), so an entry outlives no tag version: both
last ``TAG_VERSION_TIMEOUT``.

Only for the requests whose page may be shared (anonymous reads, the
middleware's ``STARTED_ATTRIBUTE``), never for a preview or a page behind a
view restriction or a URL with a query string, and only with
``MANCHETTE_RENDER_CACHE`` on (the default when Redis is the cache: with
Django's file cache every store lists the cache's directory).
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import versions
from .middleware import PUBLIC_PAGE_ATTRIBUTE, STARTED_ATTRIBUTE, strip_csrf_tokens
from .tags import add_cache_tags, cache_tags

RENDER_PREFIX = "pagecache:render:"


def enabled() -> bool:
    return getattr(settings, "MANCHETTE_RENDER_CACHE", False)


def render_cached(request, name: str, render: Callable[[], str]) -> SafeString:
    """Return the HTML of part ``name`` of the page ``request`` asks for: stored
    when still valid, else ``render()`` (stored when nothing it shows moved).
    """
    started = getattr(request, STARTED_ATTRIBUTE, None)
    if (
        started is None
        or not enabled()
        or getattr(request, "is_preview", False)
        # A page behind a view restriction is never shared, nor are its parts.
        or getattr(request, PUBLIC_PAGE_ATTRIBUTE, None) is False
        # Readers arrive at clean URLs; a query string (a reply link, a
        # campaign's parameters, anything a robot invents) is rendered, so
        # no one can fill the cache with variants.
        or request.META.get("QUERY_STRING")
    ):
        return render()
    key = f"{RENDER_PREFIX}{request.get_host()}:{get_language()}:{name}"
    cache = versions.shared_cache()
    stored = cache.get(key)
    if stored is not None:
        html, tags, stored_started = stored
        if versions.unchanged_since(tags, stored_started):
            add_cache_tags(request, tags)
            return mark_safe(html)
    html = render()
    # Everything the page recorded so far: the part shows a subset of it.
    tags = sorted(cache_tags(request))
    versions.versions_ensure(tags, started)
    if versions.unchanged_since(tags, started):
        # A reader's CSRF token is their own (``csrf.js`` fills the field).
        shared = strip_csrf_tokens(str(html).encode()).decode()
        cache.set(key, (shared, tags, started), versions.TAG_VERSION_TIMEOUT)
    return html
