import re

import pytest
from django.test import Client
from django.utils import timezone

import manchette.core.cache as page_cache_module
from manchette.core.cache import page_cache, purge_urls
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _commit_free_purges(monkeypatch):
    """Tests never commit, so purges never replace their pending marks: shorten them."""
    monkeypatch.setattr(page_cache_module, "PENDING_SECONDS", 0.0)


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def test_anonymous_article_is_served_from_cache_the_second_time(
    client, section, django_assert_num_queries
):
    article = ArticlePageFactory()
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_cached_page_has_cdn_headers_and_minimal_vary(client, section):
    article = ArticlePageFactory()
    response = client.get(article.url)
    control = response["Cache-Control"]
    assert "public" in control
    assert "max-age=30" in control
    assert "s-maxage=600" in control
    assert "stale-while-revalidate=30" in control
    assert "Cookie" not in response.get("Vary", "")
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert not response.cookies


def test_matching_etag_gives_304(client, section):
    article = ArticlePageFactory()
    etag = client.get(article.url)["ETag"]
    assert client.get(article.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(article.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_logged_in_editor_is_never_served_nor_cached(client, section, admin_user):
    article = ArticlePageFactory()
    client.force_login(admin_user)
    response = client.get(article.url)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
    assert page_cache().get("page:" + "x") is None
    anonymous = Client().get(article.url)
    assert anonymous["X-Page-Cache"] == "miss"


def test_cached_page_carries_no_csrf_token(client, section):
    # A fresh article: its comment form (with a CSRF field) is open.
    article = ArticlePageFactory(published_at=timezone.now())
    html = client.get(article.url).content.decode()
    tokens = TOKEN.findall(html)
    assert tokens
    assert set(tokens) == {""}


def test_content_length_matches_the_stored_page(client, section):
    article = ArticlePageFactory()
    for response in (client.get(article.url), client.get(article.url)):
        assert int(response["Content-Length"]) == len(response.content)


def test_form_on_cached_page_passes_csrf_with_the_token_endpoint(section):
    article = ArticlePageFactory()
    reader = Client(enforce_csrf_checks=True)
    reader.get(article.url)
    without = reader.post("/newsletter/inscription/", {"email": "a@example.org"})
    assert without.status_code == 403
    token = reader.get("/csrf/").json()["token"]
    with_token = reader.post(
        "/newsletter/inscription/",
        {"email": "a@example.org", "csrfmiddlewaretoken": token},
    )
    assert with_token.status_code != 403


def test_token_endpoint_is_never_cached(section):
    response = Client().get("/csrf/")
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    assert response.cookies["csrftoken"].value


def test_page_cache_off_caches_nothing(client, section, settings):
    settings.MANCHETTE_PAGE_CACHE = False
    article = ArticlePageFactory()
    client.get(article.url)
    response = client.get(article.url)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_purge_drops_page_and_its_query_variants(client, section):
    ArticlePageFactory()
    assert client.get("/politique/")["X-Page-Cache"] == "miss"
    assert client.get("/politique/?page=1")["X-Page-Cache"] == "miss"
    assert client.get("/politique/?page=1")["X-Page-Cache"] == "hit"
    purge_urls(["/politique/"], now=True)
    assert client.get("/politique/")["X-Page-Cache"] == "miss"
    assert client.get("/politique/?page=1")["X-Page-Cache"] == "miss"


def test_post_is_never_cached(client, section):
    client.post("/newsletter/inscription/", {"email": "a@example.org"})
    response = client.post("/newsletter/inscription/", {"email": "a@example.org"})
    assert "X-Page-Cache" not in response


def test_private_page_is_never_cached(client, section):
    from wagtail.models import PageViewRestriction

    public = ArticlePageFactory()
    client.get(public.url)
    private = ArticlePageFactory()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    first = client.get(private.url)
    second = client.get(private.url)
    assert "secret" not in second.content.decode()
    assert second.get("X-Page-Cache") != "hit"
    assert "public" not in first.get("Cache-Control", "")
    assert client.get(public.url)["X-Page-Cache"] == "hit"
