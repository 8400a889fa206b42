"""``ArticlePage.published_at``, the listings' copy of Wagtail's first publication
date, stays equal to ``first_published_at`` whichever way an article is published.
"""

import importlib
import time
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision

from manchette.core.tasks import revision_publish_if_due
from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag
from manchette.news.selectors import (
    article_list_for_section,
    article_list_latest,
    section_blocks,
)
from tests.factories import ArticlePageFactory, section_get
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db

NINJS = Path(__file__).resolve().parent.parent / "data" / "ninjs"


def stored(article) -> ArticlePage:
    return ArticlePage.objects.get(pk=article.pk)


def tag_dates(article) -> list:
    """The dates on the article's tag and author links (related boxes, tag and
    author pages list from them), tags first.
    """
    page = stored(article)
    return [link.published_at for link in page.tagged_items.all()] + [
        link.published_at for link in page.article_authors.all()
    ]


def test_a_draft_has_none_and_the_first_publish_sets_it(section):
    draft = ArticlePageFactory(
        publish=False, tags=["eau", "énergie"], authors=["Salma Bennani"]
    )
    assert stored(draft).published_at is None
    assert all(date is None for date in tag_dates(draft))

    before = timezone.now()
    stored(draft).get_latest_revision().publish()

    article = stored(draft)
    assert article.first_published_at >= before
    assert article.published_at == article.first_published_at
    assert tag_dates(article) == [article.published_at] * 3


def test_tags_added_later_or_from_an_old_revision_get_the_date(section):
    article = ArticlePageFactory(publish=False, tags=["eau"])
    draft_revision = stored(article).get_latest_revision()  # Its link has no date.
    Revision.objects.get(pk=draft_revision.pk).publish()
    published = stored(article).published_at

    edited = stored(article)
    edited.tags.add("climat")
    edited.save_revision().publish()
    assert tag_dates(article) == [published] * 2

    # The old revision (one tag, saved before any date) is published again.
    Revision.objects.get(pk=draft_revision.pk).publish()
    assert tag_dates(article) == [published]


def test_republishing_or_publishing_an_old_revision_keeps_it(section):
    article = ArticlePageFactory(publish=False)
    draft_revision = stored(article).save_revision()  # Its content has no date.
    stored(article).save_revision().publish()
    first = stored(article).published_at
    assert first is not None

    edited = stored(article)
    edited.title = "Titre corrigé"
    edited.save_revision().publish()
    # An editor publishes the draft revision again (read afresh, as the admin does).
    Revision.objects.get(pk=draft_revision.pk).publish()

    article = stored(article)
    assert article.last_published_at > first
    assert article.published_at == article.first_published_at == first


def test_a_scheduled_publication_sets_it_when_the_task_publishes(section):
    article = stored(ArticlePageFactory(publish=False))
    article.go_live_at = timezone.now() + timedelta(seconds=1)
    revision = article.save_revision()
    revision.publish()
    assert stored(article).published_at is None

    time.sleep(1.1)
    assert revision_publish_if_due(revision.pk)

    article = stored(article)
    assert article.live
    assert article.published_at is not None
    assert article.published_at == article.first_published_at


def test_the_wordpress_import_sets_it_on_insert_update_and_schedule(home, tmp_path):
    path = wxr.write(
        tmp_path,
        wxr.post(1, date="2024-05-03 07:30:00", tags=[("eau", "eau")]),
        wxr.post(2, status="draft"),
        wxr.post(3, status="future", date="2099-01-01 09:00:00", tags=[("eau", "eau")]),
    )
    wxr_import(path)
    by_slug = {page.slug: page for page in ArticlePage.objects.all()}
    assert by_slug["article-1"].published_at == datetime(2024, 5, 3, 7, 30, tzinfo=UTC)
    # One tag and one author (the post's creator).
    assert tag_dates(by_slug["article-1"]) == [by_slug["article-1"].published_at] * 2
    assert by_slug["article-2"].published_at is None
    assert by_slug["article-3"].published_at is None

    # The post's date changed in WordPress: the re-run updates both dates.
    path = wxr.write(
        tmp_path, wxr.post(1, date="2024-05-02 06:00:00", tags=[("eau", "eau")])
    )
    wxr_import(path)
    updated = stored(by_slug["article-1"])
    assert updated.published_at == datetime(2024, 5, 2, 6, 0, tzinfo=UTC)
    assert updated.published_at == updated.first_published_at
    assert tag_dates(updated) == [updated.published_at] * 2

    # The scheduled post goes live through Wagtail when its time comes.
    scheduled = by_slug["article-3"]
    revision = Revision.objects.get(pk=scheduled.latest_revision_id)
    revision.content["go_live_at"] = "2000-01-01T00:00:00Z"
    revision.approved_go_live_at = datetime(2000, 1, 1, tzinfo=UTC)
    revision.save()
    call_command("publish_scheduled")
    scheduled = stored(scheduled)
    assert scheduled.live
    assert scheduled.published_at == scheduled.first_published_at is not None
    assert tag_dates(scheduled) == [scheduled.published_at] * 2


