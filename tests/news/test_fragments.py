"""Cards and comments are rendered once per distinct content and kept in memory
(``core/fragments.py``): the same page shows the same HTML with or without the
memo, and any change to what a card or comment shows is shown at once.
"""

import re

import pytest
from django.test.signals import template_rendered
from django.utils import translation

from manchette.comments.models import Comment
from manchette.comments.services import comment_count_refresh
from manchette.core.fragments import fragments
from manchette.news.models import ArticlePage
from tests.comments.conftest import make_comment
from tests.factories import ArticlePageFactory, section_get

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_memos(settings):
    settings.MANCHETTE_PAGE_CACHE = False  # Every request renders its page.
    fragments.clear()
    yield
    fragments.clear()


@pytest.fixture
def rendered():
    """Count the renders of each template."""
    counts = {}

    def record(sender, template, context, **kwargs):
        counts[template.name] = counts.get(template.name, 0) + 1

    template_rendered.connect(record)
    yield counts
    template_rendered.disconnect(record)


def comment(article, body):
    """An approved comment, counted on its article as moderation counts it."""
    made = make_comment(article, body=body)
    comment_count_refresh(article)
    return made


def test_cards_and_comments_render_once_then_come_from_memory(client, rendered):
    politique = section_get("politique", "Politique")
    for _ in range(3):
        ArticlePageFactory(section=politique, tags=["eau"])
    article = ArticlePageFactory(section=politique, tags=["eau"])
    comment(article, "Premier avis.")
    comment(article, "Second avis.")

    first = client.get(article.url).content.decode()
    assert rendered["includes/card.html"] == 3
    assert rendered["comments/includes/comment.html"] == 2
    rendered.clear()
    again = client.get(article.url).content.decode()
    assert "includes/card.html" not in rendered
    assert "comments/includes/comment.html" not in rendered
    assert same(again) == same(first)


def same(html: str) -> str:
    """``html`` without what differs between two renders of one page: the CSRF
    token and the comment form's signed display time.
    """
    return re.sub(r'(name="(?:jeton|csrfmiddlewaretoken)" value=")[^"]*"', r"\1…", html)


def test_the_page_is_the_same_with_and_without_the_memo(client, settings):
    politique = section_get("politique", "Politique")
    ArticlePageFactory(section=politique, tags=["eau"], title="Un voisin <b>gras</b>")
    article = ArticlePageFactory(section=politique, tags=["eau"])
    comment(article, "Voir https://example.org/page <script>x</script>")
    with_memo = client.get(article.url).content.decode()
    home_with_memo = client.get("/").content.decode()
    settings.MANCHETTE_FRAGMENT_MEMO = 0
    without = client.get(article.url).content.decode()
    assert same(with_memo) == same(without)
    assert same(client.get("/").content.decode()) == same(home_with_memo)
    assert "Un voisin &lt;b&gt;gras&lt;/b&gt;" in without
    assert "&lt;script&gt;" in without


def test_a_change_to_what_a_card_shows_is_shown_at_once(client):
    politique = section_get("politique", "Politique")
    neighbour = ArticlePageFactory(section=politique, title="Titre d’origine")
    article = ArticlePageFactory(section=politique)
    assert "Titre d’origine" in client.get(article.url).content.decode()

    # Retitled in the database only: no publish signal, no purge; the card's
    # key (its title) changed, so the memo cannot serve the old one.
    ArticlePage.objects.filter(pk=neighbour.pk).update(title="Titre corrigé")
    html = client.get(article.url).content.decode()
    assert "Titre corrigé" in html
    assert "Titre d’origine" not in html

    assert "1 commentaire" not in html
    comment(neighbour, "Un avis.")
    assert "1 commentaire" in client.get(article.url).content.decode()


def test_a_moderated_comment_shows_its_new_text(client):
    article = ArticlePageFactory()
    made = comment(article, "Texte avant modération.")
    assert "Texte avant modération." in client.get(article.url).content.decode()
    Comment.objects.filter(pk=made.pk).update(body="Texte corrigé.")
    html = client.get(article.url).content.decode()
    assert "Texte corrigé." in html
    assert "Texte avant modération." not in html


def test_each_language_has_its_own_cards(rf):
    from django.template import Context, Template

    politique = section_get("politique", "Politique")
    card = ArticlePageFactory(section=politique)
    card = ArticlePage.objects.get(pk=card.pk)
    template = Template("{% load news_tags %}{% card item %}")
    request = rf.get("/")
    rendered = {}
    for language in ("fr", "en"):
        with translation.override(language):
            rendered[language] = template.render(
                Context({"item": card, "request": request})
            )
    # The date is written with each language's month name.
    assert rendered["fr"] != rendered["en"]
    assert len(fragments.entries) == 2


def test_a_change_to_what_the_metadata_shows_is_shown_at_once(client):
    """An article's ``<head>`` metadata is kept by everything it shows: bylines,
    tags, section and ancestors, summary, publisher. Each change below is made
    in the database only (no signal, no purge) and still shows at once.
    """
    from taggit.models import Tag
    from wagtail.models import Page

    from manchette.core.identity import identity_for_site
    from manchette.news.services import section_ensure

    politique = section_get("politique", "Politique")
    elections = section_ensure(home=politique.get_parent(), slug="x", title="x")
    elections.move(politique, pos="last-child")
    elections = type(elections).objects.get(pk=elections.pk)
    article = ArticlePageFactory(
        section=elections, tags=["budget"], authors=["Salma Idrissi"]
    )

    def head():
        html = client.get(article.url).content.decode()
        return html.split("</head>")[0]

    first = head()
    assert '"name": "Salma Idrissi"' in first
    assert 'content="budget"' in first
    assert '"name": "Politique"' in first
    assert head() == first  # From memory: the same bytes.

    # One change at a time: each must be part of the key on its own.
    author = article.author_list[0]
    Page.objects.filter(pk=author.pk).update(title="Salma Idrissi-Benali")
    assert '"name": "Salma Idrissi-Benali"' in head()
    Tag.objects.filter(name="budget").update(name="finances publiques")
    assert 'content="finances publiques"' in head()
    Page.objects.filter(pk=politique.pk).update(title="Vie politique")
    assert '"name": "Vie politique"' in head()
    ArticlePage.objects.filter(pk=article.pk).update(summary="Un autre résumé.")
    assert 'content="Un autre résumé."' in head()

    identity = identity_for_site(article.get_site())
    identity.publisher_name = "Le Quotidien du Test"
    identity.save()
    assert '"name": "Le Quotidien du Test"' in head()
