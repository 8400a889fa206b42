"""Live blogs: the page, its shared update endpoint, feed, JSON-LD, badge, admin."""

from datetime import timedelta

import extruct
import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from manchette.core.pagecache import cache_tags
from manchette.news.models import ArticlePage, LiveBlogPage, LiveUpdate
from manchette.news.selectors import news_sitemap_rows
from tests.news.pagecache_probe import purged_tags

pytestmark = pytest.mark.django_db


def live_blog_add(section, *, title="Soirée électorale", status="live"):
    page = LiveBlogPage(
        title=title,
        slug=slugify(title),
        summary="Les résultats, bureau par bureau.",
        status=status,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return LiveBlogPage.objects.get(pk=page.pk)


def update_add(page, text, *, minutes_ago=0, **kwargs):
    return LiveUpdate.objects.create(
        page=page,
        posted_at=timezone.now() - timedelta(minutes=minutes_ago),
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
        **kwargs,
    )


def updates_html(response) -> str:
    """Return the visible list of updates of a live blog page."""
    html = response.content.decode()
    return html[html.index('class="live-updates__list"') :]


@pytest.fixture
def live(section):
    return live_blog_add(section)


def test_page_shows_updates_pinned_first_then_newest_first(client, live):
    update_add(live, "Premiers résultats", minutes_ago=30)
    update_add(live, "Taux de participation", minutes_ago=40, pinned=True)
    update_add(live, "Le dépouillement continue", minutes_ago=5)

    response = client.get(live.url)

    html = updates_html(response)
    assert response.status_code == 200
    order = [
        html.index(text)
        for text in ("Taux de participation", "Le dépouillement", "Premiers résultats")
    ]
    assert order == sorted(order)
    assert f"article:{live.pk}" in cache_tags(response.wsgi_request)


def test_older_updates_are_on_the_next_page(client, live):
    for number in range(25):
        update_add(live, f"Mise à jour numéro {number:02d}", minutes_ago=100 - number)

    first = updates_html(client.get(live.url))
    second = updates_html(client.get(live.url + "?page=2"))

    assert "numéro 24" in first
    assert "numéro 00" not in first
    assert "numéro 00" in second
    assert client.get(live.url + "?page=9").status_code == 404


def test_page_works_without_javascript_endpoint_on_older_pages(client, live):
    update_add(live, "Une mise à jour")
    assert "data-endpoint" in client.get(live.url).content.decode()
    ended = live_blog_add(live.get_parent().specific, title="Fini", status="ended")
    assert "data-endpoint" not in client.get(ended.url).content.decode()


def test_endpoint_serves_the_newest_updates_rendered(client, live):
    update = update_add(live, "Résultat à Fès", title="Fès")

    response = client.get(f"/direct/{live.pk}/mises-a-jour.json")

    data = response.json()
    assert data["status"] == "live"
    assert data["updates"][0]["id"] == update.pk
    assert "Résultat à Fès" in data["updates"][0]["html"]
    assert cache_tags(response.wsgi_request) == {f"article:{live.pk}"}
    assert "public" in response["Cache-Control"]


def test_endpoint_of_an_unknown_or_unpublished_live_blog_is_a_404(client, live):
    assert client.get("/direct/999999/mises-a-jour.json").status_code == 404
    live.unpublish()
    assert client.get(f"/direct/{live.pk}/mises-a-jour.json").status_code == 404


def test_json_ld_is_a_live_blog_posting(client, live):
    update_add(live, "Premier bureau dépouillé", title="Bureau 1")
    live.status = LiveBlogPage.Status.ENDED
    live.save_revision().publish()

    html = client.get(live.url).content.decode()

    data = next(
        item
        for item in extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        if item.get("@type") == "LiveBlogPosting"
    )
    assert data["coverageStartTime"]
    assert data["coverageEndTime"]
    assert data["liveBlogUpdate"][0]["@type"] == "BlogPosting"
    assert data["liveBlogUpdate"][0]["headline"] == "Bureau 1"
    assert data["liveBlogUpdate"][0]["articleBody"] == "Premier bureau dépouillé"


def test_feed_lists_the_updates(client, live):
    update_add(live, "Un", title="Premier", minutes_ago=2)
    update_add(live, "Deux", title="Second")

    response = client.get(f"/flux/direct/{live.pk}/rss/")

    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Second", "Premier"]
    assert feed.entries[0].link.endswith(f"#maj-{LiveUpdate.objects.first().pk}")
    assert f"article:{live.pk}" in cache_tags(response.wsgi_request)


def test_live_blog_is_in_the_google_news_sitemap(live):
    since = timezone.now() - timedelta(hours=48)
    assert live.url_path in [row[0] for row in news_sitemap_rows(since=since)]


def test_live_blog_is_listed_with_the_articles_of_its_section(client, live):
    assert live.title in client.get(live.get_parent().url).content.decode()
    assert ArticlePage.objects.filter(pk=live.pk).exists()


def test_badge_shows_while_live_only(live, section):
    request = RequestFactory().get("/")
    card = ArticlePage.objects.get(pk=live.pk)
    shown = render_to_string(
        "includes/live_badge.html", {"card": card, "request": request}
    )
    assert "En direct" in shown

    live.status = LiveBlogPage.Status.ENDED
    live.save_revision().publish()
    hidden = render_to_string(
        "includes/live_badge.html", {"card": card, "request": RequestFactory().get("/")}
    )
    assert "En direct" not in hidden


def test_posting_an_update_invalidates_only_the_live_blog(live):
    assert purged_tags(lambda: update_add(live, "Nouveau")) == {f"article:{live.pk}"}


def test_editing_an_update_marks_it_corrected(client, live):
    update = update_add(live, "Chiffre faux")
    update.body = [{"type": "paragraph", "value": "<p>Chiffre juste</p>"}]
    update.save()

    html = updates_html(client.get(live.url))
    assert "Chiffre juste" in html
    assert "corrigé" in html


def update_form(page, text):
    return nested_form_data(
        {
            "page": page.pk,
            "title": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "posted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M:%S"),
        }
    )


def test_two_editors_post_at_once_and_both_updates_stay(client, live):
    users = [
        get_user_model().objects.create_superuser(name, password="motdepasse")
        for name in ("amina", "youssef")
    ]
    from django.test import Client

    sessions = [Client(), Client()]
    for session, user in zip(sessions, users, strict=True):
        session.force_login(user)
    # Both open the form, then both publish.
    for session in sessions:
        assert session.get(f"/admin/direct/new/?page={live.pk}").status_code == 200
    for number, session in enumerate(sessions):
        response = session.post(
            f"/admin/direct/new/?page={live.pk}", update_form(live, f"Envoi {number}")
        )
        assert response.status_code == 302
        assert response["Location"] == f"/admin/direct/new/?page={live.pk}"

    updates = LiveUpdate.objects.filter(page=live)
    assert sorted(u.author.username for u in updates) == ["amina", "youssef"]
    html = client.get(live.url).content.decode()
    assert "Envoi 0" in html
    assert "Envoi 1" in html


def test_live_blog_header_offers_to_add_an_update(client, live):
    admin = get_user_model().objects.create_superuser("chef", password="motdepasse")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{live.pk}/edit/").content.decode()
    assert f"/admin/direct/new/?page={live.pk}" in html
    assert "Ajouter une mise à jour" in html
