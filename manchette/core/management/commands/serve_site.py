import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from manchette.core.cache import expire_page_files, remove_all_page_files
from manchette.core.middleware import page_file_headers
from manchette.core.tasks import worker_command

# Seconds between two sweeps of expired page files.
EXPIRE_EVERY = 10

PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

# No proxy_cache_lock: pages written as files answer "do not cache" to nginx,
# and requests waiting on the lock for one would each wait 500 ms in turn
# (seconds under load). Misses go to Django's cache instead.
CACHE_DIRECTIVES = """proxy_cache manchette;
            proxy_cache_key $request_uri;
            proxy_cache_methods GET HEAD;
            proxy_set_header X-Page-File $manchette_page_wanted;
            proxy_cache_bypass $manchette_personal $manchette_has_args;
            proxy_no_cache $manchette_personal $manchette_has_args;
            proxy_cache_lock off;
            proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
            proxy_cache_background_update on;
            proxy_cache_revalidate on;
            add_header X-Cache $upstream_cache_status always;"""


PURGE_LOCATION = """location /__purge__/ {
            allow 127.0.0.1;
            allow ::1;
            deny all;
            proxy_cache_purge manchette $manchette_purge_key;
        }"""


# Pages the app wrote as files, served as static files are: /politique/ is
# <pages>/politique/index.html. nginx makes their type, length, ETag and
# Last-Modified; the other headers are the app's own. A missing file, a request
# that is not an anonymous GET or HEAD without query string (sent to "/.none"),
# and any method but GET, HEAD and POST (405 here) go to the app, body and all.
# A rewrite, not try_files: that would look the file up twice (about 10 % of
# the throughput, docs/benchmarks.md).
PAGE_FILES = """root {pages_root};
            rewrite "^(?<manchette_page_dir>.*/)$" $manchette_page_prefix${{manchette_page_dir}}index.html break;
            rewrite ^ /.none break;
            error_page 403 404 405 = @app;
            log_not_found off;
            types {{ }}
            default_type "text/html; charset=utf-8";
            # The compressed copy the app wrote beside the page, for readers
            # who accept it; Vary is always sent (gzip_vary would look for the
            # copy on every request to decide).
            gzip_static on;
            gzip_vary off;
            add_header Vary Accept-Encoding;
{headers}
            add_header X-Cache HIT;"""


def page_files_location(pages_root: Path) -> str:
    """Return the body of nginx's ``location /``: the page's file, else the app."""
    headers = "\n".join(
        f'            add_header {name} "{value}";'
        for name, value in page_file_headers().items()
    )
    return PAGE_FILES.format(pages_root=pages_root, headers=headers)


def render_nginx_conf(
    *,
    listen: str,
    app_address: str,
    var_dir: Path,
    cache: bool = True,
    page_files: bool = True,
    nginx_workers: str = "auto",
    access_log: bool = False,
) -> str:
    """Return the nginx configuration of ``deploy/nginx/manchette.conf.template``."""
    template = (
        settings.BASE_DIR / "deploy" / "nginx" / "manchette.conf.template"
    ).read_text()
    values = {
        "load_purge_module": f"load_module {PURGE_MODULE};" if cache else "",
        # As root, nginx's workers drop to nobody, who owns var/nginx/.
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "nginx_workers": nginx_workers,
        "var": str(var_dir),
        "access_log": f"{var_dir}/access.log" if access_log else "off",
        "cache_max_size": "2g",
        "app_address": app_address,
        "listen": listen,
        "static_root": str(settings.STATIC_ROOT),
        "media_root": str(settings.MEDIA_ROOT),
        "cache_directives": CACHE_DIRECTIVES if cache else "# Page cache off.",
        "purge_location": PURGE_LOCATION if cache else "",
        "page_files": (
            page_files_location(var_dir / "pages")
            if cache and page_files
            else "try_files /.none @app;"
        ),
    }
    rendered = re.sub(
        r"\{\{ (\w+) \}\}", lambda match: values[match.group(1)], template
    )
    return rendered


def prepare_nginx(var_dir: Path, conf: str) -> Path:
    """Write ``conf`` under ``var_dir`` with the folders nginx needs; return its path."""
    for sub in ("cache", "tmp", "pages"):
        (var_dir / sub).mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        for path in [var_dir / "cache", var_dir / "tmp"]:
            shutil.chown(path, "nobody", "nogroup")
    # The app writes the pages; nginx's workers only read them.
    (var_dir / "pages").chmod(0o755)
    path = var_dir / "nginx.conf"
    path.write_text(conf)
    return path


def secret_key(var_dir: Path) -> str:
    """Return the secret key kept in var/secret_key, creating it once."""
    path = var_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def default_workers(server: str) -> int:
    """Return the app-server processes for this machine: one per core for granian
    (each with threads), 2 × cores + 1 for gunicorn's single-threaded workers.
    """
    cores = os.cpu_count() or 1
    return cores if server == "granian" else 2 * cores + 1


