"""Sections inside sections (Politique › Élections): pages, navigation, breadcrumbs,
query counts and cache purges."""

import re

import pytest
from django.test import Client

from manchette.news.models import SectionPage
from manchette.news.services import ArticleData, article_save
from tests.factories import ArticlePageFactory, articles_bulk, section_get
from tests.news.test_query_counts import count_queries
from tests.pagecache import shown_tags

pytestmark = pytest.mark.django_db


def subsection(parent: SectionPage, slug: str, title: str) -> SectionPage:
    child = parent.add_child(instance=SectionPage(title=title, slug=slug))
    child.save_revision().publish()
    return SectionPage.objects.get(pk=child.pk)


@pytest.fixture
def tree(home):
    politique = section_get("politique", "Politique")
    elections = subsection(politique, "elections", "Élections")
    municipales = subsection(elections, "municipales", "Municipales")
    return politique, elections, municipales


def titles(html: str) -> list[str]:
    # The list only: the rail beside it shows the newest of the whole site.
    if 'class="rail"' in html:
        html = html[: html.index('class="rail"')]
    return re.findall(r"Article de test numéro \d+|Article en volume \d+", html)


def test_a_subsection_lives_under_its_parent_url(tree, client):
    politique, elections, municipales = tree
    article = ArticlePageFactory(section=municipales, title="Le second tour")

    assert elections.url == "/politique/elections/"
    assert municipales.url == "/politique/elections/municipales/"
    assert article.url.startswith("/politique/elections/municipales/")
    assert client.get(municipales.url).status_code == 200
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Le second tour" in response.content.decode()
    # The article's section is its direct section, not the top-level one.
    assert article.section_id == municipales.pk


def test_a_parent_section_lists_its_own_and_its_subsections_articles(tree, client):
    politique, elections, municipales = tree
    sport = section_get("sport", "Sport")
    own = ArticlePageFactory(section=politique)
    child = ArticlePageFactory(section=elections)
    grandchild = ArticlePageFactory(section=municipales)
    other = ArticlePageFactory(section=sport)

    listed = titles(client.get("/politique/").content.decode())
    assert set(listed) >= {own.title, child.title, grandchild.title}
    assert other.title not in listed
    # Newest first, whatever the subsection.
    assert listed.index(grandchild.title) < listed.index(own.title)

    listed = titles(client.get("/politique/elections/").content.decode())
    assert own.title not in listed
    assert {child.title, grandchild.title} <= set(listed)


def test_breadcrumbs_show_the_chain_of_sections(tree, client):
    politique, elections, municipales = tree
    article = ArticlePageFactory(section=municipales)

    def crumbs(url):
        html = client.get(url).content.decode()
        nav = html.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r">([^<>]+)</(?:a|span)>", nav)

    assert [c for c in crumbs(elections.url) if c.strip() != "/"] == [
        "Accueil",
        "Politique",
        "Élections",
    ]
    assert [c for c in crumbs(article.url) if c.strip() != "/"] == [
        "Accueil",
        "Politique",
        "Élections",
        "Municipales",
        article.title,
    ]


def test_navigation_shows_top_level_sections_only(tree, client):
    politique, elections, municipales = tree
    section_get("sport", "Sport")
    article = ArticlePageFactory(section=municipales)

    html = client.get(article.url).content.decode()
    nav = html.split('aria-label="Rubriques"', 1)[1].split("</nav>", 1)[0]

    assert re.findall(r'href="(/[^"]*)"', nav) == ["/politique/", "/sport/"]
    # The top-level section of the article is marked as the current one.
    assert 'href="/politique/" aria-current="true"' in nav


