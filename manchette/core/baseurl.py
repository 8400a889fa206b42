"""Keep absolute URLs on the address the site is really served at.

Absolute URLs come from two places: ``MANCHETTE_BASE_URL`` (e-mails, the
brief, imports, the admin's workflow mails) and the default Wagtail ``Site``
(canonical, ``og:url``, feeds, sitemaps). ``run_site`` derives the first from
its ``--host``/``--port`` unless it is set, and both follow it here, so no
port is pinned.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def base_url_for(host: str, port) -> str:
    """Return the base URL of a development server bound to ``host:port``."""
    if host in {"0.0.0.0", "::", ""}:
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def base_url_use(url: str) -> None:
    """Make ``url`` this process's (and its children's) MANCHETTE_BASE_URL."""
    url = url.rstrip("/")
    os.environ["MANCHETTE_BASE_URL"] = url
    settings.MANCHETTE_BASE_URL = url
    settings.WAGTAILADMIN_BASE_URL = url


def default_site_follow_base_url() -> Site | None:
    """Point the default site's hostname and port at MANCHETTE_BASE_URL."""
    base = urlsplit(settings.MANCHETTE_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not base.hostname:
        return site
    port = base.port or (443 if base.scheme == "https" else 80)
    if (site.hostname, site.port) != (base.hostname, port):
        site.hostname, site.port = base.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
