"""The render cache (``core/pagecache/rendered.py``): parts of pages kept under
the tags they show, served again until one of those tags is invalidated.

Changes go through the services, with their commit hooks run
(``django_capture_on_commit_callbacks``): tag versions move after a commit.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from manchette.comments.models import Comment
from manchette.comments.services import comment_set_status
from manchette.core.pagecache import add_cache_tags, cache_tags, versions
from manchette.core.pagecache.middleware import STARTED_ATTRIBUTE
from manchette.core.pagecache.rendered import render_cached
from manchette.news.models import ArticlePage
from tests.core.conftest import republish
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_cache_on(settings):
    settings.MANCHETTE_RENDER_CACHE = True


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_second_reader_gets_the_parts_without_their_queries(client, section):
    article = ArticlePageFactory(section=section, tags=["port"], authors=["Leïla B."])
    ArticlePageFactory(section=section, title="Un voisin de rubrique", tags=["port"])

    first_count, first = queries(client, article.url)
    second_count, second = queries(client, article.url)

    assert second_count < first_count
    # The same page, related box and byline included.
    assert "Un voisin de rubrique" in second
    assert "Leïla B." in second
    strip = re.compile(r'name="(csrfmiddlewaretoken|jeton)" value="[^"]*"')
    assert strip.sub("", first) == strip.sub("", second)
    first_tags = client.get(article.url).headers["xkey"]
    assert "author:" in first_tags
    assert f"article:{article.pk}" in first_tags


def test_a_stored_part_carries_no_reader_token(client, section):
    article = ArticlePageFactory(section=section)
    client.get(article.url)
    second = client.get(article.url).content.decode()

    assert 'name="csrfmiddlewaretoken" value=""' in second
    assert not re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', second)


def test_a_correction_is_shown_to_the_next_reader(
    client, section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(section=section, title="Titre d’origine")
    assert "Titre d’origine" in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        republish(article, "Titre corrigé")

    page = client.get(article.url).content.decode()
    assert "Titre corrigé" in page
    assert "Titre d’origine" not in page


def test_a_new_article_of_the_section_enters_the_related_box(
    client, section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(section=section, tags=["port"])
    assert "Le nouveau voisin" not in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(section=section, title="Le nouveau voisin", tags=["port"])

    assert "Le nouveau voisin" in client.get(article.url).content.decode()


def test_an_approved_comment_appears(
    client, section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(section=section)
    comment = Comment.objects.create(
        article=article,
        author_name="Karim",
        author_email="karim@example.org",
        body="Un avis enfin publié.",
        status=Comment.Status.PENDING,
    )
    assert "Un avis enfin publié." not in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        comment_set_status(comments=[comment], status=Comment.Status.APPROVED)

    assert "Un avis enfin publié." in client.get(article.url).content.decode()


def test_an_editor_never_gets_a_stored_part(client, section):
    article = ArticlePageFactory(section=section, title="Titre lu par tous")
    client.get(article.url)
    # A change made behind the services' back: no invalidation at all.
    ArticlePage.objects.filter(pk=article.pk).update(title="Titre changé en base")

    assert "Titre lu par tous" in client.get(article.url).content.decode()
    editor = User.objects.create_superuser("redac", "redac@example.org", "x")
    client.force_login(editor)
    assert "Titre changé en base" in client.get(article.url).content.decode()


def request_started():
    request = RequestFactory().get("/un-article/")
    setattr(request, STARTED_ATTRIBUTE, versions.render_started())
    return request


def render_showing(html):
    def render():
        add_cache_tags(request_of[0], "article:1")
        return html

    request_of = []
    return request_of, render


def cached(html):
    request = request_started()
    request_of, render = render_showing(html)
    request_of.append(request)
    return render_cached(request, "essai", render), cache_tags(request)


def test_a_part_is_served_until_a_tag_it_shows_is_invalidated():
    assert cached("première")[0] == "première"
    html, tags = cached("seconde")
    assert html == "première"
    assert tags == {"article:1"}  # A hit records what the part shows.

    versions.bump(["article:2"])  # Something else.
    assert cached("seconde")[0] == "première"
    versions.bump(["article:1"])
    assert cached("seconde")[0] == "seconde"


def test_a_render_overtaken_by_an_invalidation_is_not_kept():
    request = request_started()
    request_of, render = render_showing("lue avant le changement")
    request_of.append(request)
    # The change commits while this render is under way.
    versions.bump(["article:1"])
    assert render_cached(request, "essai", render) == "lue avant le changement"

    assert cached("lue après")[0] == "lue après"


def test_a_lost_tag_version_counts_as_a_change():
    cached("avant")
    # The cache evicted the tag's version: nothing proves the part is current.
    versions.shared_cache().delete(versions.TAG_KEY_PREFIX + "article:1")

    assert cached("après")[0] == "après"


def test_off_the_cache_is_never_read(settings):
    settings.MANCHETTE_RENDER_CACHE = False
    cached("première")
    assert cached("seconde")[0] == "seconde"


def test_a_page_made_private_keeps_no_part_for_readers(
    client, section, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    article = ArticlePageFactory(section=section, title="Bientôt réservé")
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.LOGIN
        )

    response = client.get(article.url)
    assert response.status_code == 302
    assert "Bientôt réservé" not in response.content.decode()


def test_a_url_with_a_query_string_is_always_rendered(client, section):
    article = ArticlePageFactory(section=section, title="Titre lu par tous")
    client.get(article.url)
    ArticlePage.objects.filter(pk=article.pk).update(title="Titre changé en base")

    assert "Titre lu par tous" in client.get(article.url).content.decode()
    with_query = client.get(article.url, {"utm_source": "lettre"}).content.decode()
    assert "Titre changé en base" in with_query
