"""End-to-end: a reader comments in Debian's Chromium, a moderator approves it in
Wagtail's admin, and the comment appears on the article.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.conftest import CHROMIUM_ARGS
from tests.factories import ArticlePageFactory

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


@pytest.fixture
def live_article(live_server, settings):
    settings.MANCHETTE_COMMENTS_MIN_SECONDS = 1
    article = ArticlePageFactory(
        title="La ville inaugure sa médiathèque", published_at=timezone.now()
    )
    return live_server.url + article.url


@pytest.fixture
def moderator(transactional_db):
    return get_user_model().objects.create_superuser(
        "moderatrice", "moderatrice@example.org", "mot-de-passe-e2e"
    )


@pytest.fixture
def page(live_article):
    """Return a Chromium page; started after the test data exists, and stopped
    before the database is flushed, because Playwright's sync API runs an event
    loop that gives Django other (context-local) database connections.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is missing: run `make browsers`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


def test_comment_is_moderated_then_published(
    moderator, live_server, live_article, page
):
    from playwright.sync_api import expect

    page.goto(live_article)
    expect(page.get_by_role("heading", name="Laisser un commentaire")).to_be_visible()
    form = page.locator("#commentform")
    form.get_by_role("textbox", name="Commentaire").fill(
        "Enfin une médiathèque ouverte le dimanche !"
    )
    form.get_by_role("textbox", name="Nom", exact=True).fill("Yasmine")
    form.get_by_role("textbox", name="E-mail", exact=True).fill("yasmine@example.org")
    form.get_by_role("textbox", name="Site web").fill("https://yasmine.example")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Poster commentaire").click()
    expect(page.get_by_role("status")).to_contain_text("en attente de modération")
    expect(page.locator(".comment-list")).to_have_count(0)

    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("moderatrice")
    page.locator("#id_password").fill("mot-de-passe-e2e")
    page.locator("form button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("Commentaires (1)")
    page.get_by_role("link", name=re.compile(r"^Commentaires \(1\)")).click()
    row = page.locator("tr", has_text="Enfin une médiathèque")
    expect(row).to_contain_text("En attente")
    row.get_by_role("button", name=re.compile("options", re.IGNORECASE)).click()
    row.get_by_role("link", name="Approuver").click()
    page.get_by_role("button", name="Oui, confirmer").click()
    expect(page.locator("body")).to_contain_text("1 commentaire : approuvé.")

    # Another reader (a fresh browser, so no copy kept by this one's HTTP
    # cache for max-age) opens the article: the purge made the comment visible.
    reader = page.context.browser.new_context(locale="fr-FR").new_page()
    reader.goto(live_article)
    comment = reader.locator(".comment")
    expect(comment).to_contain_text("Enfin une médiathèque ouverte le dimanche !")
    expect(comment.get_by_role("link", name="Yasmine")).to_have_attribute(
        "rel", "nofollow ugc noopener"
    )
    expect(reader.locator("#comments-title")).to_have_text("1 commentaire")
    assert "yasmine@example.org" not in reader.content()
    reader.context.close()


def test_empty_form_shows_french_errors(page, live_article):
    from playwright.sync_api import expect

    page.goto(live_article)
    page.get_by_role("button", name="Poster commentaire").click()
    form = page.locator("#commentform")
    expect(form).to_contain_text("Écrivez votre commentaire.")
    expect(form).to_contain_text("Indiquez votre nom.")
    expect(form).to_contain_text("Indiquez votre adresse e-mail.")
    expect(form.get_by_role("alert")).to_contain_text("corrigez les champs signalés")


def test_form_with_errors_keeps_what_was_typed(live_article, page):
    from playwright.sync_api import expect

    page.goto(live_article)
    form = page.locator("#commentform")
    form.get_by_role("textbox", name="Nom", exact=True).fill("Yasmine")
    form.get_by_role("textbox", name="E-mail", exact=True).fill("yasmine@example.org")
    form.get_by_role("button", name="Poster commentaire").click()
    form = page.locator("#commentform")
    expect(form).to_contain_text("Écrivez votre commentaire.")
    expect(form.get_by_role("textbox", name="Nom", exact=True)).to_have_value("Yasmine")
    # Refilled in the browser: the server never writes the address back.
    expect(form.get_by_role("textbox", name="E-mail", exact=True)).to_have_value(
        "yasmine@example.org"
    )


@pytest.fixture
def approved_comment(live_article):
    from manchette.comments.models import Comment
    from manchette.news.models import ArticlePage

    return Comment.objects.create(
        article=ArticlePage.objects.get(title="La ville inaugure sa médiathèque"),
        author_name="Omar",
        author_email="o@example.org",
        body="Bravo.",
        status="approved",
    )


def test_reply_link_fills_the_parent_without_reloading(
    approved_comment, live_article, page
):
    from playwright.sync_api import expect

    page.goto(live_article)
    page.get_by_role("link", name="Répondre à Omar").click()
    expect(page.locator("[data-replying]")).to_contain_text("Réponse à Omar")
    expect(page.locator("input[name=parent]")).to_have_value(str(approved_comment.pk))
    expect(page.get_by_role("textbox", name="Commentaire")).to_be_focused()
