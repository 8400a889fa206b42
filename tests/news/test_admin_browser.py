"""The newsroom in Chromium: an author writes an article with a "Lire aussi" found
through the article chooser and submits it; an editor approves it from the
dashboard; a slug clash names its page. No request leaves 127.0.0.1.
"""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from manchette.news.demo import roles_ensure, workflow_ensure
from manchette.news.models import ArticlePage, AuthorPage
from manchette.news.services import author_ensure, site_ensure
from tests.conftest import CHROMIUM_ARGS
from tests.factories import ArticlePageFactory, section_get

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "mot-de-passe-e2e"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


@pytest.fixture
def newsroom(transactional_db, wagtail_base_data):
    home = site_ensure()
    groups = roles_ensure(home)
    workflow_ensure(home, groups["Éditeurs"])
    section = section_get("politique", "Politique")
    users = {}
    for name, group in (("plume", "Auteurs"), ("chef", "Éditeurs")):
        user = get_user_model().objects.create_user(
            name,
            f"{name}@example.invalid",
            PASSWORD,
            first_name=name.capitalize(),
            last_name="Démo",
        )
        user.groups.add(groups[group])
        users[name] = user
    author = author_ensure(name="Plume Démo")
    AuthorPage.objects.filter(pk=author.pk).update(user=users["plume"])
    yesterday = ArticlePageFactory(
        title="La réforme des retraites votée hier",
        section=section,
        published_at=timezone.now() - timedelta(days=1),
    )
    for n in range(3):
        ArticlePageFactory(title=f"Autre article {n}", section=section)
    return {"section": section, "author": author, "yesterday": yesterday, **users}


@pytest.fixture
def browser_context(newsroom):
    """Yield a Chromium context that records every request's host."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is missing: run `make browsers`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="fr-FR")
        context.set_default_timeout(20_000)
        context.hosts = []
        context.on("request", lambda request: context.hosts.append(request.url))
        yield context
        context.close()
        browser.close()


def login(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")


def assert_all_local(urls):
    outside = {
        url
        for url in urls
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
        and urlsplit(url).hostname != "127.0.0.1"
    }
    assert not outside, outside
    assert urls


def test_author_writes_and_submits_then_editor_approves_from_dashboard(
    live_server, newsroom, browser_context
):
    from playwright.sync_api import expect

    base = live_server.url.replace("localhost", "127.0.0.1")
    page = browser_context.new_page()
    login(page, base, "plume")
    expect(page.locator("#manchette-my-articles-section")).to_be_visible()

    # One click from the dashboard to a new article in a section.
    page.locator("#manchette-my-articles-section").get_by_role(
        "link", name="Politique"
    ).click()
    # The byline starts with the author's own page.
    expect(page.locator("#id_article_authors-0-author-title")).to_have_text(
        "Plume Démo"
    )
    page.locator("#id_title").fill("Le Sénat examine la réforme")
    page.locator("#id_summary").fill("Le texte arrive au Sénat ce matin.")

    # A "Lire aussi" block, its article found by title in the chooser.
    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name=re.compile("Insérer un bloc")).first.click()
    page.get_by_role("option", name="Lire aussi").click()
    body.get_by_role("button", name="Choisir un article").click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("heading", name="Choisir un article")).to_be_visible()
    modal.get_by_placeholder("Chercher dans les titres").fill("retraites")
    modal.get_by_role("link", name="La réforme des retraites votée hier").click()
    expect(modal).to_be_hidden()
    expect(body).to_contain_text("La réforme des retraites votée hier")

    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("soumis")

    article = ArticlePage.objects.get(title="Le Sénat examine la réforme")
    revision = article.get_latest_revision_as_object()
    (read_also,) = [b for b in revision.body if b.block_type == "read_also"]
    assert read_also.value["article"].pk == newsroom["yesterday"].pk
    assert [link.author_id for link in revision.article_authors.all()] == [
        newsroom["author"].pk
    ]

    # The editor approves it from the dashboard.
    browser_context.clear_cookies()
    login(page, base, "chef")
    row = page.locator("#awaiting-review-section tr", has_text="Le Sénat examine")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approuver").first.click()
    # Approved without comment: the dashboard reloads without the row.
    expect(row).to_have_count(0)
    article.refresh_from_db()
    assert article.live
    assert_all_local(browser_context.hosts)


def test_a_slug_clash_names_its_page(live_server, newsroom, browser_context):
    from playwright.sync_api import expect

    base = live_server.url.replace("localhost", "127.0.0.1")
    page = browser_context.new_page()
    login(page, base, "plume")
    yesterday = newsroom["yesterday"]
    page.goto(f"{base}/admin/pages/add/news/articlepage/{newsroom['section'].pk}/")
    page.locator("#id_title").fill("Un autre texte")
    page.locator("#id_summary").fill("Une phrase.")
    page.get_by_role("tab", name="Promotion").click()
    # Wagtail fills the slug from the title a moment later: let it, then
    # overwrite it, or its late update would replace the clashing slug.
    expect(page.locator("#id_slug")).to_have_value("un-autre-texte")
    page.locator("#id_slug").fill(yesterday.slug)
    expect(page.locator("#id_slug")).to_have_value(yesterday.slug)
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    error = page.locator(".messages")
    expect(error).to_contain_text("est déjà prise par", timeout=15_000)
    link = error.get_by_role("link", name=yesterday.title)
    expect(link).to_have_attribute("href", f"/admin/pages/{yesterday.pk}/edit/")
    expect(error).to_contain_text(f"{yesterday.slug}-2")
    assert_all_local(browser_context.hosts)


def test_an_author_switches_the_admin_to_arabic(live_server, newsroom, browser_context):
    from playwright.sync_api import expect

    base = live_server.url.replace("localhost", "127.0.0.1")
    page = browser_context.new_page()
    login(page, base, "plume")
    page.goto(base + "/admin/account/")
    page.locator("select[name$=preferred_language]").select_option("ar")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.goto(base + "/admin/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # Manchette's own panel, through gettext (its Arabic comes with the catalogue).
    expect(page.locator("#manchette-my-articles-section")).to_be_visible()
    assert_all_local(browser_context.hosts)
