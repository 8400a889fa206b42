import re
from html import unescape

import feedparser
import pytest
from wagtail_factories import ImageFactory

from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db

FEEDS = [
    "/flux/rss/",
    "/flux/atom/",
    "/flux/rubrique/politique/rss/",
    "/flux/rubrique/politique/atom/",
    "/flux/sujet/diplomatie/rss/",
    "/flux/sujet/diplomatie/atom/",
    "/flux/auteur/salma-bennani/rss/",
    "/flux/auteur/salma-bennani/atom/",
]


@pytest.fixture
def article(section):
    article = ArticlePageFactory(
        title="La coopération « numérique » & l’école",
        summary="Deux pays signent un accord <important>.",
        tags=["diplomatie", "école"],
        authors=["Salma Bennani"],
    )
    article.featured_image = ImageFactory(title="Photo")
    article.save_revision().publish()
    return article


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return response, parsed


def test_every_feed_is_well_formed_with_every_field(client, article):
    for url in FEEDS:
        check_feed(client, article, url)


def check_feed(client, article, url):
    response, parsed = parse(client, url)
    is_atom = url.endswith("/atom/")
    assert parsed.version == ("atom10" if is_atom else "rss20")
    assert response["Content-Type"].startswith(
        "application/atom+xml" if is_atom else "application/rss+xml"
    )
    assert parsed.feed.link.startswith("http")
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == ["http://127.0.0.1:8000" + url]
    (entry,) = parsed.entries
    assert entry.title == "La coopération « numérique » & l’école"
    assert entry.link == "http://127.0.0.1:8000" + article.url
    assert unescape(entry.summary) == "Deux pays signent un accord <important>."
    assert entry.author == "Salma Bennani"
    assert entry.id == f"tag:127.0.0.1,2025:article:{article.pk}"
    assert {tag.term for tag in entry.tags} == {"Politique", "diplomatie", "école"}
    assert entry.published_parsed[:5] == article.first_published_at.utctimetuple()[:5]
    (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href.startswith("http://127.0.0.1:8000/media/original_images/")
    assert enclosure.type in {"image/jpeg", "image/png", "image/gif"}
    assert int(enclosure.length) > 0


def test_rss_dates_are_rfc_822_and_atom_dates_rfc_3339(client, article):
    rss = client.get("/flux/rss/").content.decode()
    atom = client.get("/flux/atom/").content.decode()
    rfc822 = r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}"
    assert re.search(f"<pubDate>{rfc822}</pubDate>", rss)
    rfc3339 = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})"
    assert re.search(f"<updated>{rfc3339}</updated>", atom)
    assert re.search(f"<published>{rfc3339}</published>", atom)


def test_feed_lists_newest_first_without_drafts(client, section):
    ArticlePageFactory(title="Ancien")
    ArticlePageFactory(title="Récent")
    ArticlePageFactory(title="Brouillon", publish=False)
    _, parsed = parse(client, "/flux/rss/")
    assert [entry.title for entry in parsed.entries] == ["Récent", "Ancien"]


def test_section_feed_only_holds_its_section(client, section):
    economie = section_get("economie", "Économie")
    ArticlePageFactory(title="Politique intérieure")
    ArticlePageFactory(title="Marchés", section=economie)
    _, parsed = parse(client, "/flux/rubrique/economie/rss/")
    assert [entry.title for entry in parsed.entries] == ["Marchés"]


def test_feed_without_article_is_still_valid(client, home):
    _, parsed = parse(client, "/flux/atom/")
    assert parsed.entries == []


@pytest.mark.parametrize(
    "url",
    [
        "/flux/rubrique/inconnue/rss/",
        "/flux/sujet/inconnu/atom/",
        "/flux/auteur/personne/rss/",
    ],
)
def test_unknown_feed_subjects_are_404(client, home, url):
    assert client.get(url).status_code == 404


def test_pages_announce_their_feeds(client, article):
    html = client.get(article.url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Manchette (RSS)" '
        'href="http://127.0.0.1:8000/flux/rss/">' in html
    )
    assert 'href="http://127.0.0.1:8000/flux/rubrique/politique/atom/"' in html
    section_html = client.get("/politique/").content.decode()
    assert 'href="http://127.0.0.1:8000/flux/rubrique/politique/rss/"' in section_html
    author_html = client.get("/auteurs/salma-bennani/").content.decode()
    assert 'href="http://127.0.0.1:8000/flux/auteur/salma-bennani/rss/"' in author_html
    tag_html = client.get("/sujets/diplomatie/").content.decode()
    assert 'href="http://127.0.0.1:8000/flux/sujet/diplomatie/atom/"' in tag_html
