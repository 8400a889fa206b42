"""Translations: Arabic pages under /ar/ made with Wagtail's copy_for_translation,
hreflang links between the versions, and listings that never mix languages."""

import json
import re

import extruct
import feedparser
import lxml.html
import pytest
from lxml import etree
from wagtail.models import Locale

from manchette.news.models import ArticlePage, HomePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ROOT = "http://127.0.0.1:8000"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def translate(page, code: str, **fields):
    """Return ``page`` translated into ``code`` with ``fields`` changed, published."""
    # get_or_create: a transactional test elsewhere may have flushed the locales.
    locale, _ = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@pytest.fixture
def bilingual(section):
    """A French article and its Arabic translation (with the home page and section
    translated first, as an editor would), plus an untranslated French article.
    """
    from django.utils import timezone

    article = ArticlePageFactory(
        title="Le budget de l’eau",
        summary="Le budget de l’eau augmente.",
        tags=["climat"],
        published_at=timezone.now(),
    )
    alone = ArticlePageFactory(title="Article sans traduction", tags=["climat"])
    home = HomePage.objects.get()
    home_ar = translate(home, "ar", title="الرئيسية")
    section_ar = translate(section, "ar", title="سياسة")
    article_ar = translate(
        ArticlePage.objects.get(pk=article.pk),
        "ar",
        title="ميزانية الماء",
        summary="ترتفع ميزانية الماء.",
    )
    return {
        "article": article,
        "alone": alone,
        "home_ar": home_ar,
        "section_ar": section_ar,
        "article_ar": article_ar,
    }


def alternates(html: str) -> dict[str, str]:
    tree = lxml.html.fromstring(html)
    links = tree.xpath('//head/link[@rel="alternate"][@hreflang]')
    found = {link.get("hreflang"): link.get("href") for link in links}
    assert len(found) == len(links), "one link per language"
    return found


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_translation_is_served_under_its_language_prefix(client, bilingual):
    article_ar = bilingual["article_ar"]
    assert article_ar.url == "/ar/politique/" + article_ar.slug + "/"
    assert article_ar.section_id == bilingual["section_ar"].pk
    html = get(client, article_ar.url)
    root = lxml.html.fromstring(html)
    assert root.get("lang") == "ar"
    assert root.get("dir") == "rtl"
    assert "ميزانية الماء" in html
    # French pages keep their URLs, without a prefix, left to right.
    french = lxml.html.fromstring(get(client, bilingual["article"].url))
    assert bilingual["article"].url.startswith("/politique/")
    assert (french.get("lang"), french.get("dir")) == ("fr", "ltr")


def test_article_versions_link_to_each_other(client, bilingual):
    fr_url = ROOT + bilingual["article"].url
    ar_url = ROOT + bilingual["article_ar"].url
    expected = {"fr": fr_url, "ar": ar_url, "x-default": fr_url}
    assert alternates(get(client, bilingual["article"].url)) == expected
    assert alternates(get(client, bilingual["article_ar"].url)) == expected


def test_section_and_home_versions_link_to_each_other(client, bilingual):
    expected = {
        "fr": f"{ROOT}/politique/",
        "ar": f"{ROOT}/ar/politique/",
        "x-default": f"{ROOT}/politique/",
    }
    assert alternates(get(client, "/politique/")) == expected
    assert alternates(get(client, "/ar/politique/")) == expected
    home = {"fr": f"{ROOT}/", "ar": f"{ROOT}/ar/", "x-default": f"{ROOT}/"}
    assert alternates(get(client, "/")) == home
    assert alternates(get(client, "/ar/")) == home


def test_untranslated_page_has_no_hreflang(client, bilingual):
    assert alternates(get(client, bilingual["alone"].url)) == {}


def test_unpublished_translation_is_not_announced(client, bilingual):
    bilingual["article_ar"].unpublish()
    assert alternates(get(client, bilingual["article"].url)) == {}


def test_json_ld_language_follows_the_page(client, bilingual):
    def in_language(url, kind):
        data = extruct.extract(get(client, url), syntaxes=["json-ld"], uniform=True)
        return [item["inLanguage"] for item in data["json-ld"] if item["@type"] == kind]

    assert in_language(bilingual["article_ar"].url, "NewsArticle") == ["ar"]
    assert in_language(bilingual["article"].url, "NewsArticle") == ["fr"]
    assert in_language("/ar/politique/", "CollectionPage") == ["ar"]
    assert in_language("/ar/", "WebSite") == ["ar"]
    assert in_language("/", "WebSite") == ["fr"]


