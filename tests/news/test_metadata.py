import re

import extruct
import lxml.html
import pytest
from wagtail_factories import ImageFactory

from manchette.core.models import SiteIdentity
from manchette.news.metadata import json_ld
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ROOT = "http://127.0.0.1:8000"


def extract(html):
    return extruct.extract(
        html, base_url=ROOT + "/", syntaxes=["json-ld", "opengraph"], uniform=True
    )


def by_type(data, kind):
    return [item for item in data["json-ld"] if item.get("@type") == kind]


def meta(html, attribute, name):
    found = re.findall(
        rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html
    )
    return found


@pytest.fixture
def article(section):
    identity = SiteIdentity.for_site(section.get_site())
    identity.publisher_name = "Le Quotidien"
    identity.logo = ImageFactory(title="Logo")
    identity.save()
    article = ArticlePageFactory(
        title="Accord </script><script>alert(1)</script> & co",
        summary="Deux pays signent un accord. Il couvre la formation.",
        tags=["diplomatie", "transition numérique"],
        authors=["Salma Bennani", "Karim Alaoui"],
    )
    article.featured_image = ImageFactory(title="Photo")
    article.save_revision().publish()
    return article


def test_article_has_news_article_json_ld(client, article):
    html = client.get(article.url).content.decode()
    (data,) = by_type(extract(html), "NewsArticle")
    url = ROOT + article.url
    assert data["headline"] == article.title
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["datePublished"].startswith(
        article.first_published_at.astimezone().date().isoformat()[:4]
    )
    assert data["dateModified"] >= data["datePublished"][:10]
    assert [author["name"] for author in data["author"]] == [
        "Salma Bennani",
        "Karim Alaoui",
    ]
    assert data["author"][0]["url"] == f"{ROOT}/auteurs/salma-bennani/"
    assert data["publisher"]["name"] == "Le Quotidien"
    assert data["publisher"]["logo"]["url"].startswith(f"{ROOT}/media/images/")
    assert data["image"][0].startswith(f"{ROOT}/media/images/")
    assert data["articleSection"] == "Politique"
    assert data["keywords"] == ["diplomatie", "transition numérique"]
    assert data["inLanguage"] == "fr"
    assert data["description"] == article.summary


def test_json_ld_cannot_close_its_script_element(client, article):
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld({"a": "</script>&"}) == (
        '<script type="application/ld+json">{"a": "\\u003C/script\\u003E\\u0026"}'
        "</script>"
    )


def test_breadcrumb_json_ld_matches_the_visible_breadcrumb(client, article):
    html = client.get(article.url).content.decode()
    (data,) = by_type(extract(html), "BreadcrumbList")
    tree = lxml.html.fromstring(html)
    visible = [
        node.text_content()
        for node in tree.xpath(
            '//nav[@class="breadcrumb"]//li/*[self::a or @aria-current="page"]'
        )
    ]
    assert [item["name"] for item in data["itemListElement"]] == visible
    assert visible[-1] == article.title
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
    assert data["itemListElement"][0]["item"] == f"{ROOT}/"
    assert data["itemListElement"][1]["item"] == f"{ROOT}/politique/"


def test_article_has_open_graph_twitter_canonical_and_description(client, article):
    html = client.get(article.url).content.decode()
    url = ROOT + article.url
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "name", "description") == [
        "Deux pays signent un accord. Il couvre la formation."
    ]
    og = dict(extract(html)["opengraph"][0])
    assert og["@type"] == "article"
    assert og["og:url"] == url
    assert og["og:site_name"] == "Le Quotidien"
    assert og["og:image"].startswith(f"{ROOT}/media/images/")
    assert meta(html, "property", "article:tag") == [
        "diplomatie",
        "transition numérique",
    ]
    assert meta(html, "property", "article:section") == ["Politique"]
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    assert len(meta(html, "name", "twitter:title")) == 1


def test_section_and_home_pages_carry_their_own(client, article):
    home = client.get("/").content.decode()
    data = extract(home)
    (website,) = by_type(data, "WebSite")
    assert website["url"] == f"{ROOT}/"
    assert website["potentialAction"]["target"]["urlTemplate"] == (
        f"{ROOT}/recherche/?q={{search_term_string}}"
    )
    assert f'<link rel="canonical" href="{ROOT}/">' in home
    assert data["opengraph"][0]["@type"] == "website"

    section = client.get("/politique/").content.decode()
    data = extract(section)
    (collection,) = by_type(data, "CollectionPage")
    assert collection["name"] == "Politique"
    (crumbs,) = by_type(data, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Accueil",
        "Politique",
    ]
    assert f'<link rel="canonical" href="{ROOT}/politique/">' in section


def test_tag_page_canonical_is_the_tag_url(client, article):
    html = client.get("/sujets/diplomatie/").content.decode()
    assert f'<link rel="canonical" href="{ROOT}/sujets/diplomatie/">' in html
    (crumbs,) = by_type(extract(html), "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == "diplomatie"
