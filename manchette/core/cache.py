"""The page cache: what is cached, how it is keyed, and how it is purged.

Two levels hold public pages: the caching reverse proxy in front of the app
servers (nginx, see ``deploy/nginx/``) and Django's cache (the ``pages`` alias:
files under ``var/`` or Redis). Both are keyed by path and query string only,
because one Manchette installation serves one site.

Under ``make serve`` the proxy's level is, for HTML pages, a tree of files
(``MANCHETTE_PAGE_FILES_DIR``): the app writes a page there when nginx asks
for one it lacks, and nginx serves it as a static file from then on, without
Python; a purge deletes it. Feeds, sitemaps and pages that cannot be files
stay in nginx's ``proxy_cache``.

Domain apps name the URLs that show what changed (``register_urls``) and call
``purge_urls`` or ``purge_for``; this module never imports them.
"""

import gzip
import hashlib
import logging
import os
import re
import secrets
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
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


def _digest(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def page_key(path: str, query: str = "", version: str = "") -> str:
    """Return the cache key of a page; query-string variants carry the path's version."""
    if not query:
        return f"page:{_digest(path)}"
    return f"page:{_digest(path)}:{version}:{_digest(query)}"


def version_key(path: str) -> str:
    return "pagever:" + _digest(path)


def render_key(path: str) -> str:
    """Return the key held while one request renders ``path`` for the others."""
    return "pagerender:" + _digest(path)


def purged_key(path: str) -> str:
    return "pagepurged:" + _digest(path)


def purged_since(path: str, started: float) -> bool:
    """Return True if ``path`` was purged (or is being purged) since ``started``."""
    purged_at = page_cache().get(purged_key(path))
    return purged_at is not None and purged_at >= started


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
    remove_page_files(paths)
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
        remove_all_page_files()

    transaction.on_commit(run)


# Pages as files ---------------------------------------------------------------

PAGE_FILE_NAME = "index.html"
_FILE_MTIME_SECONDS = 86400


def page_file(path: str) -> Path | None:
    """Return the file that holds the page at ``path`` for nginx, or None when
    pages are not written as files or ``path`` cannot name one.

    nginx looks for ``<root><uri>index.html`` (see ``deploy/nginx/``): only
    paths ending in "/" qualify, and none with an empty, dot or hidden part.
    """
    root = getattr(settings, "MANCHETTE_PAGE_FILES_DIR", "")
    if not root or not path.endswith("/") or "\x00" in path:
        return None
    parts = path[1:-1].split("/") if path != "/" else []
    if any(not part or part.startswith(".") for part in parts):
        return None
    if any(len(part.encode()) > 200 for part in parts):
        return None
    return Path(root, *parts, PAGE_FILE_NAME)


def _file_mtime_key(path: str) -> str:
    return "pagefile:" + _digest(path)


def write_page_file(path: str, content: bytes, *, started: float) -> bool:
    """Write ``content`` (and its gzip copy) as the file nginx serves for ``path``;
    return whether it stays there.

    Each file appears whole (written aside, then renamed). If ``path`` was
    purged since ``started``, the page may be stale: the files are removed
    again, after the rename, so that a purge running meanwhile cannot miss them.
    nginx derives ``ETag`` and ``Last-Modified`` from the file's modification
    time in whole seconds, so a changed page gets a later one than the page
    before it (never the same second), and the same page keeps its own: a
    reader's copy matches exactly when it is still the page. When the same
    page is already there (the readers who asked while it was first
    rendered), nothing is written.
    """
    target = page_file(path)
    if target is None:
        return False
    cache = page_cache()
    mark = _file_mtime_key(path)
    digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
    last_mtime, last_digest = cache.get(mark) or (0, "")
    if digest == last_digest:
        if target.exists():
            return not purged_since(path, started)
        mtime = last_mtime
    else:
        mtime = max(int(time.time()), last_mtime + 1)
        cache.set(mark, (mtime, digest), timeout=_FILE_MTIME_SECONDS)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # The compressed copy first: nginx finds the page by its plain file.
        for name, data in (
            (target.name + ".gz", gzip.compress(content, compresslevel=6, mtime=0)),
            (target.name, content),
        ):
            temporary = target.parent / f".{name}.{secrets.token_hex(6)}"
            temporary.write_bytes(data)
            temporary.chmod(0o644)
            os.utime(temporary, (mtime, mtime))
            os.replace(temporary, target.parent / name)
    except OSError as error:
        logger.warning("Could not write the page file of %s: %s", path, error)
        remove_page_files([path])
        return False
    if purged_since(path, started):
        remove_page_files([path])
        return False
    return True


def remove_page_files(paths: Iterable[str]) -> None:
    """Delete the files nginx serves for ``paths`` (the plain one first)."""
    for path in paths:
        target = page_file(path)
        if target is None:
            continue
        for name in (target.name, target.name + ".gz"):
            try:
                (target.parent / name).unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                logger.warning("Could not remove the page file of %s: %s", path, error)


def remove_all_page_files(root: str | Path = "") -> None:
    """Delete every page file under ``root`` (by default the setting's folder);
    each top folder is moved aside, then removed.
    """
    root = root or getattr(settings, "MANCHETTE_PAGE_FILES_DIR", "")
    if not root or not os.path.isdir(root):
        return
    for entry in os.scandir(root):
        if entry.name.startswith(".trash-"):
            continue
        if entry.is_dir(follow_symlinks=False):
            trash = Path(root, f".trash-{secrets.token_hex(6)}")
            os.replace(entry.path, trash)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            Path(entry.path).unlink(missing_ok=True)


def expire_page_files(max_age: float, root: str | Path = "") -> int:
    """Delete page files under ``root`` (by default the setting's folder) older
    than ``max_age`` seconds; return how many pages.

    Files have no lifetime of their own: ``serve_site`` calls this every few
    seconds with the proxy's ``s-maxage``, as the proxy's cache would expire.
    """
    root = root or getattr(settings, "MANCHETTE_PAGE_FILES_DIR", "")
    if not root:
        return 0
    oldest = time.time() - max_age
    removed = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if name not in (PAGE_FILE_NAME, PAGE_FILE_NAME + ".gz"):
                continue
            path = os.path.join(folder, name)
            try:
                if os.stat(path).st_mtime < oldest:
                    os.unlink(path)
                    removed += name == PAGE_FILE_NAME
            except FileNotFoundError:
                pass
    return removed