def test_listings_do_not_mix_languages(client, bilingual):
    article_ar = bilingual["article_ar"]
    french_home = get(client, "/")
    arabic_home = get(client, "/ar/")
    assert article_ar.title not in french_home
    assert f'href="{article_ar.url}"' in arabic_home
    assert f'href="{bilingual["article"].url}"' not in arabic_home
    assert article_ar.title not in get(client, "/sujets/climat/")
    # Navigation and breadcrumb of an Arabic page point at Arabic pages.
    tree = lxml.html.fromstring(get(client, article_ar.url))
    assert tree.xpath('//nav[@class="site-nav"]//a/@href') == ["/ar/politique/"]
    # Feeds are French; search looks in French articles.
    for url in ("/flux/rss/", "/flux/rubrique/politique/rss/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        titles = [entry.title for entry in feed.entries]
        assert "Le budget de l’eau" in titles
        assert article_ar.title not in titles
    results = get(client, "/recherche/?q=" + "ميزانية")
    assert article_ar.url not in results


def test_api_lists_one_language_at_a_time(client, bilingual):
    french = json.loads(client.get("/api/articles").content)
    assert {item["language"] for item in french["results"]} == {"fr"}
    arabic = json.loads(client.get("/api/articles?language=ar").content)
    assert [item["id"] for item in arabic["results"]] == [bilingual["article_ar"].pk]
    assert arabic["results"][0]["url"] == ROOT + bilingual["article_ar"].url
    section = json.loads(client.get("/api/sections/politique?language=ar").content)
    assert (section["title"], section["language"]) == ("سياسة", "ar")
    response = client.get("/api/articles?language=xx")
    assert response.status_code == 400


def test_sitemaps_list_every_language_with_its_url(
    client, bilingual, shared_dir, sitemap_alternates_schema
):
    folder = shared_dir / "xsd"
    # Translated pages carry xhtml:link alternates (test_editions.py).
    sitemap = sitemap_alternates_schema
    news = etree.XMLSchema(etree.parse(str(folder / "news-sitemap-all.xsd")))
    article_ar = bilingual["article_ar"]
    chunk = article_ar.pk // 50_000
    document = etree.fromstring(client.get(f"/sitemap-articles-{chunk}.xml").content)
    sitemap.assertValid(document)
    locs = document.xpath("//sm:loc/text()", namespaces=NS)
    assert ROOT + article_ar.url in locs
    assert ROOT + bilingual["article"].url in locs
    document = etree.fromstring(client.get("/sitemap-sections-0.xml").content)
    sitemap.assertValid(document)
    assert f"{ROOT}/ar/politique/" in document.xpath("//sm:loc/text()", namespaces=NS)
    document = etree.fromstring(client.get("/sitemap-news.xml").content)
    news.assertValid(document)
    languages = {
        url.findtext("sm:loc", namespaces=NS): url.findtext(
            "news:news/news:publication/news:language", namespaces=NS
        )
        for url in document.xpath("//sm:url", namespaces=NS)
    }
    assert languages[ROOT + article_ar.url] == "ar"
    assert languages[ROOT + bilingual["article"].url] == "fr"


def test_french_urls_ignore_the_browser_language(client, bilingual):
    html = client.get("/politique/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert re.search(r'<html lang="fr" dir="ltr">', html)


def test_publishing_a_translation_invalidates_the_pages_showing_it(client, bilingual):
    from manchette.core.pagecache import cache_tags
    from manchette.core.pagecache.fragments import tag_versions

    article_ar = bilingual["article_ar"]
    tag = f"article:{article_ar.pk}"
    for path in (article_ar.url, "/ar/politique/", "/ar/"):
        assert tag in cache_tags(client.get(path).wsgi_request), path
    before = tag_versions([tag, "site"])
    page = ArticlePage.objects.get(pk=article_ar.pk)
    page.title = "عنوان جديد"
    page.save_revision().publish()
    after = tag_versions([tag, "site"])
    assert after[tag] != before[tag]
    # Arabic already had live pages: the site-wide values stay.
    assert after["site"] == before["site"]


def test_publishing_a_translation_purges_its_pages(
    purges, bilingual, django_capture_on_commit_callbacks
):
    from django.test import Client

    from tests.pagecache import shown_tags

    article_ar = bilingual["article_ar"]
    reader = Client()
    shown = {
        path: shown_tags(path) for path in (article_ar.url, "/ar/politique/", "/ar/")
    }
    page = ArticlePage.objects.get(pk=article_ar.pk)
    page.title = "عنوان جديد"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    for path in (article_ar.url, "/ar/politique/", "/ar/"):
        response = reader.get(path)
        assert shown[path] & purges.tags(), path
        assert "عنوان جديد" in response.content.decode(), path


def test_an_edition_front_shows_only_its_own_picks_and_most_read(client, bilingual):
    from django.utils import timezone

    from manchette.news.models import HomePagePick
    from manchette.newsletter.models import ArticleReadHour

    home_ar = bilingual["home_ar"]
    # A pick left in French (no Arabic counterpart yet) and a French article read
    # most: neither belongs on the Arabic front.
    HomePagePick.objects.create(page=home_ar, article=bilingual["alone"], sort_order=0)
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    ArticleReadHour.objects.create(article=bilingual["alone"], hour=hour, count=50)

    html = client.get("/ar/").content.decode()
    assert "ميزانية الماء" in html
    assert "Article sans traduction" not in html
