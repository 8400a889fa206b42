"""The reader's front: home blocks, article header and share links, listings,
footer pages, identity assets and the demo's pictures (rendered HTML, no browser).
"""

import json
import re
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from manchette.core.models import SiteIdentity, SocialLink
from manchette.news.demo_front import FOOTER_PAGES, footer_pages_ensure, illustration
from manchette.news.models import ArticlePage, HomePage, HomePagePick
from manchette.newsletter.models import ArticleReadHour
from tests.factories import ArticlePageFactory, articles_bulk, section_get

pytestmark = pytest.mark.django_db


def block(html: str, title_id: str) -> str:
    """Return the HTML of the home block whose heading has ``id=title_id``."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', html, flags=re.S
    )
    assert match, f"no block {title_id}"
    return match.group(0)


def titles(html: str) -> list[str]:
    return [
        unescape(t)
        for t in re.findall(r'<h[23] class="story__title"><a [^>]*>([^<]+)</a>', html)
    ]


def publish_picks(home: HomePage, articles: list[ArticlePage]) -> None:
    """Choose the "À la une" articles as an editor does: a revision, published."""
    home = HomePage.objects.get(pk=home.pk)
    home.front_picks = [HomePagePick(article=article) for article in articles]
    home.save_revision().publish()


@pytest.fixture
def newsroom(home):
    politique = section_get("politique", "Politique")
    sport = section_get("sport", "Sport")
    now = timezone.now()
    articles = [
        ArticlePageFactory(
            section=politique if index % 2 else sport,
            title=f"Titre numéro {index}",
            published_at=now - timedelta(hours=index * 7),
        )
        for index in range(8)
    ]
    return articles


def test_home_shows_the_editors_picks_in_their_order_then_the_newest(
    client, home, newsroom
):
    chosen = [newsroom[5], newsroom[2], newsroom[7]]
    publish_picks(home, chosen)
    html = client.get("/").content.decode()
    top = titles(block(html, "une-title"))
    assert top[:3] == [a.title for a in chosen]
    # Topped up to five with the newest articles not already chosen.
    assert top[3:] == [newsroom[0].title, newsroom[1].title]


def test_home_falls_back_to_the_newest_without_picks(client, home, newsroom):
    html = client.get("/").content.decode()
    assert titles(block(html, "une-title")) == [a.title for a in newsroom[:5]]


def test_latest_block_shows_the_time_today_and_the_date_before(client, home, newsroom):
    latest = block(client.get("/").content.decode(), "latest-title")
    stamps = re.findall(r'<time class="stream__time"[^>]*>([^<]+)</time>', latest)
    assert len(stamps) == len(newsroom)
    for article, stamp in zip(newsroom, stamps, strict=True):
        local = timezone.localtime(article.published_at)
        if local.date() == timezone.localdate():
            assert stamp == f"{local:%H}h{local:%M}"
        else:
            assert re.fullmatch(r"\d{1,2} [a-zéû]+( \d{4})?", stamp), stamp


def test_most_read_block_ranks_the_last_day_reads_and_tops_up(client, home, newsroom):
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    ArticleReadHour.objects.create(article=newsroom[6], hour=hour, count=9)
    ArticleReadHour.objects.create(article=newsroom[3], hour=hour, count=4)
    ArticleReadHour.objects.create(
        article=newsroom[3], hour=hour - timedelta(hours=20), count=6
    )
    # Read two days ago: not among the last 24 hours' most read.
    ArticleReadHour.objects.create(
        article=newsroom[7], hour=hour - timedelta(hours=48), count=99
    )
    most_read = block(client.get("/").content.decode(), "most-read-title")
    names = [unescape(t) for t in re.findall(r"<li><a [^>]*>([^<]+)</a>", most_read)]
    assert names == [
        newsroom[3].title,
        newsroom[6].title,
        newsroom[0].title,
        newsroom[1].title,
        newsroom[2].title,
    ]


def test_home_sections_show_one_lead_and_three_compact_items(client, home):
    sport = section_get("sport", "Sport")
    for index in range(6):
        ArticlePageFactory(section=sport, title=f"Sport {index}")
    html = client.get("/").content.decode()
    section = re.search(
        r'<section class="section-block" aria-labelledby="section-sport">.*?</section>',
        html,
        flags=re.S,
    ).group(0)
    assert section.count("story--section") == 1
    assert section.count("story--text") == 3


def test_home_queries_stay_flat_with_picks(client, home, newsroom, settings):
    settings.MANCHETTE_PAGE_CACHE = False
    publish_picks(home, newsroom[:3])

    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/").status_code == 200
        return len(context.captured_queries)

    small = count()
    articles_bulk(section_get("politique"), 200)
    assert count() == small


def test_article_shows_publication_and_update_times(client, home, newsroom):
    article = newsroom[1]
    local = timezone.localtime(article.published_at)
    html = client.get(article.url).content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert f"Publié le {local.day} " in text
    assert f"à {local:%H}h{local:%M}" in text
    assert "Mis à jour le" not in text
    updated = article.published_at + timedelta(hours=2)
    ArticlePage.objects.filter(pk=article.pk).update(updated_at=updated)
    text = re.sub(r"<[^>]+>", "", client.get(article.url).content.decode())
    assert f"Mis à jour le {timezone.localtime(updated).day} " in text
    assert f"à {timezone.localtime(updated):%H}h" in text


def test_article_has_share_links_and_follow_links_once(client, home, newsroom):
    identity = SiteIdentity.for_site(home.get_site())
    SocialLink.objects.create(
        settings=identity, network="facebook", url="https://www.facebook.com/exemple"
    )
    article = newsroom[0]
    html = client.get(article.url).content.decode()
    full_url = article.get_full_url()
    for prefix in (
        "https://wa.me/?text=",
        "https://www.facebook.com/sharer/sharer.php?u=",
        "https://x.com/intent/post?url=",
        "https://www.linkedin.com/sharing/share-offsite/?url=",
        "https://t.me/share/url?url=",
        "mailto:?subject=",
    ):
        assert prefix in html, prefix
    assert "data-copy-link" in html
    assert full_url.replace(":", "%3A").replace("/", "%2F") in html
    # The follow link appears once on an article (not again in the footer)…
    assert html.count('href="https://www.facebook.com/exemple"') == 1
    # …and in the footer of the other pages.
    home_html = client.get("/").content.decode()
    assert home_html.count('href="https://www.facebook.com/exemple"') == 1
    # No third-party script.
    assert not re.search(r'<script[^>]+src="https?://', html)


def test_article_has_an_author_box_with_bio(client, home):
    article = ArticlePageFactory(authors=["Nadia Alaoui"])
    author = article.author_list[0].specific
    author.bio = "Journaliste politique depuis dix ans."
    author.save_revision().publish()
    html = client.get(article.url).content.decode()
    box = re.search(r'<aside class="author-box".*?</aside>', html, flags=re.S).group(0)
    assert "Nadia Alaoui" in box
    assert "Journaliste politique depuis dix ans." in box


def test_section_listing_has_a_lead_rows_and_a_visible_feed_link(client, home):
    politique = section_get("politique", "Politique")
    for index in range(4):
        ArticlePageFactory(section=politique, title=f"Liste {index}")
    html = client.get("/politique/").content.decode()
    assert html.count("story--lead") == 1
    assert html.count("story--row") == 3
    assert 'href="/flux/rubrique/politique/rss/"' in html
    assert client.get("/flux/rubrique/politique/rss/").status_code == 200


def test_footer_lists_the_content_pages_shown_in_menus(client, home):
    assert footer_pages_ensure(home) == len(FOOTER_PAGES)
    assert footer_pages_ensure(home) == 0  # Safe to rerun.
    html = client.get("/").content.decode()
    footer = re.search(r"<footer class=\"site-footer\">.*?</footer>", html, re.S)
    for slug, _title, _paragraphs in FOOTER_PAGES:
        assert f'href="/{slug}/"' in footer.group(0)
        assert client.get(f"/{slug}/").status_code == 200
    assert "À propos" in unescape(footer.group(0))
    assert 'href="/newsletter/"' in footer.group(0)


def test_identity_gives_icons_manifest_and_theme_colour(client, home):
    identity = SiteIdentity.for_site(home.get_site())
    identity.brand_colour = "#0a6e4f"
    identity.save()
    html = client.get("/").content.decode()
    assert '<meta name="theme-color" content="#0a6e4f"' in html
    assert 'href="/identite.css?c=0a6e4f"' in html
    assert "--accent:#0a6e4f" in client.get("/identite.css").content.decode()
    svg = client.get("/favicon.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert 'fill="#0a6e4f"' in svg.content.decode()
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["theme_color"] == "#0a6e4f"
    from PIL import Image

    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200
        if icon["type"] == "image/png":
            size = int(icon["sizes"].split("x")[0])
            assert Image.open(BytesIO(response.content)).size == (size, size)
    assert client.get("/icone-99.png").status_code == 404


def test_default_identity_links_no_extra_stylesheet(client, home):
    html = client.get("/").content.decode()
    assert "identite.css" not in html
    assert '<link rel="icon" href="/favicon.svg"' in html
    assert '<link rel="manifest" href="/manifest.webmanifest"' in html


def test_demo_illustrations_are_distinct_and_deterministic():
    first = illustration("loi-administration-numerique-adoptee")
    assert first == illustration("loi-administration-numerique-adoptee")
    others = {illustration(f"article-{index}") for index in range(6)}
    assert first not in others
    assert len(others) == 6
