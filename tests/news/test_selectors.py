from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.core.privacy import any_view_restriction
from manchette.news.models import ArticlePage, ArticlePageRelated
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


@pytest.fixture(params=["plain", "orm"])
def related(request):
    """``article_list_related`` both ways: given the article's loaded tags on a
    site in one language with no private page (one hand-written query over the
    tag links' date index), and without them (the ORM query every site can use).
    Both must rank alike.
    """

    def compute(article, **kwargs):
        if request.param == "plain":
            kwargs["tags"] = article.tag_list
        return article_list_related(article, **kwargs)

    compute.plain = request.param == "plain"
    return compute


def test_related_puts_editor_picks_first_then_shared_tags_then_section(related):
    politique = section_get("politique", "Politique")
    sport = section_get("sport", "Sport")
    article = ArticlePageFactory(section=politique, tags=["eau"], published_at=ago(1))
    same_section_new = ArticlePageFactory(section=politique, published_at=ago(2))
    same_section_old = ArticlePageFactory(section=politique, published_at=ago(50))
    shared_tag_old = ArticlePageFactory(
        section=sport, tags=["eau"], published_at=ago(40)
    )
    shared_tag_new = ArticlePageFactory(
        section=sport, tags=["eau"], published_at=ago(3)
    )
    pick = ArticlePageFactory(section=sport, published_at=ago(90))
    ArticlePageFactory(section=sport, tags=["football"], published_at=ago(4))
    ArticlePageRelated.objects.create(page=article, article=pick, sort_order=0)

    cards = related(article)

    assert cards == [
        pick,
        shared_tag_new,
        shared_tag_old,
        same_section_new,
        same_section_old,
    ]


def test_related_never_contains_the_article_itself(related):
    article = ArticlePageFactory(tags=["eau"])
    ArticlePageRelated.objects.create(page=article, article=article, sort_order=0)
    other = ArticlePageFactory(tags=["eau"])
    assert related(article) == [other]


def test_related_keeps_the_editors_pick_order(related):
    sport = section_get("sport", "Sport")
    article = ArticlePageFactory()
    first = ArticlePageFactory(section=sport, published_at=ago(200))
    second = ArticlePageFactory(section=sport, published_at=ago(1))
    ArticlePageRelated.objects.create(page=article, article=first, sort_order=0)
    ArticlePageRelated.objects.create(page=article, article=second, sort_order=1)
    assert related(article)[:2] == [first, second]


def test_related_labels_cards_with_the_shared_tag_else_the_section(related):
    culture = section_get("culture", "Culture")
    article = ArticlePageFactory(tags=["transition numérique"])
    tagged = ArticlePageFactory(
        section=culture, tags=["cinéma", "transition numérique"]
    )
    untagged = ArticlePageFactory()
    labels = {card.pk: card.card_label for card in related(article)}
    assert labels == {tagged.pk: "transition numérique", untagged.pk: "Politique"}


def test_related_skips_drafts_and_respects_the_limit(related):
    article = ArticlePageFactory(tags=["eau"])
    ArticlePageFactory(tags=["eau"], publish=False)
    live = [ArticlePageFactory(tags=["eau"]) for _ in range(5)]
    cards = related(article, limit=3)
    assert cards == list(reversed(live))[:3]


def test_related_costs_a_fixed_number_of_queries(
    related, django_assert_max_num_queries
):
    article = ArticlePageFactory(tags=["eau", "énergie"])
    for _ in range(12):
        ArticlePageFactory(tags=["eau"])
    article = ArticlePage.objects.get(pk=article.pk)
    assert len(article.tag_list) == 2  # Loaded by the page before its box.
    live_locale_ids()  # Site-wide, cached until the next publish.
    any_view_restriction()  # Site-wide, cached until a restriction changes.
    # Plain: the ranking (labels included) and the cards. ORM: the labels too,
    # and the tags' own query.
    with django_assert_max_num_queries(2 if related.plain else 4):
        cards = related(article)
        assert [card.card_label for card in cards]
        assert [card.excerpt for card in cards]


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
    live_locale_ids()  # Site-wide, cached until the next publish.
    with django_assert_max_num_queries(4):
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
