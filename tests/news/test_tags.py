"""The cache tags each public page declares for what it shows (``news/tags.py``)."""

import pytest
from taggit.models import Tag

from manchette.core.pagecache import cache_tags
from manchette.news.models import AuthorPage
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


def tags_of(client, url) -> set[str]:
    """Return the content tags ``url`` declares, without the page tree's own
    (``page:``, ``tree:``), which ``core.pagecache.pages`` adds to every page.
    """
    response = client.get(url)
    assert response.status_code == 200, url
    return {
        tag
        for tag in cache_tags(response.wsgi_request)
        if not tag.startswith(("page:", "tree:"))
    }


def test_an_article_declares_itself_its_section_tags_authors_and_cards(client, section):
    related = ArticlePageFactory(tags=["budget"])
    article = ArticlePageFactory(tags=["budget", "eau"], authors=["Salma Bennani"])
    budget, eau = Tag.objects.get(name="budget"), Tag.objects.get(name="eau")
    author = AuthorPage.objects.get()

    assert tags_of(client, article.url) == {
        f"article:{article.pk}",
        f"section:{section.pk}",
        f"tag:{budget.pk}",
        f"tag:{eau.pk}",
        f"author:{author.pk}",
        f"article:{related.pk}",  # Its card in the related box.
        "site",
    }


def test_the_home_page_declares_its_lists_sections_and_cards(client, section):
    sport = section_get("sport", "Sport")
    first = ArticlePageFactory()
    second = ArticlePageFactory(section=sport)

    assert tags_of(client, "/") == {
        "home",
        "listing:latest",
        "site",
        f"section:{section.pk}",
        f"section:{sport.pk}",
        f"article:{first.pk}",
        f"article:{second.pk}",
    }


def test_a_section_page_declares_the_section_and_its_cards(client, section):
    article = ArticlePageFactory()

    # listing:latest: the rail beside the list shows the newest articles.
    assert tags_of(client, section.url) == {
        f"section:{section.pk}",
        f"article:{article.pk}",
        "listing:latest",
        "site",
    }


def test_a_tag_page_and_an_author_page_declare_their_subject(client, section):
    article = ArticlePageFactory(tags=["budget"], authors=["Salma Bennani"])
    budget, author = Tag.objects.get(name="budget"), AuthorPage.objects.get()

    assert tags_of(client, "/sujets/budget/") == {
        f"tag:{budget.pk}",
        f"article:{article.pk}",
        "listing:latest",
        "site",
    }
    assert tags_of(client, author.url) == {
        f"author:{author.pk}",
        f"article:{article.pk}",
        "listing:latest",
        "site",
    }


def test_feeds_and_sitemaps_declare_their_lists(client, section):
    article = ArticlePageFactory(tags=["budget"])

    assert tags_of(client, "/flux/rss/") == {
        "listing:latest",
        "site",
        f"article:{article.pk}",
    }
    assert tags_of(client, "/flux/rubrique/politique/rss/") == {
        f"section:{section.pk}",
        "site",
        f"article:{article.pk}",
    }
    assert tags_of(client, "/sitemap.xml") == {"listing:latest", "site"}
