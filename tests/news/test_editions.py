"""Editions: French at /, Arabic at /ar/, English at /en/, each with its own pages;
an edition without pages (or switched off) answers 404, never another language."""

from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest
from wagtail.models import Locale

from manchette.news.models import ArticlePage, HomePage
from manchette.news.services import section_ensure
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def translate(page, code: str, **fields):
    """Return ``page`` translated into ``code`` with ``fields`` changed, published."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@pytest.fixture
def arabic(section):
    """An Arabic edition: its home page, an Arabic section and one Arabic article."""
    home_ar = translate(HomePage.objects.get(), "ar", title="الرئيسية")
    economy = section_ensure(home=home_ar, slug="اقتصاد", title="اقتصاد")
    article = ArticlePageFactory(
        section=economy,
        title="الرقمنة تغير وجه الإدارة المغربية",
        summary="تسرع الإدارة المغربية رقمنة خدماتها.",
        paragraphs=["تعتمد الإدارات العمومية على المنصات الرقميّة لتقريب الخدمات."],
        published_at=datetime(2024, 5, 7, 10, tzinfo=ZoneInfo("Africa/Casablanca")),
    )
    return {"home": home_ar, "section": economy, "article": article}


def html_of(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def test_an_edition_without_pages_answers_404(client, section):
    ArticlePageFactory(title="Un article français")
    assert client.get("/").status_code == 200
    for url in ("/ar/", "/en/", "/ar/politique/", "/en/flux/rss/", "/en/recherche/"):
        assert client.get(url).status_code == 404, url


def test_each_edition_serves_its_own_home_and_sections(client, arabic):
    root = html_of(client, "/ar/")
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert arabic["article"].title in root.text_content()
    assert html_of(client, "/").get("lang") == "fr"
    # An Arabic URL under the French tree is not found, and the reverse.
    assert client.get("/اقتصاد/").status_code == 404
    assert client.get("/en/").status_code == 404


def test_an_edition_switched_off_answers_404(client, arabic, settings):
    settings.MANCHETTE_EDITIONS = ["fr", "en"]
    settings.LANGUAGES = [("fr", "Français"), ("en", "English")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    assert client.get("/ar/").status_code == 404
    assert client.get(arabic["article"].url).status_code == 404
    assert client.get("/").status_code == 200


def test_arabic_slugs_stay_arabic(client, arabic):
    article = ArticlePage.objects.get(pk=arabic["article"].pk)
    assert article.slug == "الرقمنة-تغير-وجه-الإدارة-المغربية"
    # Percent-encoded on the wire, as browsers send it.
    assert article.url == quote(f"/ar/اقتصاد/{article.slug}/")
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_french_and_english_slugs_stay_ascii(section):
    french = ArticlePageFactory(title="L’économie à Fès")
    assert french.slug == "l-economie-a-fes"
    french.slug = "été-à-fès"
    french.save()
    assert ArticlePage.objects.get(pk=french.pk).slug == "ete-a-fes"


def test_arabic_reading_time_uses_the_arabic_rate(arabic, section):
    words = ["كلمة"] * 106
    arabic_article = ArticlePageFactory(
        section=arabic["section"], title="مقال طويل", paragraphs=[" ".join(words)]
    )
    french = ArticlePageFactory(title="Article long", paragraphs=[" ".join(words)])
    # 106 words: two minutes at 105 words per minute, one at 150.
    assert arabic_article.reading_minutes == 2
    assert french.reading_minutes == 1


def test_feeds_are_per_edition(client, arabic):
    ArticlePageFactory(title="Un article français")
    feed = feedparser.parse(client.get("/ar/flux/rss/").content)
    assert not feed.bozo
    assert feed.feed.language == "ar"
    assert [entry.title for entry in feed.entries] == [arabic["article"].title]
    french = feedparser.parse(client.get("/flux/rss/").content)
    assert french.feed.language == "fr"
    assert "Un article français" in [entry.title for entry in french.entries]
    assert arabic["article"].title not in [entry.title for entry in french.entries]
    section = feedparser.parse(
        client.get(quote("/ar/flux/rubrique/اقتصاد/rss/")).content
    )
    assert [entry.title for entry in section.entries] == [arabic["article"].title]


@pytest.mark.parametrize(
    ("query", "text"),
    [("الرقمية", "الرقميّة"), ("اقتصاد", "إقتصاد"), ("مدرسة", "مـــدرسه")],
)
def test_arabic_search_ignores_spelling_variants(client, arabic, query, text):
    found = ArticlePageFactory(
        section=arabic["section"],
        title="خبر للبحث",
        paragraphs=[f"نص يذكر {text} في جملة."],
    )
    root = html_of(client, "/ar/recherche/?q=" + quote(query))
    links = root.xpath("//main//a/@href")
    assert found.url in links
    # The French edition's search does not show Arabic articles.
    root = html_of(client, "/recherche/?q=" + quote(query))
    assert found.url not in root.xpath("//main//a/@href")


def render_switcher(rf, page, language):
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get("/")
    with translation.override(language):
        html = render_to_string(
            "includes/language_switcher.html", {"page": page, "request": request}
        )
    return lxml.html.fromstring(f"<div>{html}</div>")


def test_language_switcher_links_to_the_translation_or_the_edition_home(
    rf, arabic, section
):
    translate(section, "ar", title="سياسة")
    french = ArticlePageFactory(title="Un article français")
    french_ar = translate(
        ArticlePage.objects.get(pk=french.pk), "ar", title="مقال مترجم"
    )
    links = render_switcher(rf, ArticlePage.objects.get(pk=french.pk), "fr").xpath(
        "//a"
    )
    assert [(a.get("lang"), a.get("href"), a.text) for a in links] == [
        ("ar", french_ar.url, "العربية")
    ]
    # Untranslated: the other edition's home page.
    links = render_switcher(rf, arabic["article"], "ar").xpath("//a")
    assert [(a.get("lang"), a.get("href")) for a in links] == [("fr", "/")]


def test_arabic_dates_use_moroccan_month_names_and_western_digits(client, arabic):
    html = client.get(arabic["article"].url).content.decode()
    assert "7 ماي 2024" in html
    assert "مايو" not in html


@pytest.mark.parametrize(
    ("month", "name"), [(7, "يوليوز"), (8, "غشت"), (9, "شتنبر"), (12, "دجنبر")]
)
def test_every_moroccan_month_name(month, name):
    from django.utils import translation
    from django.utils.dateformat import format as date_format

    with translation.override("ar"):
        assert date_format(datetime(2024, month, 29), "j F Y") == f"29 {name} 2024"


def test_english_dates_read_day_month_year(client, section):
    home_en = translate(HomePage.objects.get(), "en", title="Home")
    business = section_ensure(home=home_en, slug="business", title="Business")
    article = ArticlePageFactory(
        section=business,
        title="Rabat tram line opens",
        published_at=datetime(2024, 10, 29, 9, tzinfo=ZoneInfo("Africa/Casablanca")),
    )
    html = client.get(article.url).content.decode()
    assert "29 October 2024" in html


def test_arabic_pages_show_the_interface_in_arabic(client, arabic):
    root = html_of(client, arabic["article"].url)
    text = root.text_content()
    for french in ("En bref", "Temps de lecture", "Rechercher", "Aller au contenu"):
        assert french not in text, french
    assert "باختصار" in text
    assert "الانتقال إلى المحتوى" in text


def test_sitemaps_link_translations_to_each_other(
    client, arabic, section, sitemap_alternates_schema
):
    from lxml import etree

    section_ar = translate(section, "ar", title="سياسة")
    french = ArticlePageFactory(title="Un article traduit")
    french_ar = translate(ArticlePage.objects.get(pk=french.pk), "ar", title="مقال")
    root = "http://127.0.0.1:8000"
    ns = {
        "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }

    def links(url, loc):
        document = etree.fromstring(client.get(url).content)
        sitemap_alternates_schema.assertValid(document)
        (entry,) = document.xpath(f'//sm:url[sm:loc="{loc}"]', namespaces=ns)
        return {
            link.get("hreflang"): link.get("href")
            for link in entry.xpath("x:link", namespaces=ns)
        }

    expected = {"fr": root + french.url, "ar": root + french_ar.url}
    chunk = french.pk // 50_000
    assert links(f"/sitemap-articles-{chunk}.xml", root + french.url) == expected
    assert links(f"/sitemap-articles-{chunk}.xml", root + french_ar.url) == expected
    assert links(f"/sitemap-articles-{chunk}.xml", root + arabic["article"].url) == {}
    assert links("/sitemap-pages.xml", root + "/ar/") == {
        "fr": root + "/",
        "ar": root + "/ar/",
    }
    assert links("/sitemap-sections-0.xml", root + section_ar.url) == {
        "fr": root + section.url,
        "ar": root + section_ar.url,
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "29 octobre 2024 à 14:05"),
        ("ar", "29 أكتوبر 2024، 14:05"),
        ("en", "29 October 2024, 14:05"),
    ],
)
def test_each_edition_has_its_datetime_format(language, expected):
    from django.utils import formats, translation

    with translation.override(language):
        moment = datetime(2024, 10, 29, 14, 5)
        assert formats.date_format(moment, "DATETIME_FORMAT") == expected


def test_the_french_tagline_stays_off_the_other_editions(client, arabic):
    from wagtail.models import Site

    from manchette.core.models import SiteIdentity

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.tagline = "L’actualité sans détour"
    identity.save()

    assert "L’actualité sans détour" in client.get("/").content.decode()
    assert "L’actualité sans détour" not in client.get("/ar/").content.decode()
