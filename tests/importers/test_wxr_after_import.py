"""After an import, what a normal publication does has happened: cache tags
invalidated, search index and Wagtail's reference index up to date."""

import pytest
from django.test import Client
from wagtail.models import ReferenceIndex

from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage
from manchette.news.search import query_terms
from manchette.news.selectors import article_search
from tests.factories import ArticlePageFactory
from tests.importers import wxr_builder as wxr
from tests.pagecache import shown_tags

pytestmark = pytest.mark.django_db


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
    section, export, tmp_path, purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        wxr_import(export)
        # Nothing is purged before the commit.
        assert purges.tags() == set()
    for callback in callbacks:
        callback()

    # Every HTML page (navigation), the home page and the lists of newest.
    assert {"site", "home", "listing:latest"} <= purges.tags()
    new = ArticlePage.objects.get(slug="telepherique")
    assert f"section:{new.section_id}" in purges.tags()

    purges.received.clear()
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
    assert f"article:{new.pk}" in purges.tags()


def test_cached_pages_show_the_imported_articles_at_once(
    section, export, purges, django_capture_on_commit_callbacks
):
    old = ArticlePageFactory(title="Un article d’avant")
    reader = Client()
    shown = {path: shown_tags(path) for path in ("/", old.url)}

    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(export)

    assert all(shown[path] & purges.tags() for path in shown)
    home = reader.get("/")
    assert "Le téléphérique municipal inauguré" in home.content.decode()
    # The navigation of every page shows the new section.
    article = reader.get(old.url)
    assert 'href="/transports/"' in article.content.decode()


def test_a_dry_run_or_an_unchanged_run_purges_nothing(
    section, export, purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        wxr_import(export, dry_run=True)

    assert callbacks == []
    with django_capture_on_commit_callbacks(execute=True):
        wxr_import(export)
    purges.received.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        wxr_import(export)

    assert purges.tags() == set()


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
