"""Purge tiers: the Varnish nodes and the CDN that hold pages, purged by tag.

``MANCHETTE_CACHE_PURGE_URLS`` lists the Varnish nodes: each receives
``PURGE /`` with the tags in an ``xkey`` header (``deploy/varnish/``).
``MANCHETTE_CDN_PURGE_URL`` names a CDN's purge-by-tag endpoint, which gets a
POST in the shape of Fastly's bulk purge (``{"surrogate_keys": [...]}``, the
token in ``MANCHETTE_CDN_PURGE_AUTH_HEADER``). A purge that fails is logged:
the editor's change is committed already, and the pages expire on their own
after ``s-maxage``.
"""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

logger = logging.getLogger("manchette.pagecache")

# Varnish refuses request headers over 8 KB (http_req_hdr_len); Fastly takes
# 256 keys per bulk purge.
XKEY_HEADER_CHARS = 4000
CDN_KEYS_PER_REQUEST = 256
TIMEOUT_SECONDS = 3
SEQUENCE_HEADER = "X-Pagecache-Seq"


def _batches(tags: list[str], *, chars: int, count: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for tag in tags:
        if batch and (size + len(tag) + 1 > chars or len(batch) >= count):
            yield batch
            batch, size = [], 0
        batch.append(tag)
        size += len(tag) + 1
    if batch:
        yield batch


def _send(request: urllib.request.Request, what: str) -> bool:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
        return True
    except (urllib.error.URLError, OSError) as error:
        logger.warning("Purge of %s failed: %s", what, error)
        return False


def purge_varnish(endpoint: str, tags: list[str], sequence: int) -> bool:
    """Send the ``xkey`` purges of ``tags`` to the Varnish node at ``endpoint``.

    The sequence number tells the node that responses rendered before it
    must not be stored any more (``deploy/varnish/default.vcl``).
    """
    done = True
    for batch in _batches(tags, chars=XKEY_HEADER_CHARS, count=10_000):
        request = urllib.request.Request(
            endpoint.rstrip("/") + "/",
            method="PURGE",
            headers={"xkey": " ".join(batch), SEQUENCE_HEADER: str(sequence)},
        )
        done = _send(request, f"{len(batch)} tags on {endpoint}") and done
    return done


def purge_cdn(url: str, tags: list[str]) -> bool:
    """POST the tag purges of ``tags`` to the CDN endpoint ``url``."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    token = getattr(settings, "MANCHETTE_CDN_PURGE_TOKEN", "")
    if token:
        headers[settings.MANCHETTE_CDN_PURGE_AUTH_HEADER] = token
    done = True
    for batch in _batches(tags, chars=10**9, count=CDN_KEYS_PER_REQUEST):
        request = urllib.request.Request(
            url,
            data=json.dumps({"surrogate_keys": batch}).encode(),
            method="POST",
            headers=headers,
        )
        done = _send(request, f"{len(batch)} tags on the CDN") and done
    return done


def purge_tiers(tags: Iterable[str], sequence: int) -> None:
    """Purge ``tags`` from every configured Varnish node, then from the CDN.

    The CDN comes second: it refills from Varnish, which must not hand it
    the old page again.
    """
    tags = sorted(tags)
    endpoints = list(getattr(settings, "MANCHETTE_CACHE_PURGE_URLS", ()))
    if len(endpoints) == 1:
        purge_varnish(endpoints[0], tags, sequence)
    elif endpoints:
        with ThreadPoolExecutor(max_workers=min(8, len(endpoints))) as pool:
            list(pool.map(lambda node: purge_varnish(node, tags, sequence), endpoints))
    cdn = getattr(settings, "MANCHETTE_CDN_PURGE_URL", "")
    if cdn:
        purge_cdn(cdn, tags)
