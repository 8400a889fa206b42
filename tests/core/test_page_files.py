"""Pages as files: the app writes a public page where nginx serves it as a static
file, a purge deletes it, and nothing but an anonymous GET or HEAD without query
string is ever answered from one.

The first tests run the project's nginx in front of Django's live server; the
others check the app's side alone.
"""

import gzip
import os
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.test import Client
from django.utils import timezone

from manchette.core import cache as page_cache
from manchette.core.middleware import file_headers_match, page_file_headers
from manchette.newsletter.models import Subscriber
from tests.core.conftest import nginx_front, nginx_installed, republish
from tests.factories import ArticlePageFactory

# Headers that differ between two answers for reasons other than the page.
_TRANSPORT = {
    "date",
    "server",
    "connection",
    "keep-alive",
    "etag",
    "last-modified",
    "content-length",
    "accept-ranges",
    "vary",
    "x-cache",
    "x-page-cache",
}


def fetch(url: str, headers: dict | None = None, data: bytes | None = None):
    """Return (status, headers, body) of a request; HTTP errors are answers too."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def nginx(live_server, settings, wagtail_base_data):
    if not nginx_installed():
        pytest.skip("Debian's nginx and its cache-purge module are not installed")
    with nginx_front(live_server, settings) as front:
        yield front


@pytest.mark.django_db(transaction=True)
class TestThroughNginx:
    def test_second_read_is_the_file_with_the_apps_own_headers(
        self, nginx, section, live_server
    ):
        article = ArticlePageFactory(title="Un article servi par nginx")
        status, first, body = fetch(nginx.url + article.url)
        assert status == 200
        assert first["X-Cache"] != "HIT"
        assert (
            nginx.pages / article.url.strip("/") / "index.html"
        ).read_bytes() == body

        status, second, again = fetch(nginx.url + article.url)
        assert status == 200
        assert second["X-Cache"] == "HIT"
        assert again == body
        assert "X-Page-Cache" not in second  # Not from the app.

        # The same page straight from the app: same body, same headers.
        _, direct, direct_body = fetch(live_server.url + article.url)
        assert direct_body == body
        mine = {n.lower(): v for n, v in second.items() if n.lower() not in _TRANSPORT}
        theirs = {
            n.lower(): v for n, v in direct.items() if n.lower() not in _TRANSPORT
        }
        assert mine == theirs
        assert second["Content-Type"] == "text/html; charset=utf-8"

    def test_readers_who_accept_gzip_get_the_compressed_copy(self, nginx, section):
        article = ArticlePageFactory()
        _, _, plain = fetch(nginx.url + article.url)
        status, headers, packed = fetch(
            nginx.url + article.url, {"Accept-Encoding": "gzip"}
        )
        assert status == 200
        assert headers["X-Cache"] == "HIT"
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(packed) == plain

    def test_publish_deletes_the_files_of_every_page_showing_the_article(
        self, nginx, section
    ):
        article = ArticlePageFactory(title="Première version du titre")
        for url in (article.url, "/", section.url):
            fetch(nginx.url + url)
            assert fetch(nginx.url + url)[1]["X-Cache"] == "HIT"

        republish(article, "Deuxième version du titre")

        for url in (article.url, "/", section.url):
            assert not (nginx.pages / url.strip("/") / "index.html").exists(), url
            status, headers, body = fetch(nginx.url + url)
            assert "Deuxième version du titre" in body.decode(), url
            assert "Première version du titre" not in body.decode(), url
        # Written again, from the new version.
        _, headers, body = fetch(nginx.url + article.url)
        assert headers["X-Cache"] == "HIT"
        assert "Deuxième version du titre" in body.decode()

    def test_revalidation_never_matches_a_changed_page(self, nginx, section):
        article = ArticlePageFactory(title="Titre version A")
        fetch(nginx.url + article.url)
        _, headers, _ = fetch(nginx.url + article.url)
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert fetch(nginx.url + article.url, {"If-None-Match": etag})[0] == 304
        assert fetch(nginx.url + article.url, {"If-Modified-Since": modified})[0] == 304

        # Same length, very likely within the same second: the new file still
        # gets another ETag and a later date.
        republish(article, "Titre version B")
        fetch(nginx.url + article.url)
        status, headers, body = fetch(nginx.url + article.url, {"If-None-Match": etag})
        assert status == 200
        assert headers["X-Cache"] == "HIT"
        assert "Titre version B" in body.decode()
        assert headers["ETag"] != etag
        status, _, _ = fetch(nginx.url + article.url, {"If-Modified-Since": modified})
        assert status == 200

    def test_editors_queries_and_posts_go_to_the_app(self, nginx, section):
        article = ArticlePageFactory()
        fetch(nginx.url + article.url)
        assert fetch(nginx.url + article.url)[1]["X-Cache"] == "HIT"

        _, headers, _ = fetch(nginx.url + article.url, {"Cookie": "sessionid=abc"})
        assert headers["X-Cache"] != "HIT"
        _, headers, _ = fetch(nginx.url + article.url + "?utm_source=x")
        assert headers["X-Cache"] != "HIT"
        assert not (nginx.pages / ".none").exists()

        # A POST reaches the app with its body: the sign-up is recorded.
        status, _, body = fetch(
            nginx.url + "/newsletter/inscription/",
            {"Origin": nginx.url},
            urllib.parse.urlencode(
                {"email": "lectrice@example.org", "consent": "on"}
            ).encode(),
        )
        assert status == 200, body.decode()
        assert Subscriber.objects.filter(email="lectrice@example.org").exists()

    def test_feeds_are_not_files(self, nginx, section):
        ArticlePageFactory()
        for _ in range(2):
            status, headers, _ = fetch(nginx.url + "/flux/rss/")
            assert status == 200
        assert "xml" in headers["Content-Type"]
        assert not (nginx.pages / "flux").exists()


# The app's side ----------------------------------------------------------------


@pytest.fixture
def pages_dir(settings, tmp_path):
    settings.MANCHETTE_PAGE_FILES_DIR = str(tmp_path / "pages")
    return tmp_path / "pages"


def test_only_clean_folder_paths_name_a_file(pages_dir, settings):
    assert page_cache.page_file("/") == pages_dir / "index.html"
    assert page_cache.page_file("/a/été/") == pages_dir / "a" / "été" / "index.html"
    for path in ("/a", "/a//b/", "/a/../", "/a/./", "/.none/", "/a/\x00/"):
        assert page_cache.page_file(path) is None, path
    assert page_cache.page_file("/" + "a" * 201 + "/") is None
    settings.MANCHETTE_PAGE_FILES_DIR = ""
    assert page_cache.page_file("/a/") is None


@pytest.mark.django_db
def test_a_render_older_than_the_purge_leaves_no_file(pages_dir):
    started = time.time()
    page_cache.purge_urls(["/politique/"], now=True)
    assert not page_cache.write_page_file("/politique/", b"old", started=started)
    assert not (pages_dir / "politique" / "index.html").exists()
    assert not (pages_dir / "politique" / "index.html.gz").exists()

    assert page_cache.write_page_file("/politique/", b"new", started=time.time())
    target = pages_dir / "politique" / "index.html"
    assert target.read_bytes() == b"new"
    assert gzip.decompress(target.with_name("index.html.gz").read_bytes()) == b"new"
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []

    page_cache.purge_urls(["/politique/"], now=True)
    assert not target.exists()
    assert not target.with_name("index.html.gz").exists()


def test_each_new_file_of_a_page_is_dated_later(pages_dir):
    dates = []
    for content in (b"one", b"two", b"six"):
        assert page_cache.write_page_file("/p/", content, started=time.time())
        dates.append(os.stat(pages_dir / "p" / "index.html").st_mtime)
    assert dates[0] < dates[1] < dates[2]
    assert os.stat(pages_dir / "p" / "index.html.gz").st_mtime == dates[2]


def test_expired_files_are_removed_and_fresh_ones_kept(pages_dir):
    for path in ("/old/", "/new/"):
        page_cache.write_page_file(path, b"x", started=time.time())
    old = pages_dir / "old" / "index.html"
    for name in (old, old.with_name("index.html.gz")):
        os.utime(name, (time.time() - 700, time.time() - 700))
    assert page_cache.expire_page_files(600) == 1
    assert not old.exists()
    assert not old.with_name("index.html.gz").exists()
    assert (pages_dir / "new" / "index.html").exists()

    page_cache.remove_all_page_files()
    assert list(pages_dir.iterdir()) == []


def test_files_only_for_pages_with_the_headers_nginx_sends():
    own = [
        (name, value)
        for name, value in page_file_headers().items()
        if name
        not in {
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
        }
    ]
    page = [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"x"'), *own]
    assert file_headers_match(page)
    assert not file_headers_match(
        [(n, "ar" if n == "Content-Language" else v) for n, v in page]
    )
    assert not file_headers_match([*page, ("Link", "</a>; rel=preload")])
    assert not file_headers_match(
        [("Content-Type", "application/rss+xml; charset=utf-8"), *page[1:]]
    )
    assert not file_headers_match([*page, ("Vary", "Cookie")])


@pytest.mark.django_db
def test_the_app_writes_a_file_only_when_nginx_asks(pages_dir, section, monkeypatch):
    # The test never commits: the article's purge stays pending unless shortened.
    monkeypatch.setattr(page_cache, "PENDING_SECONDS", 0.0)
    article = ArticlePageFactory()
    target = pages_dir / article.url.strip("/") / "index.html"
    reader = Client()
    for _ in range(2):  # A miss, then a hit of Django's cache.
        response = reader.get(article.url)
        assert "X-Accel-Expires" not in response
    assert not target.exists()

    response = reader.get(article.url, HTTP_X_PAGE_FILE="1")
    assert response["X-Accel-Expires"] == "0"
    assert target.read_bytes() == response.content
    # The file is the shared page: its form tokens are empty (csrf.js fills them).
    assert b'name="csrfmiddlewaretoken" value=""' in target.read_bytes()

    # A query string is never a file.
    response = reader.get(article.url + "?page=2", HTTP_X_PAGE_FILE="1")
    assert "X-Accel-Expires" not in response


def test_the_same_page_is_not_written_again_and_keeps_its_date(pages_dir):
    assert page_cache.write_page_file("/p/", b"page", started=time.time())
    target = pages_dir / "p" / "index.html"
    first = os.stat(target)
    assert page_cache.write_page_file("/p/", b"page", started=time.time())
    assert os.stat(target).st_ino == first.st_ino
    # Purged and rendered the same: the same date, so readers' copies still match.
    page_cache.remove_page_files(["/p/"])
    assert page_cache.write_page_file("/p/", b"page", started=time.time())
    assert os.stat(target).st_mtime == first.st_mtime


@pytest.mark.django_db
def test_readers_of_a_page_being_rendered_wait_for_its_copy(
    pages_dir, section, monkeypatch, django_assert_num_queries
):
    import threading

    from manchette.core import middleware

    monkeypatch.setattr(page_cache, "PENDING_SECONDS", 0.0)
    article = ArticlePageFactory()
    reader = Client()
    rendered = reader.get(article.url)  # Stored in Django's cache...
    cache = page_cache.page_cache()
    key = page_cache.page_key(article.url)
    stored = cache.get(key)
    cache.delete(key)  # ...and gone, as after a purge.

    # Another request holds the render mark and stores the page a moment later.
    assert cache.add(page_cache.render_key(article.url), time.time())
    threading.Timer(0.2, cache.set, args=(key, stored)).start()
    with django_assert_num_queries(0):
        waited = reader.get(article.url, HTTP_X_PAGE_FILE="1")
    assert waited["X-Page-Cache"] == "hit"
    assert waited.content == rendered.content

    # A mark held too long (a render that died) delays readers by at most
    # RENDER_WAIT_SECONDS: then they render too.
    cache.delete(key)
    monkeypatch.setattr(middleware, "RENDER_WAIT_SECONDS", 0.1)
    started = time.monotonic()
    response = reader.get(article.url, HTTP_X_PAGE_FILE="1")
    assert response["X-Page-Cache"] == "miss"
    assert time.monotonic() - started >= 0.1
    cache.delete(page_cache.render_key(article.url))
    cache.delete(key)
    response = reader.get(article.url, HTTP_X_PAGE_FILE="1")
    assert response["X-Page-Cache"] == "miss"
    # The mark is let go after the render.
    assert cache.get(page_cache.render_key(article.url)) is None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_forms_on_a_page_served_from_its_file_work_in_a_browser(
    nginx, section, settings, page
):
    """Chromium reads the article from nginx's file, and its comment and
    newsletter forms still pass CSRF and show the reader's own answers.
    """
    from playwright.sync_api import expect

    settings.MANCHETTE_COMMENTS_MIN_SECONDS = 1
    article = ArticlePageFactory(
        title="La ville inaugure sa médiathèque", published_at=timezone.now()
    )
    url = nginx.url + article.url
    fetch(url)
    assert fetch(url)[1]["X-Cache"] == "HIT"

    response = page.goto(url)
    assert response.headers["x-cache"] == "HIT"
    page.get_by_role("button", name="Poster commentaire").click()
    form = page.locator("#commentform")
    expect(form).to_contain_text("Écrivez votre commentaire.")
    expect(form).to_contain_text("Indiquez votre nom.")

    form.get_by_role("textbox", name="Commentaire").fill("Enfin ouverte le dimanche !")
    form.get_by_role("textbox", name="Nom", exact=True).fill("Yasmine")
    form.get_by_role("textbox", name="E-mail", exact=True).fill("yasmine@example.org")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Poster commentaire").click()
    expect(page.get_by_role("status")).to_contain_text("en attente de modération")

    page.fill("#newsletter-email", "lectrice@example.org")
    page.check(".newsletter-box__form input[name=consent]")
    page.wait_for_function(
        "document.querySelector('.newsletter-box__form "
        "input[name=csrfmiddlewaretoken]').value !== ''"
    )
    with page.expect_navigation():
        page.click(".newsletter-box__form button[type=submit]")
    assert "Si cette adresse peut recevoir la newsletter" in page.content()
    assert Subscriber.objects.filter(email="lectrice@example.org").exists()

    # Nothing of this reader reached the shared copy.
    status, headers, body = fetch(url)
    assert headers["X-Cache"] == "HIT"
    for personal in ("Yasmine", "yasmine@example.org", "en attente de modération"):
        assert personal not in body.decode()