def test_the_wire_import_keeps_the_wire_date(section):
    call_command(
        "import_ninjs",
        str(NINJS / "wire-1x.json"),
        section="politique",
        stdout=StringIO(),
    )
    article = ArticlePage.objects.get(source_uri="urn:manchette:test:wire-1")
    assert article.published_at.isoformat().startswith("2026-03-14T08:30:00")
    assert article.published_at == article.first_published_at


def test_listings_sort_by_first_publication_not_by_last_or_tree_order(section):
    now = timezone.now()
    sport = section_get("sport", "Sport")
    # Created newest first, so the tree (and id) order is the reverse of the dates.
    new = ArticlePageFactory(title="Nouveau", published_at=now - timedelta(hours=1))
    middle = ArticlePageFactory(title="Milieu", published_at=now - timedelta(hours=5))
    old = ArticlePageFactory(title="Ancien", published_at=now - timedelta(days=9))
    other = ArticlePageFactory(
        section=sport, title="Sport", published_at=now - timedelta(hours=3)
    )
    # Republishing the oldest article changes its last date, not its place.
    stored(old).save_revision().publish()

    assert [a.pk for a in article_list_latest(limit=10)] == [
        new.pk,
        other.pk,
        middle.pk,
        old.pk,
    ]
    politique = section_get("politique")
    assert [a.pk for a in article_list_for_section(politique)] == [
        new.pk,
        middle.pk,
        old.pk,
    ]
    blocks = {s.slug: [a.pk for a in cards] for s, cards in section_blocks()}
    assert blocks == {"politique": [new.pk, middle.pk, old.pk], "sport": [other.pk]}


def test_the_migration_copies_first_published_at(section):
    article = ArticlePageFactory(published_at=timezone.now() - timedelta(days=2))
    draft = ArticlePageFactory(publish=False)
    ArticlePage.objects.update(published_at=None)
    migration = importlib.import_module(
        "manchette.news.migrations.0003_article_published_at"
    )

    migration.copy_first_published_at(apps, SimpleNamespace(connection=connection))

    assert stored(article).published_at == stored(article).first_published_at
    assert stored(draft).published_at is None


def test_the_migration_copies_the_date_to_the_tag_links(section):
    article = ArticlePageFactory(
        published_at=timezone.now() - timedelta(days=2), tags=["eau"]
    )
    draft = ArticlePageFactory(publish=False)
    ArticlePageTag.objects.create(
        content_object=stored(draft), tag=stored(article).tag_list[0]
    )
    ArticlePageTag.objects.update(published_at=timezone.now())
    migration = importlib.import_module(
        "manchette.news.migrations.0006_tag_published_at"
    )

    migration.copy_published_at(apps, SimpleNamespace(connection=connection))

    assert tag_dates(article) == [stored(article).published_at]
    assert tag_dates(draft) == [None]


def test_the_migration_copies_the_date_to_the_author_links(section):
    article = ArticlePageFactory(
        published_at=timezone.now() - timedelta(days=2), authors=["Nadia Alaoui"]
    )
    ArticlePageAuthor.objects.update(published_at=timezone.now())
    migration = importlib.import_module(
        "manchette.news.migrations.0007_author_published_at"
    )

    migration.copy_published_at(apps, SimpleNamespace(connection=connection))

    assert tag_dates(article) == [stored(article).published_at]
