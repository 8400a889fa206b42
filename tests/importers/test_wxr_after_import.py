"""After an import, what a normal publication does has happened: cache tags
invalidated, search index and Wagtail's reference index up to date."""

import logging

import pytest
from wagtail.models import ReferenceIndex

from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage
from manchette.news.search import query_terms
from manchette.news.selectors import article_search
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db


def purged(caplog) -> set[str]:
    """Return the cache tags the page cache purged (it logs each purge)."""
    tags = set()
    for record in caplog.records:
        if record.name == "manchette.pagecache" and record.msg == "purge %s":
            tags.update(record.args[0])
    return tags


@pytest.fixture
def export(tmp_path):
    return wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="Le téléphérique municipal inauguré",
            slug="telepherique",
            body="La cabine transporte des voyageurs.",
            categories=[("transports", "Transports")],
        ),
        wxr.post(
            2,
            title="Les tarifs du téléphérique",
            slug="tarifs",
            body=(
                "Les prix sont connus.\n\nLire aussi : "
                '<a href="https://wp.example.org/2024/01/01/telepherique/">'
                "l’inauguration</a>"
            ),
        ),
    )


def test_the_import_invalidates_the_site_once_committed(
    section, export, tmp_path, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG, logger="manchette.pagecache")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        wxr_import(export)
        # Nothing is purged before the commit.
        assert purged(caplog) == set()
    for callback in callbacks:
        callback()

    # Every HTML page (navigation), the home page and the lists of newest.
    assert {"site", "home", "listing:latest"} <= purged(caplog)
    new = ArticlePage.objects.get(slug="telepherique")
    assert f"section:{new.section_id}" in purged(caplog)

    caplog.clear()
    edited = wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="Le téléphérique municipal inauguré hier",
            slug="telepherique",
            body="La cabine transporte des voyageurs.",
            categories=[("transports", "Transports")],
        ),
        name="edited.xml",
    )
    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(edited)

    # An article cached before the import is purged by its own tag too.
    assert f"article:{new.pk}" in purged(caplog)


def test_a_dry_run_or_an_unchanged_run_purges_nothing(
    section, export, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG, logger="manchette.pagecache")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        wxr_import(export, dry_run=True)

    assert callbacks == []
    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(export)
    caplog.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        wxr_import(export)

    assert purged(caplog) == set()


def test_imported_articles_are_found_by_the_search(
    home, export, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(export)

    found = article_search(query_terms("telepherique"))
    assert set(found) == set(ArticlePage.objects.values_list("pk", flat=True))
    assert len(found) == 2


def test_the_reference_index_knows_the_imported_links(
    home, export, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(export)

    target = ArticlePage.objects.get(slug="telepherique")
    source = ArticlePage.objects.get(slug="tarifs")
    assert source.body[-1].block_type == "read_also"
    referrers = {
        reference.object_id for reference in ReferenceIndex.get_references_to(target)
    }
    assert str(source.pk) in referrers