def test_parent_section_page_query_count_stays_flat(tree, client):
    politique, elections, municipales = tree
    for section in tree:
        articles_bulk(section, 3)
    small = count_queries(client, "/politique/")
    small_sub = count_queries(client, municipales.url)
    small_article = count_queries(client, ArticlePageFactory(section=municipales).url)

    for index in range(6):
        extra = subsection(elections, f"region-{index}", f"Région {index}")
        articles_bulk(extra, 40)
    articles_bulk(municipales, 300)

    assert count_queries(client, "/politique/") == small
    assert count_queries(client, "/politique/?page=3") == small
    assert count_queries(client, municipales.url) == small_sub
    # Two more than a top-level section, whatever the depth: the route looks for
    # an article at that address first, and the breadcrumb reads the chain.
    assert small_sub <= small + 2
    article = ArticlePageFactory(section=municipales)
    assert count_queries(client, article.url) == small_article


def test_a_subsection_article_purges_its_parent_sections(
    tree, purges, django_capture_on_commit_callbacks
):
    politique, elections, municipales = tree
    article = ArticlePageFactory(section=municipales)
    pages = ["/politique/", "/politique/elections/", municipales.url, "/"]
    reader = Client()
    shown = {path: shown_tags(path) for path in pages}

    with django_capture_on_commit_callbacks(execute=True):
        article_save(
            section=municipales,
            data=ArticleData(
                title="Titre corrigé",
                summary=article.summary,
                body=[{"type": "paragraph", "value": "<p>Corps.</p>"}],
                tags=[],
                authors=[],
            ),
            article=article,
        )

    assert all(shown[path] & purges.tags() for path in pages)
    assert "Titre corrigé" in reader.get("/politique/").content.decode()


def test_home_shows_one_block_per_top_level_section_with_its_subsections(tree, client):
    from manchette.news.selectors import section_blocks

    politique, elections, municipales = tree
    sport = section_get("sport", "Sport")
    own = ArticlePageFactory(section=politique)
    grandchild = ArticlePageFactory(section=municipales)
    match = ArticlePageFactory(section=sport)

    blocks = section_blocks(per_section=4)

    assert [
        (section.slug, [card.pk for card in cards]) for section, cards in blocks
    ] == [
        ("politique", [grandchild.pk, own.pk]),
        ("sport", [match.pk]),
    ]
    html = client.get("/").content.decode()
    assert 'id="section-politique"' in html
    assert 'id="section-elections"' not in html
    assert 'id="section-municipales"' not in html


def test_subsections_sharing_a_slug_each_have_their_own_feed(tree, client):
    politique, elections, _ = tree
    monde = section_get("monde", "Monde")
    elections_monde = subsection(monde, "elections", "Élections dans le monde")
    here = ArticlePageFactory(section=elections, title="Scrutin au Maroc")
    abroad = ArticlePageFactory(section=elections_monde, title="Scrutin au Chili")

    feeds = {}
    for section in (elections, elections_monde):
        html = client.get(section.url).content.decode()
        feed = re.search(
            r'type="application/rss\+xml"[^>]*href="http://[^/]+(/flux/rubrique/[^"]+)"',
            html,
        ) or re.search(
            r'href="http://[^/]+(/flux/rubrique/[^"]+/rss/)"[^>]*type="application/rss',
            html,
        )
        feeds[section.pk] = feed.group(1)
    assert feeds == {
        elections.pk: "/flux/rubrique/politique/elections/rss/",
        elections_monde.pk: "/flux/rubrique/monde/elections/rss/",
    }
    for path, shown, hidden in (
        (feeds[elections.pk], here, abroad),
        (feeds[elections_monde.pk], abroad, here),
        ("/flux/rubrique/monde/elections/atom/", abroad, here),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert shown.title in body, path
        assert hidden.title not in body, path
    # The parent's feed has both levels; a bare slug still names a top-level one.
    assert here.title in client.get("/flux/rubrique/politique/rss/").content.decode()
    for missing in (
        "/flux/rubrique/sport/elections/rss/",
        "/flux/rubrique/elections/municipales/rss/",  # Not under the home page.
        "/flux/rubrique/politique/elections/inconnue/rss/",
    ):
        assert client.get(missing).status_code == 404, missing
