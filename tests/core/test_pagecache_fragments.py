"""The fragment cache (``core/pagecache/fragments.py``): values kept under the
versions of the tags they show, renewed by ``invalidate``.
"""

import pytest

from manchette.core.pagecache import invalidate
from manchette.core.pagecache.fragments import fragment, tag_versions

# invalidate() queues its purge on the database connection's commit.
pytestmark = pytest.mark.django_db


def test_a_fragment_is_computed_once_per_version_of_its_tags():
    computed = []

    def compute():
        computed.append(1)
        return f"valeur {len(computed)}"

    assert fragment("essai", ["site"], compute) == "valeur 1"
    assert fragment("essai", ["site"], compute) == "valeur 1"
    invalidate("article:1")  # Another tag: nothing to compute again.
    assert fragment("essai", ["site"], compute) == "valeur 1"
    invalidate("site")
    assert fragment("essai", ["site"], compute) == "valeur 2"


def test_false_and_none_are_kept_like_any_value():
    computed = []

    def compute():
        computed.append(1)

    assert fragment("rien", ["site"], compute) is None
    assert fragment("rien", ["site"], compute) is None
    assert len(computed) == 1


@pytest.mark.django_db(transaction=True)
def test_a_value_read_before_the_commit_is_never_served_after_it():
    """A reader between the writer's invalidate() and its commit stores what it
    read under a version that the renewal after the commit leaves behind.
    """
    from django.db import transaction

    versions = tag_versions(["site"])
    with transaction.atomic():
        invalidate("site")
        during = tag_versions(["site"])
        fragment("lu-avant", ["site"], lambda: "ancien")
    after = tag_versions(["site"])

    assert versions != during != after
    assert fragment("lu-avant", ["site"], lambda: "nouveau") == "nouveau"


def test_invalidating_a_tag_no_fragment_shows_writes_nothing():
    from django.core.cache import cache

    from manchette.core.pagecache.fragments import VERSION_PREFIX

    invalidate("article:424242")
    assert cache.get(VERSION_PREFIX + "article:424242") is None

    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert fragment("par-article", ["article:424242"], compute) == 1
    assert fragment("par-article", ["article:424242"], compute) == 1
    invalidate("article:424242")  # Now it has a version: renewed.
    assert fragment("par-article", ["article:424242"], compute) == 2


@pytest.mark.django_db(transaction=True)
def test_a_first_read_between_invalidate_and_commit_is_not_served_after_it():
    """A tag that had no version when the writer invalidated it: the reader that
    starts its version before the commit stores old rows under it, and the
    renewal after the commit leaves them behind.
    """
    from django.db import transaction

    with transaction.atomic():
        invalidate("section:515151")
        assert fragment("premier", ["section:515151"], lambda: "ancien") == "ancien"
    assert fragment("premier", ["section:515151"], lambda: "nouveau") == "nouveau"
