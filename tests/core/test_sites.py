"""The request's Wagtail site comes from the cache, and a site change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_the_site_is_looked_up_once_then_read_from_the_cache(client, section):
    client.get("/politique/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/politique/").status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


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


def test_routing_reads_neither_the_home_page_nor_the_locale(client, section):
    client.get("/politique/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/politique/").status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "news_homepage" not in sql
    assert "wagtailcore_locale" not in sql


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
