"""PreparedQuery: compiled once, then bound to new values, with the ORM's answers."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from manchette.comments.models import Comment
from manchette.comments.selectors import _approved, comment_threads
from manchette.core.prepared import Ints, PreparedQuery
from manchette.news.models import (
    ArticlePage,
    _article_by_path,
    _article_tags,
    _author_links,
    _section_by_path,
)
from manchette.news.selectors import _related_cards
from tests.comments.conftest import make_comment
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


def fields(obj, *names):
    return {name: getattr(obj, name) for name in names}


@pytest.fixture
def two_articles():
    politique = section_get("politique", "Politique")
    sport = section_get("sport", "Sport")
    first = ArticlePageFactory(
        section=politique,
        title="Le budget adopté",
        tags=["budget", "parlement"],
        authors=["Salma Idrissi", "Omar Benali"],
    )
    second = ArticlePageFactory(
        section=sport, title="La finale reportée", tags=["football"], authors=["Nadia"]
    )
    return first, second


def test_article_by_path_matches_the_orm_for_each_article(two_articles):
    for article in two_articles:
        values = {"slug": article.slug, "url_path": article.url_path}
        (prepared,) = _article_by_path(**values)
        (orm,) = _article_by_path.orm(**values)
        names = ("pk", "title", "url_path", "summary", "published_at", "live")
        assert fields(prepared, *names) == fields(orm, *names)
        assert list(prepared.body.raw_data) == list(orm.body.raw_data)
        assert prepared.published_at.tzinfo is not None
        # select_related: the section comes with the article, no query.
        title = article.section.title
        with CaptureQueriesContext(connection) as queries:
            assert prepared.section.title == title
        assert len(queries) == 0
    assert _article_by_path(slug="absent", url_path="/absent/") == []


def test_each_call_is_one_query_with_its_own_values(two_articles):
    first, second = two_articles
    _article_by_path(slug=first.slug, url_path=first.url_path)  # Compiled here.
    with CaptureQueriesContext(connection) as queries:
        (found,) = _article_by_path(slug=second.slug, url_path=second.url_path)
    assert found.pk == second.pk
    assert len(queries) == 1
    # A slug of one article with the path of the other matches nothing.
    assert _article_by_path(slug=first.slug, url_path=second.url_path) == []


def test_section_authors_tags_and_comments_match_the_orm(two_articles):
    first, second = two_articles
    section = first.section
    values = {"slug": section.slug, "url_path": section.url_path}
    assert _section_by_path(**values) == _section_by_path.orm(**values) == [section]
    for article in two_articles:
        links = _author_links(page_id=article.pk)
        assert [link.author.title for link in links] == [
            link.author.title for link in _author_links.orm(page_id=article.pk)
        ]
        assert _article_tags(page_id=article.pk) == _article_tags.orm(
            page_id=article.pk
        )
    assert [link.author.title for link in _author_links(page_id=first.pk)] == [
        "Salma Idrissi",
        "Omar Benali",
    ]
    assert [tag.name for tag in first.tag_list] == ["budget", "parlement"]
    assert [author.title for author in second.author_list] == ["Nadia"]

    older = make_comment(first, body="Premier.", created_at=timezone.now())
    make_comment(second, body="Ailleurs.")
    reply = make_comment(
        first,
        body="Réponse.",
        parent=older,
        created_at=timezone.now() + timedelta(minutes=1),
    )
    make_comment(first, body="Refusé.", status=Comment.Status.REJECTED)
    assert _approved(article_id=first.pk) == _approved.orm(article_id=first.pk)
    threads = comment_threads(first)
    assert [c.body for c in threads] == ["Premier."]
    assert threads[0].reply_list == [reply]
    assert threads[0].created_at == older.created_at


def test_preview_bylines_and_tags_stay_in_memory(two_articles):
    first, _ = two_articles
    draft = ArticlePage.objects.get(pk=first.pk).get_latest_revision_as_object()
    draft.tags.set(["brouillon"])
    with CaptureQueriesContext(connection) as queries:
        assert [tag.name for tag in draft.tag_list] == ["brouillon"]
    assert len(queries) == 0


def test_lists_of_ids_are_padded_and_prefetches_run(two_articles):
    first, second = two_articles
    cards = _related_cards(ids=[second.pk, first.pk])
    assert sorted(card.pk for card in cards) == sorted([first.pk, second.pk])
    assert {card.pk for card in _related_cards(ids=[first.pk])} == {first.pk}
    # More ids than the prepared size, or none: the ORM answers.
    many = [first.pk] * 100
    assert [card.pk for card in _related_cards(ids=many)] == [first.pk]
    assert _related_cards(ids=[]) == []


def test_other_values_fall_back_to_the_orm(two_articles):
    first, _ = two_articles
    assert _article_tags(page_id=None) == []
    assert [t.name for t in _article_tags(page_id=str(first.pk))] == [
        "budget",
        "parlement",
    ]


def test_values_the_orm_rewrites_are_refused(two_articles):
    query = PreparedQuery(
        lambda q: ArticlePage.objects.filter(title__icontains=q), q=str
    )
    with pytest.raises(ImproperlyConfigured, match="rewrote q"):
        query(q="budget")
    with pytest.raises(ImproperlyConfigured):
        PreparedQuery(lambda when: ArticlePage.objects.all(), when=float)
    values = PreparedQuery(
        lambda pk: ArticlePage.objects.filter(pk=pk).values("title"), pk=int
    )
    with pytest.raises(ImproperlyConfigured, match="values"):
        values(pk=two_articles[0].pk)


def test_ints_type_keeps_its_size():
    assert Ints(4).size == 4
