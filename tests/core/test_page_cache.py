"""The app's side of the page cache: which responses a shared cache may keep,
their tags, and the purges that follow a change (seen by a local stand-in CDN).
"""

import logging
import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from manchette.core.pagecache import add_cache_tags, invalidate
from manchette.core.pagecache.middleware import strip_csrf_tokens
from manchette.core.pagecache.pages import tree_tags
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def xkey(response) -> set[str]:
    return set(response.get("xkey", "").split())


def test_public_page_is_shared_with_its_tags(client, section):
    article = ArticlePageFactory()
    response = client.get(article.url)
    control = response["Cache-Control"]
    assert "public" in control
    assert "max-age=30" in control
    assert "s-maxage=3600" in control
    tags = xkey(response)
    assert {"site", f"page:{article.pk}", f"tree:{article.path}"} <= tags
    # One tree tag per level: the section's restriction reaches its articles.
    assert f"tree:{section.path}" in tags
    assert "Cookie" not in response.get("Vary", "")
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert not response.cookies
    assert int(response["X-Pagecache-Seq"]) > 0


def test_tag_headers_follow_the_configured_caches(client, section, settings):
    settings.MANCHETTE_CACHE_TAG_HEADERS = [
        "xkey",
        "Surrogate-Key",
        "Cache-Tag",
        "Edge-Cache-Tag",
    ]
    article = ArticlePageFactory()
    response = client.get(article.url)
    tags = sorted(xkey(response))
    assert response["Surrogate-Key"] == " ".join(tags)
    assert response["Cache-Tag"] == ", ".join(tags)
    assert response["Edge-Cache-Tag"] == ", ".join(tags)


def test_tree_tags_name_every_level_below_the_root():
    assert tree_tags("000100020003") == ["tree:00010002", "tree:000100020003"]


def test_shared_page_carries_no_csrf_token_nor_cookie(client, section):
    # A fresh article: its comment form (with a CSRF field) is open.
    article = ArticlePageFactory(published_at=timezone.now())
    response = client.get(article.url)
    tokens = TOKEN.findall(response.content.decode())
    assert tokens
    assert set(tokens) == {""}
    assert "csrftoken" not in response.cookies
    assert int(response["Content-Length"]) == len(response.content)


def test_strip_csrf_tokens_empties_only_the_token():
    html = b'<input type="hidden" name="csrfmiddlewaretoken" value="abc"><i value="x">'
    assert strip_csrf_tokens(html) == (
        b'<input type="hidden" name="csrfmiddlewaretoken" value=""><i value="x">'
    )


def test_form_on_a_shared_page_passes_csrf_with_the_token_endpoint(section):
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


def test_token_endpoint_is_never_shared(section):
    response = Client().get("/csrf/")
    assert "public" not in response["Cache-Control"]
    assert response.cookies["csrftoken"].value


def test_logged_in_editor_gets_a_private_page(client, section, admin_user):
    article = ArticlePageFactory()
    client.force_login(admin_user)
    response = client.get(article.url)
    assert response["Cache-Control"] == "private, no-store"
    assert "xkey" not in response


def test_reader_with_a_pending_message_gets_a_private_page(section):
    article = ArticlePageFactory()
    reader = Client()
    reader.cookies["messages"] = "something"
    assert reader.get(article.url)["Cache-Control"] == "private, no-store"


def test_post_is_never_shared(client, section):
    response = client.post("/newsletter/inscription/", {"email": "a@example.org"})
    assert "public" not in response.get("Cache-Control", "")
    assert "xkey" not in response


def test_page_cache_off_shares_nothing(client, section, settings):
    settings.MANCHETTE_PAGE_CACHE = False
    article = ArticlePageFactory()
    response = client.get(article.url)
    assert "public" not in response.get("Cache-Control", "")
    assert "xkey" not in response


