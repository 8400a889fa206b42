"""comment_import: how other systems' comments are written onto articles."""

from datetime import UTC, datetime

import pytest

from manchette.comments.models import Comment
from manchette.comments.services import comment_import
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

WHEN = datetime(2024, 1, 2, 10, tzinfo=UTC)


def row(source_id, *, parent="", status="approved", body="Oui."):
    comment = Comment(
        author_name="Lecteur",
        author_email="lecteur@example.org",
        body=body,
        status=status,
        created_at=WHEN,
        source_id=source_id,
    )
    return comment, parent


def test_threads_are_kept_whatever_the_order_and_counts_stored(section):
    article = ArticlePageFactory()

    created, updated = comment_import(
        threads={
            article.pk: [
                row("s:3", parent="s:2"),
                row("s:2", parent="s:1"),
                row("s:1"),
                row("s:4", parent="s:missing", status="pending"),
            ]
        }
    )

    assert (created, updated) == (4, 0)
    by_source = {c.source_id: c for c in Comment.objects.all()}
    assert by_source["s:3"].parent == by_source["s:2"]
    assert by_source["s:2"].parent == by_source["s:1"]
    assert by_source["s:1"].parent is None
    assert by_source["s:4"].parent is None  # its parent is not in the source
    article.refresh_from_db()
    assert article.comment_count == 3


def test_a_second_import_updates_what_changed_only(section):
    article = ArticlePageFactory()
    comment_import(threads={article.pk: [row("s:1"), row("s:2", parent="s:1")]})

    created, updated = comment_import(
        threads={
            article.pk: [
                row("s:1", status="spam"),
                row("s:2", parent="s:1"),
            ]
        }
    )

    assert (created, updated) == (0, 1)
    assert Comment.objects.count() == 2
    assert Comment.objects.get(source_id="s:2").parent.source_id == "s:1"
    article.refresh_from_db()
    assert article.comment_count == 1


def test_a_loop_of_replies_is_cut(section):
    article = ArticlePageFactory()

    created, _ = comment_import(
        threads={article.pk: [row("s:1", parent="s:2"), row("s:2", parent="s:1")]}
    )

    assert created == 2
    assert Comment.objects.filter(parent__isnull=True).exists()
