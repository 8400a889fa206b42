"""Password-protected WordPress posts and pages: published behind Wagtail's
password form, with their own password, and nowhere else with their text."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from manchette.importers.services import wxr_import
from manchette.news.models import ArticlePage, ContentPage
from tests.importers import wxr_builder as wxr

pytestmark = pytest.mark.django_db

PASSWORD = "<wp:post_password>sésame ouvre-toi</wp:post_password>"
SECRET = "Zygomorphe confidentiel"


@pytest.fixture
def export(tmp_path):
    return wxr.write(
        tmp_path,
        wxr.post(
            1,
            title="Le dossier verrouillé",
            slug="template-password-protected",
            body=f"{SECRET} : le texte réservé.",
            excerpt="",
            date="2012-01-04 09:00:00",
            categories=[("enquetes", "Enquêtes")],
            tags=[("marches", "Marchés")],
            extra=PASSWORD,
        ),
        wxr.post(
            2,
            title="Le dossier ouvert",
            slug="ouvert",
            body="Zygomorphe public : le texte de tous.",
            categories=[("enquetes", "Enquêtes")],
            tags=[("marches", "Marchés")],
        ),
        wxr.post(
            3,
            title="La page réservée",
            slug="reservee",
            post_type="page",
            body=f"{SECRET} sur une page.",
            extra=PASSWORD,
        ),
    )


@pytest.fixture
def imported(home, export, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return wxr_import(export)


def protected():
    return ArticlePage.objects.get(slug="template-password-protected")


def test_a_protected_post_is_published_with_its_own_password(imported):
    article = protected()

    assert article.live
    restriction = PageViewRestriction.objects.get(page=article)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "sésame ouvre-toi"
    # Its summary does not give the text away.
    assert SECRET not in article.summary
    page = ContentPage.objects.get(slug="reservee")
    assert page.live
    assert PageViewRestriction.objects.get(page=page).password == "sésame ouvre-toi"


def test_the_old_permalink_leads_to_the_password_form_then_the_text(imported):
    reader = Client()
    article = protected()

    old = reader.get("/2012/01/04/template-password-protected/")
    assert old.status_code == 301
    assert old["Location"].endswith(article.url)

    form = reader.get(article.url)
    html = form.content.decode()
    assert form.status_code == 200
    assert SECRET not in html
    assert 'name="password"' in html
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)

    wrong = reader.post(action, {"password": "faux", "return_url": article.url})
    assert SECRET not in wrong.content.decode()
    assert reader.get(article.url).content.decode().count(SECRET) == 0

    right = reader.post(
        action, {"password": "sésame ouvre-toi", "return_url": article.url}
    )
    assert right.status_code == 302
    assert SECRET in reader.get(article.url).content.decode()


def test_a_protected_page_shows_the_password_form(imported, client):
    page = ContentPage.objects.get(slug="reservee")

    assert client.get("/?page_id=3").status_code == 301
    html = client.get(page.url).content.decode()
    assert 'name="password"' in html
    assert SECRET not in html


def test_the_protected_post_is_in_no_listing_feed_sitemap_api_or_search(
    imported, client
):
    article = protected()
    public = ArticlePage.objects.get(slug="ouvert")
    section_path = public.section.url
    tag_slug = public.tags.get().slug
    pages = [
        "/",
        section_path,
        f"/sujets/{tag_slug}/",
        "/flux/rss/",
        "/flux/atom/",
        f"/flux/rubrique/{section_path.strip('/')}/rss/",
        f"/flux/sujet/{tag_slug}/rss/",
        "/api/articles",
        "/recherche/?q=zygomorphe",
    ]
    sitemap = client.get("/sitemap.xml").content.decode()
    pages += [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    for path in pages:
        response = client.get(path)
        text = response.content.decode()
        if response.status_code == 404:
            continue
        assert response.status_code == 200, path
        assert "Le dossier verrouillé" not in text, path
        assert SECRET not in text, path
        assert article.url not in text, path
    # Each list did show the public post of the same section and tag.
    for path in (
        "/",
        section_path,
        "/flux/rss/",
        "/api/articles",
        "/recherche/?q=zygomorphe",
    ):
        assert "Le dossier ouvert" in client.get(path).content.decode(), path
    assert client.get(f"/api/articles/{article.pk}").status_code == 404
    assert client.get(f"/api/articles/{public.pk}").status_code == 200


def test_a_second_run_changes_nothing_and_a_new_password_is_taken(
    imported, export, tmp_path
):
    again = wxr_import(export)

    assert again.created == dict.fromkeys(again.created, 0)
    assert again.updated == dict.fromkeys(again.updated, 0)
    assert PageViewRestriction.objects.count() == 2

    changed = tmp_path / "changed.xml"
    changed.write_text(
        export.read_text(encoding="utf-8").replace("sésame ouvre-toi", "autre"),
        encoding="utf-8",
    )
    report = wxr_import(changed)

    assert report.updated["articles"] == 1
    assert PageViewRestriction.objects.get(page=protected()).password == "autre"
    assert PageViewRestriction.objects.count() == 2
