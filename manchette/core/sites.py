"""Which Wagtail site serves a request, kept in the default cache.

Wagtail looks the site up with one query on every request
(``Site.find_for_request``); the answer only changes when a site is saved or
deleted, which bumps a version number that is part of every cached key, so
each worker sees the change on its next request. The site keeps its home
page, the start of every route, bumped the same way when the home page or a
page right under it changes (with a shared cache, as
``REDIS_URL`` gives; the navigation and privacy flags rely on it too).
"""

import time

from django.core.cache import cache
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
    key = f"core:site:{version}:{hostname}:{request.get_port()}"
    found = cache.get(key)
    if found is None:
        site = Site._find_for_request(request)
        if site is not None:
            # Routing starts from ``root_page.specific``: kept with the site
            # (a change to the home page or to its children bumps the version).
            site.root_page = site.root_page.specific
        found = (site,)
        cache.set(key, found, TIMEOUT)
    request._wagtail_site = found[0]
    return found[0]


class SiteMiddleware:
    """Sets the request's Wagtail site from the cache, before anything asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)


@receiver([post_save, post_delete], sender=Site)
def sites_changed(sender, **kwargs):
    cache.set(VERSION_KEY, time.time_ns(), None)


# The cached site holds its home page, whose fields and number of children
# (which Wagtail's routing reads) change when it, or a page right under it, is
# saved, deleted or moved: a few pages of the tree, rarely edited.
HOME_DEPTH = 3


@receiver([post_save, post_delete])
def home_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and (instance.depth or 0) <= HOME_DEPTH:
        cache.set(VERSION_KEY, time.time_ns(), None)


@receiver(post_page_move)
def home_children_moved(
    sender, instance, parent_page_before, parent_page_after, **kwargs
):
    if min(parent_page_before.depth, parent_page_after.depth) < HOME_DEPTH:
        cache.set(VERSION_KEY, time.time_ns(), None)
