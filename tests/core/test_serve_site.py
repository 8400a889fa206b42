"""``manage.py serve_site`` (what ``make serve`` runs) starts Varnish, nginx (files)
and the app server, and Ctrl-C stops every process it started: none outlives it, no port
stays taken.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from manchette.core.pagecache.varnish import xkey_installed
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def descendants(pid: int) -> set[int]:
    """Return the ids of every process below ``pid``, read from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        children = {child for child, ppid in parents.items() if ppid == parent}
        found |= children
        todo += children
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def answer(port: int, path: str = "/") -> tuple[int | None, dict]:
    """Return the status and headers of a GET through Varnish, (None, {}) when
    nothing answers.
    """
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}{path}", timeout=2
        ) as page:
            return page.status, dict(page.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)
    except OSError:
        return None, {}


def test_ctrl_c_stops_every_process_it_started(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not (Path(nginx).exists() and xkey_installed()):
        pytest.skip("Debian's nginx, varnish and varnish-modules are not installed")
    port, app_port, files_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MANCHETTE_VAR_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # nginx's workers (nobody, under root) read the static files.
    static = Path(tempfile.mkdtemp(prefix="manchette-static-"))
    static.chmod(0o755)
    (static / "js").mkdir()
    (static / "js" / "probe.js").write_text("// probe\n")
    (static / "js" / "probe.0123456789ab.js").write_text("// hashed probe\n")
    env["STATIC_ROOT"] = str(static)
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve_site", "--no-worker"]
        + ["--port", str(port), "--app-port", str(app_port), "--workers", "2"]
        + ["--files-port", str(files_port)],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # Its own process group, as a terminal's job.
    )
    started: set[int] = set()
    try:
        # Through Varnish to the app server: any answer of the app will do (the
        # database is empty, so it is an error page); 503 means it is not up.
        for _ in range(200):
            if answer(port)[0] not in (None, 502, 503, 504):
                break
            time.sleep(0.2)
        else:
            pytest.fail("serve_site did not answer within 40 s")
        status, headers = answer(port)
        assert "X-Cache" in headers  # Varnish answered.
        # Static files come from nginx, then from Varnish's memory.
        assert answer(port, "/static/js/probe.js")[0] == 200
        status, headers = answer(port, "/static/js/probe.js")
        assert (status, headers["X-Cache"]) == (200, "HIT")
        # A plain name may change at the next deploy; a hashed one never does.
        assert headers["Cache-Control"] == "public, max-age=300"
        status, headers = answer(port, "/static/js/probe.0123456789ab.js")
        assert status == 200
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        started = descendants(server.pid)
        # Varnish's manager and child, nginx and its worker, granian and its workers.
        assert len(started) >= 6

        os.killpg(server.pid, signal.SIGINT)  # What Ctrl-C sends to the job.
        server.wait(timeout=40)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid in started if alive(pid)] == []
        for taken in (port, app_port, files_port):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", taken)) != 0, taken
    finally:
        for pid in {server.pid, *started, *descendants(server.pid)}:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(static, ignore_errors=True)
