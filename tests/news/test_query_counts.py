"""Each public page costs the same number of SQL queries with 10 or 1,000 articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news.models import ArticlePage, AuthorPage
from tests.factories import ArticlePageFactory, articles_bulk, section_get

pytestmark = pytest.mark.django_db

# The article page's budget: routing (3), the article and its bylines, tags,
# related box, comments (the rest of the first 11), then the author boxes,
# correction notes and live badges this session added (one each). Flat in the
# archive's size is the rule; this cap catches a new per-card query.
MAX_QUERIES = 14


def count_queries(client, url):
    client.get(url)  # Warm the per-process caches (site root paths, navigation).
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_query_counts_stay_flat_from_10_to_1000_articles(client, settings):
    # Count renders, not page-cache hits: the bulk inserts below fire no purge,
    # and once their pending marks expire (60 s on a slow machine) the cached
    # pages would be served with no query at all.
    settings.MANCHETTE_PAGE_CACHE = False
    politique = section_get("politique", "Politique")
    sport = section_get("sport", "Sport")
    article = ArticlePageFactory(
        section=politique, tags=["eau"], authors=["Nadia Alaoui"]
    )
    for section in (politique, sport):
        articles_bulk(section, 5, tag="eau")
    author = AuthorPage.objects.get()
    urls = [
        "/",
        "/politique/",
        article.url,
        "/sujets/eau/",
        author.url,
        "/politique/?page=2",
    ]

    small = {
        url: count_queries(client, url) for url in urls if url != "/politique/?page=2"
    }
    articles_bulk(section_get("politique"), 600, tag="eau")
    articles_bulk(section_get("sport"), 390, tag="eau")
    assert ArticlePage.objects.count() >= 1000
    large = {url: count_queries(client, url) for url in urls}

    for url, count in small.items():
        assert large[url] == count, (
            f"{url}: {count} queries with 10 articles, {large[url]} with 1,000"
        )
    for url in ("/", "/politique/", article.url):
        assert large[url] <= MAX_QUERIES, f"{url}: {large[url]} queries"


def test_editions_add_no_query_to_a_page(client, settings):
    """A French page costs as many queries with the Arabic and English editions
    live (language switcher, hreflang) as on a French-only site."""
    from manchette.news.models import HomePage
    from tests.news.test_editions import translate

    settings.MANCHETTE_PAGE_CACHE = False
    politique = section_get("politique", "Politique")
    article = ArticlePageFactory(
        section=politique, tags=["eau"], authors=["Nadia Alaoui"]
    )
    articles_bulk(politique, 5, tag="eau")
    urls = ["/", "/politique/", article.url]
    editions = (settings.MANCHETTE_EDITIONS, settings.LANGUAGES)
    settings.MANCHETTE_EDITIONS = ["fr"]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
    french_only = {url: count_queries(client, url) for url in urls}

    settings.MANCHETTE_EDITIONS, settings.LANGUAGES = editions
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    home = HomePage.objects.get()
    translate(home, "ar", title="الرئيسية")
    translate(home, "en", title="Home")
    translate(politique, "ar", title="سياسة", slug="سياسة")
    translate(article, "ar", title="مقال مترجم", slug="مقال-مترجم")
    with_editions = {url: count_queries(client, url) for url in urls}

    assert with_editions == french_only
    # The translation is linked (hreflang and the language switcher).
    assert 'hreflang="ar"' in client.get(article.url).content.decode()
