import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from manchette.core.management.commands.serve_site import (
    PURGE_MODULE,
    prepare_nginx,
    render_nginx_conf,
)
from manchette.news.models import ArticlePage
from manchette.news.services import ArticleData, article_save
from tests.conftest import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_installed() -> bool:
    return Path(NGINX).exists() and PURGE_MODULE.exists()


@contextmanager
def nginx_front(live_server, settings):
    """Run the project's nginx (caching proxy, page files) in front of the live
    server, and point the purges and the page files at it; yield its ``url``
    and ``pages`` folder.
    """
    var_dir = Path(tempfile.mkdtemp(prefix="manchette-nginx-"))
    var_dir.chmod(0o755)
    # What collectstatic gives make serve, for the pages readers see (csrf.js).
    settings.STATIC_ROOT = var_dir / "static"
    shutil.copytree(
        Path(settings.BASE_DIR) / "manchette" / "static", var_dir / "static"
    )
    port = free_port()
    conf = prepare_nginx(
        var_dir,
        render_nginx_conf(
            listen=f"127.0.0.1:{port}",
            app_address=live_server.url.removeprefix("http://"),
            var_dir=var_dir,
            nginx_workers="1",
        ),
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(var_dir), "-c", str(conf), "-g", "daemon off;"]
    )
    settings.MANCHETTE_PROXY_PURGE_URL = f"http://127.0.0.1:{port}"
    settings.MANCHETTE_PAGE_FILES_DIR = str(var_dir / "pages")
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield SimpleNamespace(url=f"http://127.0.0.1:{port}", pages=var_dir / "pages")
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(var_dir, ignore_errors=True)


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
