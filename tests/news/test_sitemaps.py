from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from lxml import etree

from manchette.news import sitemaps
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ROOT = "http://127.0.0.1:8000"


@pytest.fixture
def schemas(shared_dir):
    folder = shared_dir / "xsd"
    return {
        name: etree.XMLSchema(etree.parse(str(folder / f"{name}.xsd")))
        for name in ("siteindex", "sitemap", "news-sitemap-all")
    }


def fetch(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    return document


def test_index_names_every_sitemap_and_each_validates(client, section, schemas):
    ArticlePageFactory(title="Hier", published_at=timezone.now() - timedelta(hours=5))
    index = fetch(client, "/sitemap.xml", schemas["siteindex"])
    locs = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    assert locs[:2] == [f"{ROOT}/sitemap-pages.xml", f"{ROOT}/sitemap-news.xml"]
    assert locs[2].startswith(f"{ROOT}/sitemap-articles-")
    for loc in locs:
        fetch(client, loc.removeprefix(ROOT), schemas["news-sitemap-all"])


def test_article_sitemap_lists_live_articles_with_lastmod(client, section, schemas):
    article = ArticlePageFactory(title="Publié")
    draft = ArticlePageFactory(title="Brouillon", publish=False)
    chunk = article.pk // sitemaps.CHUNK_SIZE
    document = fetch(client, f"/sitemap-articles-{chunk}.xml", schemas["sitemap"])
    urls = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in document.xpath("//sm:url", namespaces=NS)
    }
    assert f"{ROOT}{article.url}" in urls
    assert f"{ROOT}/politique/{draft.slug}/" not in urls
    assert datetime.fromisoformat(urls[f"{ROOT}{article.url}"]) == (
        article.last_published_at.replace(microsecond=0)
    )


def test_index_lastmod_is_the_newest_change_of_each_chunk(client, section, schemas):
    ArticlePageFactory(title="Un")
    second = ArticlePageFactory(title="Deux")
    index = fetch(client, "/sitemap.xml", schemas["siteindex"])
    (lastmod,) = index.xpath(
        "//sm:sitemap[contains(sm:loc, 'articles')]/sm:lastmod/text()", namespaces=NS
    )
    assert datetime.fromisoformat(lastmod) == second.last_published_at.replace(
        microsecond=0
    )


def test_article_chunks_never_exceed_the_chunk_size(client, section, settings):
    first = ArticlePageFactory(title="Un")
    ArticlePageFactory(title="Deux")
    ArticlePageFactory(title="Trois")
    original = sitemaps.CHUNK_SIZE
    sitemaps.CHUNK_SIZE = 2
    try:
        index = etree.fromstring(client.get("/sitemap.xml").content)
        locs = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
        chunk_urls = [loc for loc in locs if "articles" in loc]
        counts = [
            len(
                etree.fromstring(client.get(loc.removeprefix(ROOT)).content).xpath(
                    "//sm:url", namespaces=NS
                )
            )
            for loc in chunk_urls
        ]
    finally:
        sitemaps.CHUNK_SIZE = original
    assert sum(counts) == 3
    assert max(counts) <= 2
    assert chunk_urls[0] == f"{ROOT}/sitemap-articles-{first.pk // 2}.xml"


def test_unknown_article_chunk_is_404(client, home):
    assert client.get("/sitemap-articles-999999.xml").status_code == 404


def test_pages_sitemap_holds_home_and_indexes(client, section, schemas):
    document = fetch(client, "/sitemap-pages.xml", schemas["sitemap"])
    locs = document.xpath("//sm:loc/text()", namespaces=NS)
    assert f"{ROOT}/" in locs
    assert f"{ROOT}/sujets/" in locs
    # Sections have a sitemap of their own.
    assert f"{ROOT}/politique/" not in locs


def sitemap_urls(client, url, schema) -> dict[str, datetime | None]:
    document = fetch(client, url, schema)
    return {
        url.findtext("sm:loc", namespaces=NS): (
            datetime.fromisoformat(url.findtext("sm:lastmod", namespaces=NS))
            if url.findtext("sm:lastmod", namespaces=NS)
            else None
        )
        for url in document.xpath("//sm:url", namespaces=NS)
    }


