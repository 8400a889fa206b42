import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from manchette.news import views
from manchette.news.search import fold, highlight, query_terms
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    '"numérique',
    "numérique\"'",
    "a OR b AND NOT c",
    "NEAR(a b)",
    "title:numérique",
    "numér*",
    "(((",
    "^a",
    "a -b +c",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "%_%",
    "\\",
    "\x00abc",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    "x" * 10_000,
    "mot " * 2_500,
    "é" * 300,
    "🙂🙂",
    "!!!???",
    "AND",
    "NOT",
    "le la les",
]


def result_titles(response) -> list[str]:
    html = response.content.decode()
    titles = re.findall(
        r'<h2 class="search-result__title"><a href="[^"]+">(.*?)</a></h2>', html
    )
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_fold_removes_accents_and_case():
    assert fold("Numérique ÉLECTIONS cœur") == "numerique elections coeur"


def test_query_terms_drop_syntax_and_keep_words():
    assert query_terms('"a" OR b* (c)') == ["a", "or", "b", "c"]
    assert query_terms("!!! ???") == []
    assert len(query_terms("mot " * 1000 + "autre")) == 1


def test_highlight_escapes_before_marking():
    html = highlight("<b>Numérique</b> & numériques", ["numerique"])
    assert html == (
        "&lt;b&gt;<mark>Numérique</mark>&lt;/b&gt; &amp; <mark>numériques</mark>"
    )


def test_search_ignores_accents(client, section):
    ArticlePageFactory(title="La transition numérique avance")
    ArticlePageFactory(title="Le budget agricole")
    response = client.get("/recherche/", {"q": "numerique"})
    assert response.status_code == 200
    assert result_titles(response) == ["La transition numérique avance"]


def test_search_finds_words_in_summary_and_body(client, section):
    ArticlePageFactory(
        title="Sans rapport",
        summary="Un accord sur la pêche.",
        paragraphs=["Les chalutiers rentrent au port de Tanger."],
    )
    assert result_titles(client.get("/recherche/", {"q": "peche"})) == ["Sans rapport"]
    assert result_titles(client.get("/recherche/", {"q": "chalutiers tanger"})) == [
        "Sans rapport"
    ]


def test_search_needs_every_word(client, section):
    ArticlePageFactory(title="Réforme des retraites")
    ArticlePageFactory(title="Réforme fiscale")
    assert result_titles(client.get("/recherche/", {"q": "réforme fiscale"})) == [
        "Réforme fiscale"
    ]


def test_search_highlights_terms_in_results(client, section):
    ArticlePageFactory(title="La transition numérique avance")
    html = client.get("/recherche/", {"q": "numerique"}).content.decode()
    assert "<mark>numérique</mark>" in html


def test_search_filters_by_section(client, section):
    economie = section_get("economie", "Économie")
    ArticlePageFactory(title="Budget de l’État", section=section)
    ArticlePageFactory(title="Budget des ménages", section=economie)
    response = client.get("/recherche/", {"q": "budget", "rubrique": "economie"})
    assert result_titles(response) == ["Budget des ménages"]


def test_search_filters_by_date_range(client, section):
    now = timezone.now()
    ArticlePageFactory(title="Séisme ancien", published_at=now - timedelta(days=400))
    ArticlePageFactory(title="Séisme récent", published_at=now - timedelta(days=2))
    since = (now - timedelta(days=10)).date().isoformat()
    response = client.get("/recherche/", {"q": "seisme", "du": since})
    assert result_titles(response) == ["Séisme récent"]
    until = (now - timedelta(days=300)).date().isoformat()
    response = client.get("/recherche/", {"q": "seisme", "au": until})
    assert result_titles(response) == ["Séisme ancien"]


def test_search_prefers_recent_articles_of_equal_relevance(client, section):
    now = timezone.now()
    ArticlePageFactory(
        title="Sécheresse au sud", published_at=now - timedelta(days=900)
    )
    ArticlePageFactory(title="Sécheresse au nord", published_at=now - timedelta(days=1))
    titles = result_titles(client.get("/recherche/", {"q": "secheresse"}))
    assert titles == ["Sécheresse au nord", "Sécheresse au sud"]


