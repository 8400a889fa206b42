"""The page cache: what is cached, how it is keyed, and how it is purged.

Two levels hold public pages: the caching reverse proxy in front of the app
servers (nginx, see ``deploy/nginx/``) and Django's cache (the ``pages`` alias:
files under ``var/`` or Redis). Both are keyed by path and query string only,
because one Manchette installation serves one site.

Domain apps name the URLs that show what changed (``register_urls``) and call
``purge_urls`` or ``purge_for``; this module never imports them.
"""

import hashlib
import logging
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger("manchette.cache")

PURGE_ECHO_SECONDS = 1.0
PENDING_SECONDS = 60.0
PURGE_SETTLE_SECONDS = 0.1

_providers: dict[type, list[Callable[[object], Iterable[str]]]] = {}

_TOKEN_INPUT = re.compile(
    rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")'
)
_HREF = re.compile(rb'href="(/[^"#?]*)')


def enabled() -> bool:
    """Return True unless ``MANCHETTE_PAGE_CACHE=off`` turned both levels off."""
    return getattr(settings, "MANCHETTE_PAGE_CACHE", True)


def page_cache():
    """Return the Django cache that holds pages (alias ``pages``, else ``default``)."""
    alias = "pages" if "pages" in settings.CACHES else "default"
    return caches[alias]


def normalize_path(url: str) -> str:
    """Return the path of ``url`` (absolute or not), without query or fragment."""
    path = urlsplit(url).path or "/"
    return path if path.startswith("/") else "/" + path


def page_key(path: str, query: str = "", version: str = "") -> str:
    """Return the cache key of a page; query-string variants carry the path's version."""
    digest = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
    if not query:
        return f"page:{digest}"
    query_digest = hashlib.md5(query.encode(), usedforsecurity=False).hexdigest()
    return f"page:{digest}:{version}:{query_digest}"


def version_key(path: str) -> str:
    return "pagever:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def purged_key(path: str) -> str:
    return "pagepurged:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def strip_csrf_tokens(content: bytes) -> bytes:
    """Return ``content`` with every CSRF form token emptied (``csrf.js`` fills them)."""
    return _TOKEN_INPUT.sub(rb"\1\2", content)


def linked_paths(content: bytes) -> set[str]:
    """Return the site-relative paths an HTML page links to."""
    return {match.decode("utf-8", "replace") for match in _HREF.findall(content)}


# URL providers ---------------------------------------------------------------


def register_urls(model: type) -> Callable:
    """Register a function returning the URLs that show an instance of ``model``.

    Used as a decorator by the apps that own pages, feeds or sitemaps::

        @register_urls(ArticlePage)
        def article_feed_urls(article):
            return ["/flux/", f"/flux/{article.section.slug}/"]
    """

    def decorator(func: Callable[[object], Iterable[str]]) -> Callable:
        _providers.setdefault(model, []).append(func)
        return func

    return decorator


def urls_for(instance: object) -> set[str]:
    """Return the paths every registered provider names for ``instance``."""
    paths: set[str] = set()
    for klass in type(instance).__mro__:
        for provider in _providers.get(klass, ()):
            paths.update(normalize_path(url) for url in provider(instance) if url)
    return paths


# Purging ---------------------------------------------------------------------


def purge_for(
    instance: object, *, extra: Iterable[str] = (), linked_to: Iterable[str] = ()
) -> set[str]:
    """Purge every page the providers name for ``instance``, plus ``extra``, plus the
    cached pages that link to ``linked_to``, once the transaction commits; return
    the paths named (without the linking pages, known only when purging).
    """
    paths = urls_for(instance) | {normalize_path(url) for url in extra if url}
    purge_urls(paths, linked_to=linked_to)
    return paths


