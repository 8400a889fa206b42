"""The rail beside section, tag, author and search listings: "Dernières infos",
"Les plus lus" and the newsletter box (rendered HTML through the page cache).
"""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from manchette.news.models import AuthorPage
from manchette.newsletter.models import ArticleReadHour
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


def rail(html: str) -> str:
    match = re.search(r'<aside class="rail".*?</aside>', html, flags=re.S)
    assert match, "no rail"
    return match.group(0)


def block_titles(html: str, title_id: str) -> list[str]:
    match = re.search(
        rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', html, flags=re.S
    )
    assert match, f"no block {title_id}"
    return [unescape(t) for t in re.findall(r"<a [^>]*>([^<]+)</a>", match.group(0))]


@pytest.fixture
def newsroom(home):
    politique = section_get("politique", "Politique")
    sport = section_get("sport", "Sport")
    now = timezone.now()
    return [
        ArticlePageFactory(
            section=politique if index % 2 else sport,
            title=f"Dépêche {index}",
            published_at=now - timedelta(hours=index * 5),
            tags=["eau"],
            authors=["Nadia Alaoui"],
        )
        for index in range(12)
    ]


def test_listings_show_the_rail_beside_them(client, newsroom):
    author = AuthorPage.objects.get()
    for url in ("/politique/", "/sujets/eau/", author.url, "/recherche/?q=Dépêche"):
        html = rail(client.get(url).content.decode())
        # The five newest, whatever the listing shows.
        assert block_titles(html, "rail-latest-title") == [
            article.title for article in newsroom[:5]
        ], url
        assert 'href="/newsletter/"' in html, url


def test_rail_most_read_ranks_the_reads_then_tops_up_without_repeating(
    client, newsroom
):
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    ArticleReadHour.objects.create(article=newsroom[9], hour=hour, count=7)
    ArticleReadHour.objects.create(article=newsroom[2], hour=hour, count=3)
    html = rail(client.get("/sport/").content.decode())
    # Read articles first, then the newest not already under "Dernières infos".
    assert block_titles(html, "rail-most-read-title") == [
        newsroom[9].title,
        newsroom[2].title,
        newsroom[5].title,
        newsroom[6].title,
        newsroom[7].title,
    ]


def test_rail_follows_a_publication_elsewhere(client, newsroom, settings):
    settings.MANCHETTE_PAGE_CACHE = True
    first = client.get("/politique/")
    assert "listing:latest" in first.get("xkey", "").split()
    # A new article in another section: the cached politics page must show it.
    ArticlePageFactory(
        section=section_get("sport"),
        title="Toute dernière dépêche",
        published_at=timezone.now() + timedelta(minutes=1),
    )
    html = rail(client.get("/politique/").content.decode())
    assert block_titles(html, "rail-latest-title")[0] == "Toute dernière dépêche"
