"""Search per edition: each edition searches its own articles, stemmed in its
language on PostgreSQL (``french``, ``arabic``, ``english`` configurations),
with Arabic spelling variants folded on every database."""

from urllib.parse import quote

import lxml.html
import pytest
from django.db import connection

from manchette.news.models import ArticlePage, HomePage
from manchette.news.services import section_ensure
from tests.factories import ArticlePageFactory
from tests.news.test_editions import translate

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming comes from PostgreSQL's text search configurations",
)


@pytest.fixture
def editions(section):
    """The Arabic and English editions, each with one section."""
    home = HomePage.objects.get()
    home_ar = translate(home, "ar", title="الرئيسية")
    home_en = translate(home, "en", title="Home")
    return {
        "ar": section_ensure(home=home_ar, slug="سياسة", title="سياسة"),
        "en": section_ensure(home=home_en, slug="politics", title="Politics"),
    }


def found(client, prefix: str, query: str) -> list[str]:
    response = client.get(f"{prefix}/recherche/?q={quote(query)}")
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content.decode())
    return root.xpath("//main//h2//a/@href")


@postgres_only
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("elections", "The election was held on Sunday."),
        ("policy", "New policies for the coast."),
        ("cities", "A city without cars."),
        ("running", "He runs the port."),
    ],
)
def test_english_search_is_stemmed_in_english(client, editions, query, text):
    article = ArticlePageFactory(section=editions["en"], title=text)
    ArticlePageFactory(section=editions["en"], title="Something else entirely.")
    assert found(client, "/en", query) == [article.url]


@postgres_only
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("الانتخابات", "جرى الانتخاب يوم الأحد."),
        ("الانتخابات", "جرى الإنتخاب يوم الأحد."),
        ("الاِنْتِخَابَاتُ", "جرى الانتخاب يوم الأحد."),
        ("المدرسة", "افتتاح مدرسة جديدة."),
        ("مدرسه", "افتتاح المدرسة الجديدة."),
        ("رقمي", "المنصات الرقميّة للإدارة."),
    ],
)
def test_arabic_search_is_stemmed_in_arabic(client, editions, query, text):
    article = ArticlePageFactory(section=editions["ar"], title=text)
    ArticlePageFactory(section=editions["ar"], title="خبر آخر لا علاقة له.")
    assert found(client, "/ar", query) == [article.url]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("الرقمية", "المنصات الرقميّة للإدارة."),
        ("الرّقميّة", "المنصات الرقمية للإدارة."),
        ("اقتصاد", "إقتصاد المغرب."),
        ("الحكومة", "الحكومه تجتمع."),
        ("مصطفى", "قال مصطفي ذلك."),
    ],
)
def test_arabic_search_folds_spelling_variants_on_every_database(
    client, editions, query, text
):
    article = ArticlePageFactory(section=editions["ar"], title=text)
    assert found(client, "/ar", query) == [article.url]


def test_french_search_keeps_working_beside_the_other_editions(client, editions):
    french = ArticlePageFactory(title="Les élections régionales approchent")
    ArticlePageFactory(section=editions["en"], title="Regional elections are near")
    assert found(client, "", "élections") == [french.url]
    if connection.vendor == "postgresql":
        assert found(client, "", "election regionale") == [french.url]


@postgres_only
def test_wagtail_search_finds_every_edition(editions):
    """Wagtail's own searches (the admin's) match words of any language."""
    arabic = ArticlePageFactory(section=editions["ar"], title="جرى الانتخاب يوم الأحد.")
    english = ArticlePageFactory(section=editions["en"], title="New policies today.")
    french = ArticlePageFactory(title="Les présidentes se réunissent")
    assert [page.pk for page in ArticlePage.objects.search("الانتخابات")] == [arabic.pk]
    assert [page.pk for page in ArticlePage.objects.search("policy")] == [english.pk]
    assert [page.pk for page in ArticlePage.objects.search("présidente")] == [french.pk]