def purge_urls(
    urls: Iterable[str], *, linked_to: Iterable[str] = (), now: bool = False
) -> None:
    """Purge ``urls`` from every level once the current transaction commits.

    ``linked_to`` names the pages of the content that changed (an article, a
    section, a tag page): every cached page that links to one of them (lists,
    "Lire aussi", related articles, navigation) was recorded when it was cached,
    and is purged too.
    """
    paths = {normalize_path(url) for url in urls if url}
    targets = {normalize_path(url) for url in linked_to if url}
    if not paths and not targets:
        return
    if now:
        _purge(paths, targets)
        return
    # Mark the pages as being purged now, before the commit: until the purge
    # runs (or PENDING_SECONDS pass, if the transaction rolls back), no
    # response for them is stored, since it may have read the old data.
    _stamp(
        paths | targets | (pages_linking_to(targets) if targets else set()),
        at=time.time() + PENDING_SECONDS,
    )
    transaction.on_commit(lambda: _purge(paths, targets))


def _stamp(paths: set[str], *, at: float | None = None) -> None:
    """Record that ``paths`` were purged at ``at`` (now): responses to requests that
    started earlier are not stored.
    """
    stamp = time.time() if at is None else at
    page_cache().set_many({purged_key(path): stamp for path in paths}, timeout=3600)


def pages_linking_to(targets: Iterable[str]) -> set[str]:
    """Return the cached pages recorded as linking to one of ``targets``."""
    from .models import PageLink

    return set(
        PageLink.objects.filter(target__in=list(targets)).values_list("page", flat=True)
    )


def _purge(paths: set[str], targets: set[str] = frozenset()) -> set[str]:
    from .models import PageLink

    paths = paths | targets | (pages_linking_to(targets) if targets else set())
    cache = page_cache()
    _stamp(paths)
    cache.delete_many([page_key(path) for path in paths])
    cache.delete_many([version_key(path) for path in paths])
    PageLink.objects.filter(page__in=paths).delete()
    purge_proxy(paths)
    # A response rendered just before the commit can reach the proxy's cache
    # just after the purge (a busy proxy stores it late); purging again a
    # moment later, and once more a second later, removes it.
    if getattr(settings, "MANCHETTE_PROXY_PURGE_URL", ""):
        time.sleep(PURGE_SETTLE_SECONDS)
        purge_proxy(paths)
        echo = threading.Timer(PURGE_ECHO_SECONDS, purge_proxy, args=(set(paths),))
        echo.daemon = True
        echo.start()
    _purge_frontend_cache(paths)
    logger.debug("Purged %d pages", len(paths))
    return paths


def purge_proxy(paths: Iterable[str]) -> None:
    """Send ``PURGE <path>`` to the caching proxy (``MANCHETTE_PROXY_PURGE_URL``)."""
    base = getattr(settings, "MANCHETTE_PROXY_PURGE_URL", "")
    if not base:
        return

    def send(path: str) -> None:
        # The proxy keys pages by the raw request URI, as browsers encode it.
        quoted = quote(path, safe="/:@!$&'()*+,;=-._~%")
        request = urllib.request.Request(
            base.rstrip("/") + "/__purge__" + quoted, method="PURGE"
        )
        try:
            urllib.request.urlopen(request, timeout=2).close()
        except urllib.error.HTTPError as error:
            # 404: the proxy did not hold the page; nothing to do.
            if error.code != 404:
                logger.warning("Proxy purge of %s failed: %s", path, error)
        except OSError as error:
            logger.warning("Proxy purge of %s failed: %s", path, error)

    paths = list(paths)
    if len(paths) == 1:
        send(paths[0])
        return
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(send, paths))


def _purge_frontend_cache(paths: set[str]) -> None:
    """Purge a CDN through Wagtail's front-end cache module when it is configured."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    base = settings.MANCHETTE_BASE_URL
    purge_urls_from_cache([base + path for path in sorted(paths)])


def cached_paths() -> set[str]:
    """Return the paths of every page the cache recorded (every page links somewhere)."""
    from .models import PageLink

    return set(PageLink.objects.values_list("page", flat=True).distinct())


def purge_everything() -> None:
    """Purge every cached page from every level (a change shown on every page)."""

    def run():
        paths = cached_paths()
        page_cache().clear()
        _purge(paths)

    transaction.on_commit(run)
