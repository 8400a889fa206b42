"""What ``manchette.core.pagecache`` was asked to purge, read from its log."""

import logging

from django.test import TestCase

from manchette.core.pagecache import invalidate


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.tags: set[str] = set()

    def emit(self, record):
        if record.args:
            self.tags.update(record.args[0])


def purged_tags(action) -> set[str]:
    """Run ``action`` in a transaction that commits and return the tags purged."""
    logger = logging.getLogger("manchette.pagecache")
    # Tags queued by earlier tests (whose transactions never commit) go first.
    with TestCase.captureOnCommitCallbacks(execute=True):
        invalidate("test:drain")
    recorder = _Recorder()
    level = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            action()
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    return recorder.tags
