"""A control character stored in a headline must not take any feed or sitemap down."""

import pytest
from django.utils import timezone
from lxml import etree

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

FEEDS = [
    "/flux/rss/",
    "/flux/atom/",
    "/flux/rubrique/politique/rss/",
    "/flux/rubrique/politique/atom/",
    "/flux/sujet/alerte/rss/",
    "/flux/sujet/alerte/atom/",
    "/flux/auteur/nadia-alaoui/rss/",
    "/flux/auteur/nadia-alaoui/atom/",
    "/sitemap-news.xml",
]


@pytest.fixture
def dirty_article(section):
    # Stored as an older import left it, before the ways in were cleaned.
    article = ArticlePageFactory(
        title="Alerte au port", tags=["alerte"], authors=["Nadia Alaoui"]
    )
    article.save_revision().publish()
    # Written straight to the table, as data stored before the ways in were
    # cleaned: the XML writers must still cope.
    type(article).objects.filter(pk=article.pk).update(
        title="Alerte\x07 au port\x1b", summary="Résumé\x0b avec contrôle."
    )
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=timezone.now()
    )
    return article


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_and_sitemaps_stay_valid_xml(client, dirty_article, url):
    response = client.get(url)
    assert response.status_code == 200, url
    root = etree.fromstring(response.content)  # strict XML 1.0 parser
    text = etree.tostring(root, encoding="unicode")
    assert "\x07" not in text
    if url.startswith("/flux/"):
        assert "Alerte au port" in text
