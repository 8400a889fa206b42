"""The request's Wagtail site is Wagtail's own answer, and a site change shows at once."""

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_a_changed_site_is_seen_on_the_next_request(client, section):
    assert client.get("/politique/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "autre.example.org"
    site.save()

    # No site serves this host any more: Wagtail answers 404.
    assert client.get("/politique/").status_code == 404

    site.is_default_site = True
    site.save()
    assert client.get("/politique/").status_code == 200


def test_an_edited_home_page_is_seen_on_the_next_request(client, home):
    assert client.get("/").status_code == 200
    home = home.specific
    home.intro = "Une accroche toute neuve"
    home.save_revision().publish()
    assert "Une accroche toute neuve" in client.get("/").content.decode()


def test_a_page_added_under_the_home_page_is_found_at_once(client, home):
    from manchette.news.models import ContentPage

    home = home.specific
    for child in home.get_children():
        child.delete()
    assert client.get("/").status_code == 200  # Cached with no child.
    home.refresh_from_db()
    home.add_child(instance=ContentPage(title="À propos", slug="a-propos"))
    assert client.get("/a-propos/").status_code == 200


def test_an_unknown_host_gets_the_default_site(rf, home):
    from manchette.core.sites import site_for_request

    request = rf.get("/", HTTP_HOST="inconnu.example.org")
    assert site_for_request(request) == Site.objects.get(is_default_site=True)
    assert site_for_request(None) == Site.objects.get(is_default_site=True)


def test_a_private_page_is_private_on_the_next_request(client, section):
    from wagtail.models import PageViewRestriction

    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(section=section)
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(article.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]
    PageViewRestriction.objects.filter(page=article).delete()
    # A queryset delete sends post_delete for each restriction.
    assert client.get(article.url).status_code == 200
