"""Two app servers behind one Varnish (docs/deployment.md): two granian
processes with their own var/ folders, sharing PostgreSQL, Redis and a media
folder, behind one Varnish (round-robin) and one file server.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from manchette.core.management.commands.serve_site import (
    prepare_nginx,
    render_nginx_conf,
)
from tests.conftest import free_port, redis_reachable
from tests.core.conftest import needs_varnish, varnish, wait_for_port
from tests.factories import ArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MANCHETTE_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")

pytestmark = [
    pytest.mark.varnish,
    needs_varnish,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]

PUBLISH_ON_A = """
import io
from PIL import Image as Picture
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from manchette.news.models import ArticlePage

data = io.BytesIO()
Picture.new("RGB", (960, 540), (180, 40, 40)).save(data, "PNG")
image = Image.objects.create(title="Photo", file=ImageFile(data, name="photo-a.png"))
page = ArticlePage.objects.get(pk=%d)
page.featured_image = image
page.title = "Titre publié par le serveur A"
page.save_revision().publish()
"""

FORGET_REDIS_KEYS = """
import redis
from django.conf import settings
client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
prefix = settings.CACHES["default"]["KEY_PREFIX"]
for key in client.scan_iter(match=prefix + ":*"):
    client.delete(key)
"""


def read(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return (
                response.status,
                response.read().decode("utf-8", "replace"),
                dict(response.headers),
            )
    except urllib.error.HTTPError as error:
        return error.code, "", dict(error.headers)


def test_publishing_on_a_is_fresh_through_varnish_and_b_serves_a_media(
    section, settings, tmp_path
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("two app servers share PostgreSQL (SQLite is one machine's file)")
    if not redis_reachable():
        pytest.skip("two app servers share Redis, not reachable at 127.0.0.1:6379")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )
    # The shared media folder, readable by nginx's workers (nobody).
    shared = Path(tempfile.mkdtemp(prefix="manchette-media-"))
    shared.chmod(0o755)
    settings.MEDIA_ROOT = shared
    article = ArticlePageFactory(title="Titre avant")
    ports = {"a": free_port(), "b": free_port()}
    files_port = free_port()
    nginx_dir = tmp_path / "nginx"
    conf = prepare_nginx(
        nginx_dir,
        render_nginx_conf(listen=f"127.0.0.1:{files_port}", var_dir=nginx_dir),
    )
    processes = []
    try:
        processes.append(
            subprocess.Popen(
                [nginx, "-p", str(nginx_dir), "-c", str(conf), "-g", "daemon off;"]
            )
        )
        with varnish(
            [f"127.0.0.1:{ports['a']}", f"127.0.0.1:{ports['b']}"],
            files=f"127.0.0.1:{files_port}",
        ) as front:
            env = {}
            for name, port in ports.items():
                env[name] = {
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
                    "DEBUG": "false",
                    "DATABASE_URL": database_url,
                    "REDIS_URL": REDIS_URL,
                    "MANCHETTE_VAR_DIR": str(tmp_path / f"var-{name}"),
                    "MEDIA_ROOT": str(shared),
                    "MANCHETTE_CACHE_PURGE_URLS": front.purge,
                    "ALLOWED_HOSTS": "*",
                    "DJANGO_SECRET_KEY": "two-app-servers-test",
                }
                (tmp_path / f"var-{name}").mkdir()
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "granian", "--interface", "wsgi"]
                        + ["--host", "127.0.0.1", "--port", str(port)]
                        + ["--workers", "1", "--blocking-threads", "2", "--no-ws"]
                        + ["manchette.wsgi:application"],
                        cwd=ROOT,
                        env=env[name],
                    )
                )
            for port in ports.values():
                wait_for_port(port)
            url = front.url + article.url
            # Round robin: both app servers answer, and the page is kept.
            for _ in range(3):
                status, body, headers = read(url)
                assert status == 200
                assert "Titre avant" in body
            assert headers["X-Cache"] == "HIT"

            # An editor publishes on A (a command on machine A: its settings,
            # its Redis, its purge list), with a new image in the shared folder.
            subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", PUBLISH_ON_A % article.pk],
                cwd=ROOT,
                env=env["a"],
                check=True,
            )

            # Fresh through Varnish at once, whichever server renders it.
            status, body, headers = read(url)
            assert status == 200
            assert "Titre publié par le serveur A" in body
            # B renders the page: the image A uploaded is there for it.
            status, body_b, _ = read(f"http://127.0.0.1:{ports['b']}{article.url}")
            assert "Titre publié par le serveur A" in body_b
            hero = re.search(r'src="(/media/images/[^"]+)"', body_b).group(1)
            assert (shared / hero.removeprefix("/media/")).is_file()
            status, _, headers = read(front.url + hero)
            assert status == 200
            assert headers["Content-Type"].startswith("image/")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if "a" in locals().get("env", {}):
            subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", FORGET_REDIS_KEYS],
                cwd=ROOT,
                env=env["a"],
                check=False,
            )
        shutil.rmtree(shared, ignore_errors=True)
