import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from manchette.core.pagecache.varnish import (
    prepare_varnish,
    render_vcl,
    varnishd_command,
    xkey_installed,
)
from manchette.news.models import ArticlePage
from manchette.news.services import ArticleData, article_save
from tests.conftest import free_port

needs_varnish = pytest.mark.skipif(
    not xkey_installed(),
    reason="Varnish with vmod xkey is not installed (make test installs the "
    "varnish and varnish-modules packages)",
)


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


@contextmanager
def varnish(apps: list[str], *, files: str = ""):
    """Run the project's Varnish (deploy/varnish/) in front of ``apps``; yield its
    ``url`` and ``purge`` (the URL the app servers purge).
    """
    var_dir = Path(tempfile.mkdtemp(prefix="manchette-varnish-"))
    port = free_port()
    vcl = prepare_varnish(var_dir, render_vcl(apps, files=files))
    process = subprocess.Popen(
        varnishd_command(
            var_dir, vcl, listen=f"127.0.0.1:{port}", storage="malloc,64m"
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        url = f"http://127.0.0.1:{port}"
        yield SimpleNamespace(url=url, purge=url, process=process)
    finally:
        process.terminate()
        process.wait(timeout=15)
        shutil.rmtree(var_dir, ignore_errors=True)


def purge_all(url: str) -> None:
    """Purge every page (they all carry ``site``) from the Varnish at ``url``."""
    request = urllib.request.Request(
        url + "/", method="PURGE", headers={"xkey": "site"}
    )
    urllib.request.urlopen(request, timeout=5).close()


@pytest.fixture(scope="session")
def _session_varnish(live_server):
    if not xkey_installed():
        pytest.skip(
            "Varnish with vmod xkey is not installed (make test installs the "
            "varnish and varnish-modules packages)"
        )
    with varnish([live_server.url.removeprefix("http://")]) as front:
        yield front


@pytest.fixture
def varnish_front(_session_varnish, settings):
    """Varnish in front of the live server, empty, purged by the app; yield it."""
    purge_all(_session_varnish.url)
    settings.MANCHETTE_CACHE_PURGE_URLS = [_session_varnish.purge]
    yield _session_varnish
    purge_all(_session_varnish.url)


def republish(article, title: str) -> None:
    """Publish ``article`` again under ``title``, as an editor would."""
    current = ArticlePage.objects.get(pk=article.pk)
    article_save(
        section=current.section,
        data=ArticleData(
            title=title,
            summary=current.summary,
            body=[{"type": "paragraph", "value": "<p>Corps.</p>"}],
            tags=[],
            authors=[],
        ),
        article=current,
    )
