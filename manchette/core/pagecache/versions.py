"""Tag versions: a sequence number per tag, in the cache every process shares.

One counter (``SEQUENCE_KEY``) orders every invalidation of the installation.
Invalidating tags takes the next number and writes it as the version of each
tag. A render reads the counter when its request starts (``render_started``);
when it ends, a tag whose version is above that number was invalidated while
the page was being rendered (``moved_since``), so the page may show what the
invalidation was about, and it is not stored anywhere.

The counter starts at the current time in units of 10 microseconds, so that it
only grows even if the cache loses it (eviction, a flushed Redis): a fresh
start is above every number handed out before unless invalidations ran faster
than 100,000 a second (docs/decisions.md). The unit keeps the numbers within
15 digits, the range of Varnish's integers (deploy/varnish/default.vcl
compares them too).
"""

import time
from collections.abc import Iterable

from django.core.cache import caches

SEQUENCE_KEY = "pagecache:sequence"
TAG_KEY_PREFIX = "pagecache:tag:"
# A tag's version only matters to renders running when it changed; an hour
# outlives any render by far.
TAG_VERSION_TIMEOUT = 3600


def shared_cache():
    """Return the cache every process of the installation shares (``default``)."""
    return caches["default"]


def _tag_key(tag: str) -> str:
    return TAG_KEY_PREFIX + tag


def now_sequence() -> int:
    """Return the clock in units of 10 µs: where a new counter starts."""
    return time.time_ns() // 10_000


def current_sequence() -> int:
    """Return the number of the latest invalidation (0 before any)."""
    return shared_cache().get(SEQUENCE_KEY) or 0


def render_started() -> int:
    """Return the sequence number a render starting now compares its tags with.

    A missing counter is created first (from the clock): a render must never
    compare with 0 while the shared cache knows numbers above it.
    """
    cache = shared_cache()
    sequence = cache.get(SEQUENCE_KEY)
    if sequence is None:
        cache.add(SEQUENCE_KEY, now_sequence(), timeout=None)
        sequence = cache.get(SEQUENCE_KEY) or 0
    return sequence


def bump(tags: Iterable[str]) -> int:
    """Give ``tags`` a new version, above every number read so far; return it."""
    cache = shared_cache()
    cache.add(SEQUENCE_KEY, now_sequence(), timeout=None)
    try:
        sequence = cache.incr(SEQUENCE_KEY)
    except ValueError:
        # Evicted between the two calls: start again from the clock.
        sequence = now_sequence()
        cache.set(SEQUENCE_KEY, sequence, timeout=None)
    cache.set_many(
        {_tag_key(tag): sequence for tag in tags}, timeout=TAG_VERSION_TIMEOUT
    )
    return sequence


def moved_since(tags: Iterable[str], started: int) -> bool:
    """Return True if one of ``tags`` was invalidated after ``started``."""
    keys = [_tag_key(tag) for tag in tags]
    if not keys:
        return False
    versions = shared_cache().get_many(keys)
    return any(version > started for version in versions.values())


def unchanged_since(tags: Iterable[str], started: int) -> bool:
    """Return True if every one of ``tags`` has a version and none is above
    ``started``: nothing they name changed after a render that started then.

    A tag without a version (never invalidated, expired or evicted) proves
    nothing, so it counts as changed; ``versions_ensure`` gives it one.
    """
    keys = [_tag_key(tag) for tag in tags]
    found = shared_cache().get_many(keys)
    return len(found) == len(keys) and all(
        version <= started for version in found.values()
    )


def versions_ensure(tags: Iterable[str], started: int) -> None:
    """Give the tags that have no version the number ``started`` (the render's).

    An invalidation during the render set a version above it, which ``add``
    keeps. A version lost before the render started belonged to a change the
    render read after, and anything stored before that change was stored
    under a lower number. The one case this misses: a version set during the
    render and evicted before this call, within milliseconds of being written
    (Redis evicts the least recently used keys first).
    """
    cache = shared_cache()
    keys = [_tag_key(tag) for tag in tags]
    missing = set(keys) - set(cache.get_many(keys))
    for key in missing:
        cache.add(key, started, timeout=TAG_VERSION_TIMEOUT)
