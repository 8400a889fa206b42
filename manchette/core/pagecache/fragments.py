"""The fragment cache: values computed from the database, kept under tag versions.

The one cache level below the shared HTTP cache. A fragment (site-wide values
every page shows, such as the navigation or the site's identity) is stored in
Django's default cache under its name, with the versions of the tags it shows
when it was computed; it is never keyed by hand-listed fields::

    nav = fragment("news:navigation:3", ["site"], lambda: build_navigation(3))

The entry keeps the versions it was computed under; ``invalidate(tag)``
renews the tag's version, so the next read finds them different and computes
the fragment again.

Why it cannot serve a stale value: versions are read *before* the database.
A reader that read the old version may compute from old rows and store them,
but with the old version, which no reader accepts after the renewal. The
renewal happens twice: at once (for the writer's own transaction, and for
tests that never commit) and again after the commit, so a reader that read
the renewed version before the commit and then old rows stores them with a
version that the second renewal leaves behind. Two readers storing at once
only make the next reader compute again.
"""

import time
from collections.abc import Callable, Iterable
from itertools import count

from django.core.cache import cache
from django.db import transaction

VERSION_PREFIX = "pagecache:version:"
FRAGMENT_PREFIX = "pagecache:fragment:"
FRAGMENT_TIMEOUT = 24 * 3600
_sequence = count()


def _version_key(tag: str) -> str:
    return VERSION_PREFIX + tag


def tag_versions(tags: Iterable[str]) -> dict[str, int]:
    """Return the current version of each of ``tags`` (one cache read)."""
    tags = sorted(set(tags))
    found = cache.get_many([_version_key(tag) for tag in tags])
    versions = {}
    for tag in tags:
        version = found.get(_version_key(tag))
        if version is None:
            # Never renewed, or evicted: start a version no entry was stored under.
            cache.add(_version_key(tag), _new_version(), None)
            version = cache.get(_version_key(tag))
        versions[tag] = version
    return versions


def _new_version() -> int:
    # Nanoseconds and a per-process counter: unique across processes and restarts.
    return time.time_ns() * 1000 + next(_sequence) % 1000


def bump_versions(tags: Iterable[str]) -> None:
    """Renew the versions of ``tags`` now and once more after the commit (those
    that have one: see ``_renew``)."""
    tags = sorted(set(tags))
    if not tags:
        return
    _renew(tags)
    transaction.on_commit(lambda: _renew(tags))


def _renew(tags: list[str]) -> None:
    # Only tags that have a version: a tag without one has no fragment stored
    # under it, and its first reader starts a version no entry carries. A
    # reader that starts one after this read, before the commit, is left
    # behind by the renewal after the commit, which reads again; one that
    # starts it after that reads committed rows. Most invalidated tags
    # (articles, sections, authors) are shown by no fragment: nothing to write.
    found = cache.get_many([_version_key(tag) for tag in tags])
    if found:
        cache.set_many({key: _new_version() for key in found}, None)


def fragment(name: str, tags: Iterable[str], compute: Callable[[], object]):
    """Return the value of fragment ``name``, which shows ``tags``: from the cache
    when stored under the tags' current versions, else ``compute()`` (stored).

    One cache read on a hit (the entry and the versions together). ``compute``
    must return a picklable value (plain data or HTML).
    """
    tags = sorted(set(tags))
    version_keys = [_version_key(tag) for tag in tags]
    key = FRAGMENT_PREFIX + name
    found = cache.get_many([key, *version_keys])
    versions = [found.get(version_key) for version_key in version_keys]
    if None in versions:
        versions = list(tag_versions(tags).values())
    stored = found.get(key)
    if stored is not None and stored[0] == versions:
        return stored[1]
    # Versions read before the database: see the module's docstring.
    value = compute()
    cache.set(key, (versions, value), FRAGMENT_TIMEOUT)
    return value
