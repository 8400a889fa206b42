"""The related box (``news/selectors/related.py``)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.core.privacy import any_view_restriction
from manchette.news.models import ArticlePage, ArticlePageRelated
from manchette.news.selectors import article_list_related, live_locale_ids
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(hours):
    return NOW - timedelta(hours=hours)


@pytest.fixture(params=["plain", "orm"])
def related(request):
    """``article_list_related`` both ways: given the article's loaded tags (as
    its page does), and without them (one more query). Both must rank alike.
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
    # The picks, the articles sharing a tag (labels included), the section's,
    # the cards; without the loaded tags, the tags' own query too.
    with django_assert_max_num_queries(4 if related.plain else 5):
        cards = related(article)
        assert [card.card_label for card in cards]
        assert [card.excerpt for card in cards]
