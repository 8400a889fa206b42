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

from manchette.core.pagecache.varnish import (
    prepare_varnish,
    render_vcl,
    varnishd_command,
    xkey_installed,
)
from manchette.core.tasks import worker_command


def render_nginx_conf(
    *,
    listen: str,
    var_dir: Path,
    nginx_workers: str = "1",
    access_log: bool = False,
) -> str:
    """Return the file server's configuration (``deploy/nginx/manchette.conf.template``)."""
    template = (
        settings.BASE_DIR / "deploy" / "nginx" / "manchette.conf.template"
    ).read_text()
    values = {
        # As root, nginx's workers drop to nobody, who owns var/nginx/tmp.
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "nginx_workers": nginx_workers,
        "var": str(var_dir),
        "access_log": f"{var_dir}/access.log" if access_log else "off",
        "listen": listen,
        "static_root": str(settings.STATIC_ROOT),
        "media_root": str(settings.MEDIA_ROOT),
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda match: values[match.group(1)], template)


def prepare_nginx(var_dir: Path, conf: str) -> Path:
    """Write ``conf`` under ``var_dir`` with the folders nginx needs; return its path."""
    (var_dir / "tmp").mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(var_dir / "tmp", "nobody", "nogroup")
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
        "Serve the site in production shape: Varnish (the page cache, purged by "
        "tag) in front of granian (or gunicorn) and of nginx (static files and "
        "media), plus the task worker; Ctrl-C stops them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--app-port", type=int, default=8001)
        parser.add_argument(
            "--files-port",
            type=int,
            default=0,
            help="nginx's port for static files and media (default: app port + 1).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 0)) or None,
            help="App server workers (default: one per core for granian).",
        )
        parser.add_argument(
            "--server",
            choices=["granian", "gunicorn"],
            default=os.environ.get("MANCHETTE_APP_SERVER", "granian"),
            help="App server (default granian; see docs/decisions.md).",
        )
        parser.add_argument("--no-worker", action="store_true")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Render and test the configurations, then exit.",
        )

    def handle(
        self,
        *args,
        host,
        port,
        app_port,
        files_port,
        workers,
        server,
        no_worker,
        check,
        **options,
    ):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise CommandError("nginx is missing: run `make serve` (it installs it).")
        if not xkey_installed():
            raise CommandError(
                "Varnish or its xkey module is missing: run `make serve` (it "
                "installs the varnish and varnish-modules packages)."
            )
        files_port = files_port or app_port + 1
        var = Path(settings.VAR_DIR)
        nginx_dir = var / "nginx"
        conf = prepare_nginx(
            nginx_dir,
            render_nginx_conf(listen=f"127.0.0.1:{files_port}", var_dir=nginx_dir),
        )
        subprocess.run(
            [nginx, "-t", "-q", "-p", str(nginx_dir), "-c", str(conf)], check=True
        )
        varnish_dir = var / "varnish"
        vcl = prepare_varnish(
            varnish_dir,
            render_vcl([f"127.0.0.1:{app_port}"], files=f"127.0.0.1:{files_port}"),
        )
        varnish = varnishd_command(varnish_dir, vcl, listen=f"{host}:{port}")
        # -C compiles the VCL and exits: an error stops here, with its message.
        compiled = subprocess.run(
            [
                varnish[0],
                "-C",
                "-j",
                "none",
                "-n",
                str(varnish_dir.resolve() / "work"),
                "-f",
                str(vcl.resolve()),
            ],
            capture_output=True,
            text=True,
        )
        if compiled.returncode:
            raise CommandError(f"Varnish refused {vcl}:\n{compiled.stderr}")
        if check:
            self.stdout.write(f"nginx and Varnish configurations OK: {conf}, {vcl}")
            return
        workers = workers or default_workers(server)
        purge_url = f"http://127.0.0.1:{port}"
        # For commands run beside this one (settings read it by default).
        (varnish_dir / "purge_urls").write_text(purge_url + "\n")
        env = {
            **os.environ,
            "MANCHETTE_CACHE_PURGE_URLS": purge_url,
            "DEBUG": os.environ.get("DEBUG", "false"),
        }
        env.setdefault("DJANGO_SECRET_KEY", secret_key(var))
        # Varnish, the one proxy in front of the app, appends the reader's
        # address to X-Forwarded-For: rate limits and counters must read it there.
        env.setdefault("MANCHETTE_TRUSTED_PROXIES", "1")
        commands = {
            "varnish": varnish,
            "nginx": [
                nginx,
                "-p",
                str(nginx_dir),
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ],
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
            f"Manchette serves http://{host}:{port}/ (Varnish → {server} ×{workers} "
            f"on 127.0.0.1:{app_port}, nginx for files on 127.0.0.1:{files_port}"
            f"{', task worker' if not no_worker else ''}); Ctrl-C stops everything."
        )
        # Ctrl-C and a supervisor's TERM stop everything, even when this
        # command was started with SIGINT ignored (a shell's background job).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(
            signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt)
        )
        try:
            while all(process.poll() is None for process in processes.values()):
                time.sleep(0.5)
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
            # One 15 s allowance for all of them, not 15 s each.
            deadline = time.monotonic() + 15
            for process in processes.values():
                try:
                    process.wait(timeout=max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    # The whole group, so that no worker outlives its server.
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
