"""Invalidation: changed tags are purged once, after the transaction commits."""

import logging
import threading
from collections.abc import Iterable

from django.db import transaction

from . import versions
from .backends import purge_tiers
from .fragments import bump_versions

logger = logging.getLogger("manchette.pagecache")

_pending = threading.local()


class _Batch:
    """The tags invalidated during one transaction, purged once when it commits."""

    def __init__(self):
        self.tags: set[str] = set()
        self.done = False

    def flush(self) -> None:
        # Every invalidate() of the transaction registered this; the first
        # call purges everything, the others find nothing left to do.
        if self.done:
            return
        self.done = True
        if self.tags:
            purge_tags(self.tags)


def invalidate(*tags: str | Iterable[str]) -> None:
    """Purge every stored response carrying one of ``tags`` after commit, once.

    Several calls inside one transaction are merged into one purge. Outside a
    transaction the purge runs now, before this function returns.
    """
    names: set[str] = set()
    for tag in tags:
        if isinstance(tag, str):
            names.add(tag)
        else:
            names.update(tag)
    if not names:
        return
    # The fragment cache's versions are renewed at once and after the commit.
    bump_versions(names)
    if not transaction.get_connection().in_atomic_block:
        # A batch still open here belonged to a transaction rolled back.
        _pending.batch = None
        purge_tags(names)
        return
    batch = getattr(_pending, "batch", None)
    if batch is None or batch.done:
        batch = _pending.batch = _Batch()
    batch.tags.update(names)
    transaction.on_commit(batch.flush)


def discard_pending() -> None:
    """Forget the tags queued by a transaction of this thread that rolled back
    (they would otherwise be purged with the next transaction's)."""
    _pending.batch = None


def purge_tags(tags: Iterable[str]) -> None:
    """Purge ``tags`` from every configured cache tier now.

    The versions move first: from then on no render that started earlier is
    stored, so the purge that follows cannot be overtaken by an old page.
    """
    tags = set(tags)
    try:
        sequence = versions.bump(tags)
    except Exception:
        # The change is committed; a cache that cannot be reached must not
        # turn the editor's save into an error. The purge below still runs.
        logger.exception("Could not record the new versions of %s", sorted(tags))
        sequence = versions.now_sequence()
    logger.debug("purge %s (sequence %s)", sorted(tags), sequence)
    purge_tiers(tags, sequence)
