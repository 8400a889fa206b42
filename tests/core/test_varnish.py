"""Through the real shared cache: Varnish with vmod xkey (deploy/varnish/) in
front of the live server, purged by the app's invalidations.
"""

import urllib.error
import urllib.request

import pytest
from wagtail import hooks
from wagtail.models import PageViewRestriction

from manchette.core.pagecache import invalidate
from tests.core.conftest import republish
from tests.factories import ArticlePageFactory

# Serialized rollback puts back Wagtail's root page, which the flush removes.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


def get(url: str, headers: dict | None = None) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def test_article_is_kept_then_fresh_at_once_after_publishing(section, varnish_front):
    article = ArticlePageFactory(title="Titre initial")
    url = varnish_front.url + article.url
    status, _, headers = get(url)
    assert (status, headers["X-Cache"]) == (200, "MISS")
    status, body, headers = get(url)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert "Titre initial" in body
    # Tags and sequence numbers are for the cache, not for readers.
    assert "xkey" not in headers
    assert "X-Pagecache-Seq" not in headers

    republish(article, "Titre corrigé")

    _, body, headers = get(url)
    assert headers["X-Cache"] == "MISS"
    assert "Titre corrigé" in body


def test_a_restriction_makes_a_cached_article_private_at_once(section, varnish_front):
    article = ArticlePageFactory(paragraphs=["Le texte intégral réservé aux abonnés."])
    url = varnish_front.url + article.url
    get(url)
    _, body, headers = get(url)
    assert headers["X-Cache"] == "HIT"
    assert "Le texte intégral réservé aux abonnés." in body

    # On the section: the article under it is private too.
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="abonne"
    )

    for _ in range(2):
        status, body, headers = get(url)
        assert "Le texte intégral réservé aux abonnés." not in body
        assert headers["X-Cache"] != "HIT"
        assert "public" not in headers.get("Cache-Control", "")


def test_editors_and_posts_pass_and_are_never_stored(
    section, varnish_front, admin_user, client
):
    article = ArticlePageFactory()
    url = varnish_front.url + article.url
    client.force_login(admin_user)
    editor = {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}
    for _ in range(2):
        _, _, headers = get(url, editor)
        assert headers["X-Cache"] != "HIT"
        assert headers["Cache-Control"] == "private, no-store"
    # The editor's page was not stored for readers either.
    assert get(url)[2]["X-Cache"] == "MISS"
    request = urllib.request.Request(
        varnish_front.url + "/newsletter/inscription/", data=b"email=a", method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert refused.value.headers["X-Cache"] != "HIT"


def test_analytics_and_csrf_cookies_share_the_readers_copy(section, varnish_front):
    article = ArticlePageFactory()
    url = varnish_front.url + article.url
    get(url)
    _, _, headers = get(url, {"Cookie": "_ga=GA1.2.3; csrftoken=abc; _pk_id.1=x"})
    assert headers["X-Cache"] == "HIT"
    assert "Set-Cookie" not in headers


def test_a_render_overtaken_by_any_purge_is_not_stored(section, varnish_front):
    article = ArticlePageFactory()
    url = varnish_front.url + article.url

    def unrelated_change_meanwhile(page, request, serve_args, serve_kwargs):
        # Not one of the page's tags: the app shares the page, but Varnish
        # received a purge numbered after this render started.
        invalidate("article:999999")

    with hooks.register_temporarily("before_serve_page", unrelated_change_meanwhile):
        _, _, headers = get(url)
    assert "public" in headers["Cache-Control"]
    assert get(url)[2]["X-Cache"] == "MISS"
    assert get(url)[2]["X-Cache"] == "HIT"


def test_purge_needs_an_xkey_header(varnish_front):
    request = urllib.request.Request(varnish_front.url + "/", method="PURGE")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 400
