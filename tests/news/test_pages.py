import re
from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.news.models import ArticlePage
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


def visible_text(html: str) -> str:
    html = re.sub(r"<head>.*?</head>", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_article_page_shows_every_element_in_order(client, section):
    other = ArticlePageFactory(title="Un partenariat d’exception", tags=["diplomatie"])
    article = ArticlePageFactory(
        title="La coopération numérique se renforce",
        summary="Deux pays signent un accord. Il couvre la formation.",
        body=[
            {"type": "paragraph", "value": "<p>Premier paragraphe du corps.</p>"},
            {"type": "read_also", "value": {"article": other.pk}},
            {"type": "paragraph", "value": "<p>Second paragraphe du corps.</p>"},
        ],
        tags=["diplomatie"],
        authors=["Salma Bennani"],
        published_at=timezone.make_aware(timezone.datetime(2024, 10, 29, 10, 0)),
    )
    response = client.get(article.url)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    expected = [
        "Accueil / Politique / La coopération numérique se renforce",
        "La coopération numérique se renforce",
        "Par Salma Bennani",
        "29 octobre 2024",
        "Temps de lecture : 1 minute",
        "En bref",
        "Deux pays signent un accord.",
        "Premier paragraphe du corps.",
        "Lire aussi : Un partenariat d’exception",
        "Second paragraphe du corps.",
        "diplomatie",
        "Laissez-nous vos commentaires",
        "La newsletter qui vous briefe en 5 min",
        "À lire aussi sur le même sujet",
        "Laisser un commentaire",
    ]
    positions = [text.find(item) for item in expected]
    assert all(position >= 0 for position in positions), dict(
        zip(expected, positions, strict=True)
    )
    assert positions == sorted(positions)


def test_breadcrumb_links_to_home_and_section(client, section):
    article = ArticlePageFactory(title="Titre du fil")
    html = client.get(article.url).content.decode()
    nav = re.search(r'<nav class="breadcrumb".*?</nav>', html, flags=re.S).group(0)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    assert links == [("/", "Accueil"), ("/politique/", "Politique")]
    assert '<span aria-current="page">Titre du fil</span>' in nav
    for url, _ in links:
        assert client.get(url).status_code == 200


def test_reading_time_is_plural_above_one_minute(client, section):
    article = ArticlePageFactory(paragraphs=[" ".join(["mot"] * 335)])
    assert article.reading_minutes == 3
    assert "Temps de lecture : 3 minutes" in client.get(article.url).content.decode()


def test_draft_article_is_not_public(client, section):
    article = ArticlePageFactory(publish=False)
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert client.get("/politique/" + article.slug + "/").status_code == 404


def test_scheduled_article_is_not_public_before_its_time(client, section):
    article = ArticlePageFactory(publish=False)
    article.go_live_at = timezone.now() + timedelta(hours=2)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get("/politique/" + article.slug + "/").status_code == 404
    assert article.title not in client.get("/politique/").content.decode()


def test_home_page_has_a_block_per_section(client, home):
    ArticlePageFactory(
        title="Article politique", section=section_get("politique", "Politique")
    )
    ArticlePageFactory(title="Article sportif", section=section_get("sport", "Sport"))
    html = client.get("/").content.decode()
    assert 'id="section-politique"' in html
    assert 'id="section-sport"' in html
    assert "Article politique" in html
    assert "Article sportif" in html


def listed(client, url: str) -> str:
    """Return the listing of a section, tag or author page, without the rail
    beside it (which shows the newest articles of the whole site).
    """
    html = client.get(url).content.decode()
    return html[html.index('class="with-rail__main"') : html.index('class="rail"')]


def test_section_page_paginates(client, section, settings):
    settings.MANCHETTE_PAGE_SIZE = 2
    for index in range(5):
        ArticlePageFactory(title=f"Papier {index}")
    first = listed(client, "/politique/")
    third = listed(client, "/politique/?page=3")
    assert "Papier 4" in first
    assert "Papier 3" in first
    assert "Papier 2" not in first
    assert "Papier 0" in third
    assert client.get("/politique/?page=9").status_code == 404
    assert client.get("/politique/?page=abc").status_code == 404


def test_tag_page_lists_tagged_articles(client, section):
    ArticlePageFactory(title="Avec le sujet", tags=["eau"])
    ArticlePageFactory(title="Sans le sujet", tags=["sport"])
    html = listed(client, "/sujets/eau/")
    assert "Avec le sujet" in html
    assert "Sans le sujet" not in html
    assert client.get("/sujets/inconnu/").status_code == 404


def test_tag_page_lists_newest_first_and_counts_live_articles_only(
    client, section, settings
):
    settings.MANCHETTE_PAGE_SIZE = 2
    now = timezone.now()
    old = ArticlePageFactory(
        title="Le plus ancien", tags=["eau"], published_at=now - timedelta(days=900)
    )
    newest = ArticlePageFactory(
        title="Le plus récent", tags=["eau"], published_at=now - timedelta(hours=1)
    )
    middle = ArticlePageFactory(
        title="Celui du milieu", tags=["eau"], published_at=now - timedelta(days=3)
    )
    ArticlePageFactory(title="Un brouillon", tags=["eau"], publish=False)
    withdrawn = ArticlePageFactory(
        title="Retiré", tags=["eau"], published_at=now - timedelta(days=2)
    )
    withdrawn.unpublish()
    ArticlePageFactory(title="Plus récent, autre sujet", tags=["sport"])

    first = listed(client, "/sujets/eau/")
    second = listed(client, "/sujets/eau/?page=2")
    assert first.index(newest.title) < first.index(middle.title)
    assert old.title not in first
    assert old.title in second
    for html in (first, second):
        for hidden in ("Un brouillon", "Retiré", "Plus récent, autre sujet"):
            assert hidden not in html
    assert client.get("/sujets/eau/?page=3").status_code == 404


def test_author_page_lists_their_articles(client, section):
    article = ArticlePageFactory(title="Signé par elle", authors=["Nadia Alaoui"])
    ArticlePageFactory(title="Signé par un autre", authors=["Karim Tazi"])
    author = article.author_list[0]
    html = listed(client, author.url)
    assert "Signé par elle" in html
    assert "Signé par un autre" not in html


def test_author_page_lists_newest_first_and_counts_live_articles_only(
    client, section, settings
):
    settings.MANCHETTE_PAGE_SIZE = 2
    now = timezone.now()
    signed = {"authors": ["Nadia Alaoui"]}
    old = ArticlePageFactory(
        title="Le plus ancien", published_at=now - timedelta(days=900), **signed
    )
    newest = ArticlePageFactory(
        title="Le plus récent", published_at=now - timedelta(hours=1), **signed
    )
    middle = ArticlePageFactory(
        title="Celui du milieu", published_at=now - timedelta(days=3), **signed
    )
    withdrawn = ArticlePageFactory(
        title="Retiré", published_at=now - timedelta(days=2), **signed
    )
    withdrawn.unpublish()
    ArticlePageFactory(title="Signé par un autre", authors=["Karim Tazi"])
    author = newest.author_list[0]

    first = listed(client, author.url)
    second = listed(client, author.url + "?page=2")
    assert first.index(newest.title) < first.index(middle.title)
    assert old.title not in first
    assert old.title in second
    for html in (first, second):
        assert "Retiré" not in html
        assert "Signé par un autre" not in html
    assert client.get(author.url + "?page=3").status_code == 404


def test_an_old_revision_keeps_the_live_comment_count_and_section(section):
    article = ArticlePageFactory(title="Première version")
    old_revision = article.latest_revision
    article.title = "Deuxième version"
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=7)
    restored = type(old_revision).objects.get(pk=old_revision.pk).as_object()
    assert restored.title == "Première version"
    assert restored.comment_count == 7
    assert restored.section_id == section.pk


def test_accented_tags_get_ascii_slugs_and_working_pages(client, section):
    ArticlePageFactory(title="Sur le numérique", tags=["numérique", "Numérique d’État"])
    html = client.get("/sujets/numerique/").content.decode()
    assert "Sur le numérique" in html
    assert client.get("/sujets/numerique-d-etat/").status_code == 200


def test_moving_an_article_changes_its_section_and_breadcrumb(client, section):
    sport = section_get("sport", "Sport")
    article = ArticlePageFactory(title="Un article déplacé")
    article.move(sport, pos="last-child")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.section_id == sport.pk
    html = client.get(article.url).content.decode()
    assert '<a href="/sport/">Sport</a>' in html