def test_sections_authors_and_tags_have_sitemaps_dated_by_newest_article(
    client, section, schemas
):
    economie = section_get("economie", "Économie")
    now = timezone.now()
    old = ArticlePageFactory(
        title="Ancien",
        section=economie,
        tags=["budget"],
        authors=["Salma Bennani"],
        published_at=now - timedelta(days=30),
    )
    newest = ArticlePageFactory(
        title="Récent",
        section=section,
        tags=["budget", "climat"],
        authors=["Salma Bennani", "Karim Alaoui"],
        published_at=now - timedelta(days=1),
    )
    # Created last but published before ``newest``: the newest article wins,
    # not the last row of the tree or of an author's links.
    ArticlePageFactory(
        title="Rattrapage",
        section=section,
        tags=["climat"],
        authors=["Karim Alaoui", "Salma Bennani"],
        published_at=now - timedelta(days=10),
    )
    draft = ArticlePageFactory(
        title="Brouillon", section=economie, tags=["secret"], publish=False
    )
    assert draft.live is False
    index = fetch(client, "/sitemap.xml", schemas["siteindex"])
    entries = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext(
            "sm:lastmod", namespaces=NS
        )
        for entry in index.xpath("//sm:sitemap", namespaces=NS)
    }
    urls = {}
    for kind in ("sections", "authors", "tags"):
        loc = f"{ROOT}/sitemap-{kind}-0.xml"
        assert loc in entries, kind
        kind_urls = sitemap_urls(client, loc.removeprefix(ROOT), schemas["sitemap"])
        # The index dates each chunk by its newest entry.
        assert datetime.fromisoformat(entries[loc]) == max(kind_urls.values())
        urls.update(kind_urls)

    def date(article):
        return article.last_published_at.replace(microsecond=0)

    assert urls[f"{ROOT}/sujets/budget/"] == date(newest)
    assert urls[f"{ROOT}/sujets/climat/"] == date(newest)
    assert f"{ROOT}/sujets/secret/" not in urls
    assert urls[f"{ROOT}/auteurs/salma-bennani/"] == date(newest)
    assert urls[f"{ROOT}/auteurs/karim-alaoui/"] == date(newest)
    assert urls[f"{ROOT}/politique/"] == date(newest)
    assert urls[f"{ROOT}/economie/"] == date(old)


def test_listing_sitemaps_are_chunked_by_id(client, section, schemas):
    economie = section_get("economie", "Économie")
    ArticlePageFactory(section=economie)
    original = sitemaps.CHUNK_SIZE
    sitemaps.CHUNK_SIZE = 1
    try:
        index = fetch(client, "/sitemap.xml", schemas["siteindex"])
        locs = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
        chunks = [loc for loc in locs if "sitemap-sections-" in loc]
        assert chunks == [
            f"{ROOT}/sitemap-sections-{section.pk}.xml",
            f"{ROOT}/sitemap-sections-{economie.pk}.xml",
        ]
        for loc in chunks:
            urls = sitemap_urls(client, loc.removeprefix(ROOT), schemas["sitemap"])
            assert len(urls) == 1
    finally:
        sitemaps.CHUNK_SIZE = original
    assert client.get("/sitemap-sections-999999.xml").status_code == 404
    assert client.get("/sitemap-unknown-0.xml").status_code == 404


def test_news_sitemap_keeps_the_last_48_hours(client, section, schemas):
    now = timezone.now()
    fresh = ArticlePageFactory(
        title="Séisme : « bilan » & secours", published_at=now - timedelta(hours=3)
    )
    ArticlePageFactory(title="Trop ancien", published_at=now - timedelta(hours=49))
    document = fetch(client, "/sitemap-news.xml", schemas["news-sitemap-all"])
    (entry,) = document.xpath("//sm:url", namespaces=NS)
    assert entry.findtext("sm:loc", namespaces=NS) == f"{ROOT}{fresh.url}"
    news = entry.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Manchette"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "fr"
    assert news.findtext("news:title", namespaces=NS) == "Séisme : « bilan » & secours"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published.endswith("+00:00")
    assert datetime.fromisoformat(published) == fresh.first_published_at.replace(
        microsecond=0
    )


def test_news_sitemap_caps_at_limit(client, section, schemas):
    original = sitemaps.NEWS_LIMIT
    for hours in range(3):
        ArticlePageFactory(published_at=timezone.now() - timedelta(hours=hours + 1))
    sitemaps.NEWS_LIMIT = 2
    try:
        document = fetch(client, "/sitemap-news.xml", schemas["news-sitemap-all"])
    finally:
        sitemaps.NEWS_LIMIT = original
    assert len(document.xpath("//sm:url", namespaces=NS)) == 2


def test_robots_txt_names_the_sitemaps(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: {ROOT}/sitemap.xml" in text
    assert f"Sitemap: {ROOT}/sitemap-news.xml" in text
    # Every other sitemap is named by the index, which robots.txt names.
    assert text.count("Sitemap: ") == 2
    assert "Disallow: /admin/" in text
