"""The read beacon, answered before Django's request handling (issue 18).

read-beacon.js POSTs to /newsletter/lu/<article id>/ once a page has been seen
for 15 s. ``manchette/wsgi.py`` puts ``beacon_first`` in front of Django, so a
beacon costs no middleware, URL resolving, session or template: one hash of the
reader's address, one cache round trip that applies both rules below, and a
dictionary increment (``readcounter.read_add``, written to the database in
batches by a thread). Everything else, including a beacon that is not a POST,
goes on to Django; Django also routes the URL to ``views.read_beacon`` (same
rules, same counter) for servers that do not load ``manchette.wsgi``, such as
the test client.

Rules, as before the fast path: at most ``MANCHETTE_READS_PER_HOUR`` beacons
per address and hour (429 beyond), one read per address, article and day. The
address only appears salted and hashed in cache keys that expire; no cookie is
read or set.
"""

import hashlib
import re
from functools import lru_cache

import redis
from django.conf import settings
from django.core.cache import cache

from manchette.core.clients import client_ip_from_meta

from . import readcounter

BEACON_PATH = re.compile(r"/newsletter/lu/([0-9]{1,19})/")
MAX_BODY = 1024
LARGEST_ID = 2**63 - 1  # PostgreSQL's bigint: a larger id names no article.
STATUS_LINES = {204: "204 No Content", 429: "429 Too Many Requests"}

# Both rules in one Redis round trip: count the hit against the hourly limit
# (-1 once over it), then mark the read (1 when first of the day, else 0).
RULES_SCRIPT = """
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('EXPIRE', KEYS[1], 3600) end
if hits > tonumber(ARGV[1]) then return -1 end
if redis.call('SET', KEYS[2], 1, 'NX', 'EX', 86400) then return 1 end
return 0
"""


@lru_cache(maxsize=4)
def _redis_rules(location: str):
    """Return the registered rules script on the Redis server at ``location``."""
    return redis.Redis.from_url(location).register_script(RULES_SCRIPT)


def _rules(limit_key: str, seen_key: str) -> int:
    """Apply the two rules in the default cache: -1 over the limit, 1 for a
    new read, 0 for a read already counted today.
    """
    per_hour = settings.MANCHETTE_READS_PER_HOUR
    config = settings.CACHES["default"]
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        script = _redis_rules(config["LOCATION"])
        keys = [cache.make_key(limit_key), cache.make_key(seen_key)]
        return int(script(keys=keys, args=[per_hour]))
    # Files (dev without Redis) or memory (tests): Django's cache API.
    cache.add(limit_key, 0, timeout=3600)
    try:
        hits = cache.incr(limit_key)
    except ValueError:  # Expired between the two calls.
        cache.set(limit_key, 1, timeout=3600)
        hits = 1
    if hits > per_hour:
        return -1
    return 1 if cache.add(seen_key, 1, timeout=86400) else 0


def beacon_count(article_id: int, address: str, *, body_size: int = 0) -> int:
    """Count one read of ``article_id`` from ``address`` if the rules allow it;
    return the HTTP status to answer (204, or 429 over the hourly limit).
    """
    if body_size > MAX_BODY:
        return 429
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    verdict = _rules(
        f"newsletter:reads:{digest[:32]}", f"newsletter:read:{article_id}:{digest[:32]}"
    )
    if verdict < 0:
        return 429
    if verdict and article_id <= LARGEST_ID:
        readcounter.read_add(article_id)
    return 204


def beacon_first(django_app):
    """Return a WSGI application that answers read beacons itself and passes
    every other request to ``django_app``.
    """

    def application(environ, start_response):
        match = BEACON_PATH.fullmatch(environ.get("PATH_INFO", ""))
        if match is None or environ.get("REQUEST_METHOD") != "POST":
            return django_app(environ, start_response)
        try:
            size = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = MAX_BODY + 1
        if 0 < size <= MAX_BODY:
            environ["wsgi.input"].read(size)
        status = beacon_count(
            int(match[1]), client_ip_from_meta(environ), body_size=size
        )
        start_response(STATUS_LINES[status], [("Cache-Control", "no-store")])
        return [b""]

    return application
