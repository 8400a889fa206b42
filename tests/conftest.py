import os
import shutil
import socket
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import section_get

# The page cache's stand-in CDN (``purges``) for every app's tests.
pytest_plugins = ["tests.pagecache"]

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def redis_reachable() -> bool:
    """Whether the Redis server the tests may use answers at 127.0.0.1:6379."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    """Return a loopback TCP port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Give each test its own media folder, so images never leak between tests."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def wagtail_base_data(transactional_db):
    """Recreate what Wagtail's migrations insert (root page, locale, root collection),
    which a transactional test's flush deletes.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
            )
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def home(db):
    from manchette.news.services import site_ensure

    return site_ensure()


@pytest.fixture
def section(home):
    return section_get("politique", "Politique")


@pytest.fixture
def shared_dir():
    """Return ../shared (the reference page and XSDs), or skip when it is absent."""
    path = Path(os.environ.get("MANCHETTE_SHARED_DIR", SHARED))
    if not path.is_dir():
        pytest.skip(f"the shared reference folder is absent ({path}); CI always has it")
    return path


@pytest.fixture
def reference_text(shared_dir):
    """Return the reference article page's text from ../shared/seed/."""
    files = sorted((shared_dir / "seed").glob("*.txt"))
    if not files:
        pytest.skip("no reference page text in shared/seed/")
    return files[0].read_text(encoding="utf-8")


def pytest_configure(config):
    # The browser tests drive Debian's Chromium; Playwright never downloads one.
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    assert settings.LANGUAGE_CODE == "fr"


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def browser():
    """Return a headless Debian Chromium driven by Playwright (never a downloaded one).

    One per test: Playwright's sync API keeps an event loop running while it is
    open, which would collide with other tests starting their own.
    """
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium package"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """Return a fresh browser tab in French, closed after the test."""
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()
