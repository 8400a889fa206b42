import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import section_get

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


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