# granian threads per worker. Two measured best for uncached pages on 2 cores
# (four made the threads of a worker wait on each other for the GIL: 178 vs
# about 210 req/s), and cached pages serve alike (docs/decisions.md).
APP_THREADS = 2


def app_server_command(
    server: str, *, port: int, workers: int, threads: int | None = None
) -> list[str]:
    """Return the command that runs the WSGI app on 127.0.0.1:``port``."""
    threads = threads or int(os.environ.get("MANCHETTE_APP_THREADS", 0)) or APP_THREADS
    if server == "granian":
        return [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            # Workers still busy after 10 s are killed, within serve_site's 15 s.
            "--workers-kill-timeout",
            "10",
            "--no-ws",
            "manchette.wsgi:application",
        ]
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "manchette.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--max-requests",
        "100000",
        "--max-requests-jitter",
        "1000",
        "--no-control-socket",
        "--access-logfile",
        "/dev/null",
    ]


class Command(BaseCommand):
    help = (
        "Serve the site in production shape: nginx (caching proxy, static files) "
        "in front of granian (or gunicorn), plus the task worker; Ctrl-C stops "
        "them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--app-port", type=int, default=8001)
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 0)) or None,
            help="App server workers (default: 2 × cores + 1).",
        )
        parser.add_argument(
            "--server",
            choices=["granian", "gunicorn"],
            default=os.environ.get("MANCHETTE_APP_SERVER", "granian"),
            help="App server (default granian; see docs/decisions.md).",
        )
        parser.add_argument("--no-worker", action="store_true")
        parser.add_argument(
            "--no-page-files",
            action="store_true",
            help="Keep pages in nginx's proxy_cache only, not as files (several "
            "app servers: a purge reaches only its own machine's files).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Render and test the config, then exit.",
        )

    def handle(
        self,
        *args,
        host,
        port,
        app_port,
        workers,
        server,
        no_worker,
        no_page_files,
        check,
        **options,
    ):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise CommandError("nginx is missing: run `make serve` (it installs it).")
        cache = settings.MANCHETTE_PAGE_CACHE
        if cache and not PURGE_MODULE.exists():
            raise CommandError(
                f"{PURGE_MODULE} is missing: apt-get install libnginx-mod-http-cache-purge"
            )
        var_dir = Path(settings.VAR_DIR) / "nginx"
        conf = prepare_nginx(
            var_dir,
            render_nginx_conf(
                listen=f"{host}:{port}",
                app_address=f"127.0.0.1:{app_port}",
                var_dir=var_dir,
                cache=cache,
                page_files=not no_page_files,
            ),
        )
        subprocess.run(
            [nginx, "-t", "-q", "-p", str(var_dir), "-c", str(conf)], check=True
        )
        if check:
            self.stdout.write(f"nginx configuration OK: {conf}")
            return
        workers = workers or default_workers(server)
        env = {
            **os.environ,
            "MANCHETTE_PROXY_PURGE_URL": f"http://127.0.0.1:{port}",
            "DEBUG": os.environ.get("DEBUG", "false"),
        }
        pages_dir = var_dir / "pages"
        page_files = cache and not no_page_files
        env["MANCHETTE_PAGE_FILES_DIR"] = str(pages_dir) if page_files else ""
        if page_files:
            # Files left by an earlier run may predate changes made since.
            remove_all_page_files(pages_dir)
        env.setdefault("DJANGO_SECRET_KEY", secret_key(Path(settings.VAR_DIR)))
        commands = {
            "nginx": [nginx, "-p", str(var_dir), "-c", str(conf), "-g", "daemon off;"],
            "app": app_server_command(server, port=app_port, workers=workers),
        }
        if not no_worker:
            commands["worker"] = worker_command(interval=1, options=("--no-reload",))
        # Each in its own session: Ctrl-C reaches this command alone, which
        # stops them in order (granian's workers, interrupted directly, hung
        # and outlived their server).
        processes = {
            name: subprocess.Popen(command, env=env, start_new_session=True)
            for name, command in commands.items()
        }
        self.stdout.write(
            f"Manchette serves http://{host}:{port}/ (nginx → {server} ×{workers} "
            f"on 127.0.0.1:{app_port}{', task worker' if not no_worker else ''}); "
            "Ctrl-C stops everything."
        )
        signal.signal(
            signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt)
        )
        try:
            swept = time.monotonic()
            while all(process.poll() is None for process in processes.values()):
                time.sleep(0.5)
                if page_files and time.monotonic() - swept >= EXPIRE_EVERY:
                    # Page files live as long as the proxy's cache keeps pages.
                    expire_page_files(settings.MANCHETTE_PAGE_CACHE_S_MAXAGE, pages_dir)
                    swept = time.monotonic()
            dead = [
                name
                for name, process in processes.items()
                if process.poll() is not None
            ]
            self.stderr.write(f"{', '.join(dead)} stopped: stopping the others.")
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    # The whole group, so that no worker outlives its server.
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