def test_not_found_is_not_shared(client, section):
    response = client.get("/politique/nulle-part/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret"},
        {"restriction_type": PageViewRestriction.LOGIN},
    ],
)
def test_restricted_page_and_its_children_are_never_shared(
    client, section, restriction
):
    article = ArticlePageFactory()
    PageViewRestriction.objects.create(page=section, **restriction)
    for url in (section.url, article.url):
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url
        assert "xkey" not in response


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_page_rendered_across_an_invalidation_of_its_tags_is_not_shared(
    client, section
):
    article = ArticlePageFactory()

    def editor_publishes_meanwhile(page, request, serve_args, serve_kwargs):
        # Outside a transaction: the versions move now, mid-render.
        invalidate(f"page:{page.pk}")

    with hooks.register_temporarily("before_serve_page", editor_publishes_meanwhile):
        raced = client.get(article.url)
    assert raced.status_code == 200
    assert raced["Cache-Control"] == "private, no-store"
    assert "xkey" not in raced
    # The next render started after it: shared again.
    assert "public" in client.get(article.url)["Cache-Control"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_base_data")
def test_an_invalidation_of_other_tags_does_not_stop_sharing(client, section):
    article = ArticlePageFactory()

    def other_change(page, request, serve_args, serve_kwargs):
        invalidate("article:999999")

    with hooks.register_temporarily("before_serve_page", other_change):
        assert "public" in client.get(article.url)["Cache-Control"]


def test_views_declare_their_own_tags(rf):
    request = rf.get("/")
    add_cache_tags(request, "article:1", ["section:2", "site"])
    add_cache_tags(None, "ignored")
    from manchette.core.pagecache import cache_tags

    assert cache_tags(request) == {"article:1", "section:2", "site"}


# Invalidation -----------------------------------------------------------------


def test_invalidations_of_one_transaction_are_purged_once_after_commit(
    purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate("article:1", "section:2")
        invalidate(["article:1", "tag:3"])
        assert purges.received == []
    assert len(purges.received) == 1
    assert {"article:1", "section:2", "tag:3"} <= set(purges.received[0]["keys"])
    assert purges.received[0]["headers"]["Fastly-Key"] == "test-token"
    assert purges.received[0]["path"] == "/service/test/purge"


def test_a_rolled_back_change_purges_nothing(
    purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invalidate("article:1")
    assert callbacks
    assert purges.received == []


def test_cdn_purges_go_by_batches_of_256(purges, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate([f"batch:{number}" for number in range(600)])
    sizes = [len(item["keys"]) for item in purges.received]
    assert max(sizes) == 256
    assert {tag for tag in purges.tags() if tag.startswith("batch:")} == {
        f"batch:{number}" for number in range(600)
    }


def test_unreachable_tiers_are_logged_not_raised(
    settings, caplog, django_capture_on_commit_callbacks
):
    from tests.conftest import free_port

    port = free_port()
    settings.MANCHETTE_CACHE_PURGE_URLS = [
        f"http://127.0.0.1:{port}",
        f"http://127.0.0.1:{port}",
    ]
    settings.MANCHETTE_CDN_PURGE_URL = f"http://127.0.0.1:{port}/purge"
    with (
        caplog.at_level(logging.WARNING, logger="manchette.pagecache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        invalidate("article:1")
    assert len([r for r in caplog.records if "Purge of" in r.getMessage()]) == 3


def test_publishing_and_unpublishing_purge_the_page(
    section, purges, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert f"page:{article.pk}" in purges.tags()
    purges.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert f"page:{article.pk}" in purges.tags()


def test_a_restriction_purges_the_page_and_everything_under_it(
    client, section, purges, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory()
    shown = xkey(client.get(article.url))
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.LOGIN
        )
    assert f"tree:{section.path}" in purges.tags()
    assert f"tree:{section.path}" in shown
    for change in ("save", "delete"):
        purges.received.clear()
        with django_capture_on_commit_callbacks(execute=True):
            getattr(restriction, change)()
        assert f"tree:{section.path}" in purges.tags(), change


def test_moving_and_deleting_purge_the_old_tree(
    section, purges, django_capture_on_commit_callbacks
):
    from tests.factories import section_get

    article = ArticlePageFactory()
    old_path = article.path
    other = section_get("economie", "Économie")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).move(other, pos="last-child")
    assert {f"tree:{old_path}", "site"} <= purges.tags()
    purges.received.clear()
    article = Page.objects.get(pk=article.pk)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert f"tree:{article.path}" in purges.tags()
