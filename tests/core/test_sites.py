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


def test_shared_state_is_read_once_per_sites_version(client, section):
    """Site-wide values (here: is any page private) are kept in the worker's
    memory for as long as the sites version lasts; renewing the version (what
    ``state.delete`` does after a change) makes every worker read them again.
    """
    from django.core.cache import cache

    from manchette.core.privacy import RESTRICTIONS_KEY
    from manchette.core.sites import _request_version, bump_version, state

    assert client.get("/politique/").status_code == 200
    assert cache.get(RESTRICTIONS_KEY) is False
    # Another process writes the shared entry without renewing the version:
    # this worker's requests keep the value they read under this version.
    cache.set(RESTRICTIONS_KEY, "autre", 60)
    version = cache.get("core:sites-version")
    token = _request_version.set(version)
    try:
        assert state.get(RESTRICTIONS_KEY) is False
    finally:
        _request_version.reset(token)
    # Outside a request every read goes to the shared cache.
    assert state.get(RESTRICTIONS_KEY) == "autre"

    bump_version()
    token = _request_version.set(cache.get("core:sites-version"))
    try:
        assert state.get(RESTRICTIONS_KEY) == "autre"
    finally:
        _request_version.reset(token)


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
