"""Lists pages show (``news/selectors/listings.py``)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.core.privacy import any_view_restriction
from manchette.news.selectors import (
    article_list_related,
    live_locale_ids,
    section_blocks,
)
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(hours):
    return NOW - timedelta(hours=hours)


def test_section_blocks_give_each_section_its_newest_articles(
    django_assert_max_num_queries,
):
    sport = section_get("sport", "Sport")
    politique = section_get("politique", "Politique")
    sport_articles = [
        ArticlePageFactory(section=sport, published_at=ago(h)) for h in (5, 1, 9)
    ]
    politique_articles = [
        ArticlePageFactory(section=politique, published_at=ago(h)) for h in (2, 7)
    ]
    live_locale_ids()  # Site-wide values, in the fragment cache.
    any_view_restriction()
    # The sections, one query of ids per section, the cards.
    with django_assert_max_num_queries(1 + 2 + 1):
        blocks = section_blocks(per_section=2)
    as_dict = {section.slug: cards for section, cards in blocks}
    assert as_dict["sport"] == [sport_articles[1], sport_articles[0]]
    assert as_dict["politique"] == [politique_articles[0], politique_articles[1]]


def test_private_articles_stay_out_of_listings_and_related(client):
    from wagtail.models import PageViewRestriction

    from manchette.news.selectors import article_list_for_section

    politique = section_get("politique", "Politique")
    public = ArticlePageFactory(section=politique, tags=["eau"])
    private = ArticlePageFactory(section=politique, tags=["eau"])
    assert set(article_list_for_section(politique)) == {public, private}
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert list(article_list_for_section(politique)) == [public]
    assert article_list_related(public) == []
    assert article_list_related(public, tags=public.tag_list) == []
    assert private.title not in client.get("/politique/").content.decode()


def test_listed_articles_show_their_own_authors_only():
    from manchette.news.selectors import article_list_filtered

    ArticlePageFactory(title="Un", authors=["Salma Bennani"])
    ArticlePageFactory(title="Deux", authors=["Karim Alaoui", "Nadia Alaoui"])
    authors = {
        article.title: [author.title for author in article.author_list]
        for article in article_list_filtered()
    }
    assert authors == {
        "Un": ["Salma Bennani"],
        "Deux": ["Karim Alaoui", "Nadia Alaoui"],
    }
