"""Invalidation: changed tags are purged once, after the transaction commits."""

import logging
import threading
from collections.abc import Iterable

from django.db import transaction

from .fragments import bump_versions

logger = logging.getLogger("manchette.pagecache")

_pending = threading.local()


def invalidate(*tags: str | Iterable[str]) -> None:
    """Purge every stored response carrying one of ``tags`` after commit, once.

    Several calls inside one transaction are merged into one purge.
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
    queued = getattr(_pending, "tags", None)
    if queued is None:
        queued = _pending.tags = set()
    queued.update(names)
    # Every call registers a flush; the first one to run drains the set, so the
    # tags of one transaction are purged together and the later flushes are no-ops.
    transaction.on_commit(_flush)


def _flush() -> None:
    tags = getattr(_pending, "tags", None) or set()
    _pending.tags = set()
    if tags:
        purge_tags(tags)


def purge_tags(tags: set[str]) -> None:
    """Purge ``tags`` from every configured cache tier now."""
    logger.debug("purge %s", sorted(tags))