def test_search_is_paginated(client, section, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", 2)
    for number in range(3):
        ArticlePageFactory(title=f"Inondations épisode {number}")
    first = client.get("/recherche/", {"q": "inondations"})
    second = client.get("/recherche/", {"q": "inondations", "page": 2})
    assert len(result_titles(first)) == 2
    assert len(result_titles(second)) == 1
    assert "3 résultats" in first.content.decode()
    assert 'rel="next" href="?q=inondations&amp;page=2"' in first.content.decode()


def test_search_never_shows_drafts_or_unpublished(client, section):
    ArticlePageFactory(title="Brouillon secret", publish=False)
    article = ArticlePageFactory(title="Secret retiré")
    article.unpublish()
    assert result_titles(client.get("/recherche/", {"q": "secret"})) == []


def test_index_follows_a_republished_change(client, section):
    article = ArticlePageFactory(title="Ancien intitulé")
    article.title = "Nouvel intitulé volcanique"
    article.save_revision().publish()
    assert result_titles(client.get("/recherche/", {"q": "volcanique"})) == [
        "Nouvel intitulé volcanique"
    ]
    assert result_titles(client.get("/recherche/", {"q": "ancien"})) == []


def test_no_result_page_says_so(client, section):
    response = client.get("/recherche/", {"q": "zzzinconnu"})
    assert response.status_code == 200
    assert "Aucun résultat pour « zzzinconnu »" in response.content.decode()


def test_empty_query_asks_for_words(client, section):
    response = client.get("/recherche/", {"q": ""})
    assert response.status_code == 200
    assert "Saisissez un ou plusieurs mots" in response.content.decode()


def test_query_without_words_gets_a_clear_page(client, section):
    response = client.get("/recherche/", {"q": "!!! ???"})
    assert response.status_code == 200
    assert "ne contient aucun mot" in response.content.decode()


def test_bad_filters_are_explained(client, section):
    response = client.get("/recherche/", {"q": "x", "du": "32/13/2024"})
    assert response.status_code == 400
    assert "Saisissez une date valide" in response.content.decode()
    response = client.get("/recherche/", {"q": "x", "rubrique": "inconnue"})
    assert response.status_code == 400
    assert "Cette rubrique n’existe pas." in response.content.decode()


def test_hostile_queries_never_fail(client, section):
    ArticlePageFactory(title="La transition numérique avance")
    for query in HOSTILE_QUERIES:
        response = client.get("/recherche/", {"q": query, "page": "abc"})
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_escapes_titles(client, section):
    ArticlePageFactory(title="<img src=x onerror=alert(1)> numérique")
    html = client.get("/recherche/", {"q": "numerique"}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>numérique</mark>" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French stemming comes from PostgreSQL's french text search configuration",
)
def test_french_stemming_matches_plural_and_feminine(client, section):
    ArticlePageFactory(title="Les présidentes des régions se réunissent")
    ArticlePageFactory(title="Des technologies numériques pour l’école")
    assert result_titles(client.get("/recherche/", {"q": "présidente"})) == [
        "Les présidentes des régions se réunissent"
    ]
    assert result_titles(client.get("/recherche/", {"q": "president region"})) == [
        "Les présidentes des régions se réunissent"
    ]
    assert result_titles(client.get("/recherche/", {"q": "numerique"})) == [
        "Des technologies numériques pour l’école"
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The newest-articles window is PostgreSQL's ranking shortcut",
)
def test_postgres_ranks_the_newest_articles_first_when_they_hold_enough(
    client, section, monkeypatch
):
    from manchette.news import search_backends

    now = timezone.now()
    for days in (300, 200, 100):
        ArticlePageFactory(
            title=f"Séisme ancien {days}", published_at=now - timedelta(days=days)
        )
    ArticlePageFactory(title="Séisme récent un", published_at=now - timedelta(days=2))
    ArticlePageFactory(title="Séisme récent deux", published_at=now - timedelta(days=1))
    ArticlePageFactory(title="Sans rapport", published_at=now)
    monkeypatch.setattr(search_backends, "SEARCH_WINDOW", 3)
    # The three newest articles hold two matches: enough when two make a page.
    monkeypatch.setattr(search_backends, "SEARCH_WINDOW_MIN_HITS", 2)
    assert sorted(result_titles(client.get("/recherche/", {"q": "seismes"}))) == [
        "Séisme récent deux",
        "Séisme récent un",
    ]
    # Too few: the whole archive is ranked.
    monkeypatch.setattr(search_backends, "SEARCH_WINDOW_MIN_HITS", 3)
    assert len(result_titles(client.get("/recherche/", {"q": "seismes"}))) == 5
    # The same window within a section (read from the article table's index)
    # and from a date (the page index's range).
    monkeypatch.setattr(search_backends, "SEARCH_WINDOW_MIN_HITS", 2)
    newest_two = ["Séisme récent deux", "Séisme récent un"]
    in_section = client.get("/recherche/", {"q": "seismes", "rubrique": section.slug})
    assert sorted(result_titles(in_section)) == newest_two
    since = (now - timedelta(days=250)).date().isoformat()
    assert (
        sorted(result_titles(client.get("/recherche/", {"q": "seismes", "du": since})))
        == newest_two
    )
