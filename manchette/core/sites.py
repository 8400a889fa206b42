"""Which Wagtail site serves a request, kept in the default cache.

Wagtail looks the site up with one query on every request
(``Site.find_for_request``); the answer only changes when a site is saved or
deleted, which bumps a version number that is part of every cached key, so
each worker sees the change on its next request. The site keeps its home
page, the start of every route, bumped the same way when the home page or a
page right under it changes (with a shared cache, as
``REDIS_URL`` gives; the navigation and privacy flags rely on it too).

``state`` keeps the other small site-wide values (privacy flag, live
languages, navigation, identity, comment rules) in each worker's memory for
as long as that version lasts; changing one renews the version.
"""

import threading
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

VERSION_KEY = "core:sites-version"
TIMEOUT = 3600


def site_for_request(request) -> Site | None:
    """Return what ``Site.find_for_request(request)`` returns, from the cache."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    # The same host and port Wagtail reads (the raw host: no ALLOWED_HOSTS check).
    hostname = split_domain_port(request._get_raw_host())[0]
    _request_version.set(version)
    key = f"core:site:{version}:{hostname}:{request.get_port()}"
    found = state.get(key)
    if found is None:
        site = Site._find_for_request(request)
        if site is not None:
            # Routing starts from ``root_page.specific``: kept with the site
            # (a change to the home page or to its children bumps the version).
            site.root_page = site.root_page.specific
        found = (site,)
        state.set(key, found, TIMEOUT)
    request._wagtail_site = found[0]
    return found[0]


class SiteMiddleware:
    """Sets the request's Wagtail site from the cache, before anything asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            site_for_request(request)
            return self.get_response(request)
        finally:
            _request_version.set(None)


def bump_version() -> None:
    """Renew the version: every worker reads the site and the shared state again."""
    cache.set(VERSION_KEY, time.time_ns(), None)


# The version this request read (set by site_for_request, cleared after it).
_request_version: ContextVar = ContextVar("manchette_sites_version", default=None)
_MISSING = object()


class SharedState:
    """Small, site-wide values in the default cache (is any page private, the
    navigation, the identity, the comment rules…), also kept in this process's
    memory for as long as the sites version read at the start of the request
    stays the same. Every page reads about ten of them; one shared read (the
    version, which routing reads anyway) now stands for all.

    ``delete`` and ``delete_many`` drop the shared entries and renew the
    version, so every worker reads them again on its next request. Outside a
    request (tasks, commands) every read goes to the shared cache.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._values: dict = {}

    def get(self, key: str, default=None):
        version = _request_version.get()
        if version is not None and version == self._version:
            value = self._values.get(key, _MISSING)
            if value is not _MISSING:
                return value
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            return default
        self._remember(version, key, value)
        return value

    def set(self, key: str, value, timeout: int) -> None:
        cache.set(key, value, timeout)
        self._remember(_request_version.get(), key, value)

    def delete(self, key: str) -> None:
        self.delete_many([key])

    def delete_many(self, keys) -> None:
        keys = list(keys)
        self._drop(keys)
        # Again once the change is visible to others: a worker that read the
        # old rows before the commit may have stored them meanwhile.
        transaction.on_commit(lambda: self._drop(keys))

    def _drop(self, keys) -> None:
        cache.delete_many(keys)
        with self._lock:
            self._version, self._values = None, {}
        bump_version()

    def _remember(self, version, key: str, value) -> None:
        if version is None:
            return
        with self._lock:
            if self._version != version:
                self._version, self._values = version, {}
            self._values[key] = value


state = SharedState()


@receiver([post_save, post_delete], sender=Site)
def sites_changed(sender, **kwargs):
    bump_version()


# The cached site holds its home page, whose fields and number of children
# (which Wagtail's routing reads) change when it, or a page right under it, is
# saved, deleted or moved: a few pages of the tree, rarely edited.
HOME_DEPTH = 3


@receiver([post_save, post_delete])
def home_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and (instance.depth or 0) <= HOME_DEPTH:
        bump_version()


@receiver(post_page_move)
def home_children_moved(
    sender, instance, parent_page_before, parent_page_after, **kwargs
):
    if min(parent_page_before.depth, parent_page_after.depth) < HOME_DEPTH:
        bump_version()
