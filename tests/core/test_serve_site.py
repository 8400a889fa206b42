"""``manage.py serve_site`` (what ``make serve`` runs) starts nginx and the app
server, and Ctrl-C stops every process it started: none outlives it, no port
stays taken.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from manchette.core.management.commands.serve_site import PURGE_MODULE
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


def answer(port: int) -> int | None:
    """Return the status of a GET through nginx, None when nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
            return page.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def test_ctrl_c_stops_every_process_it_started(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not (Path(nginx).exists() and PURGE_MODULE.exists()):
        pytest.skip("Debian's nginx and its cache-purge module are not installed")
    port, app_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MANCHETTE_VAR_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # A page file left by an earlier run may predate changes made since.
    left = tmp_path / "nginx" / "pages" / "politique" / "index.html"
    left.parent.mkdir(parents=True)
    left.write_text("<p>Une page d’avant.</p>")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve_site", "--no-worker"]
        + ["--port", str(port), "--app-port", str(app_port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # Its own process group, as a terminal's job.
    )
    started: set[int] = set()
    try:
        # Through nginx to the app server: any answer of the app will do (the
        # database is empty, so it is an error page); 502 means it is not up.
        for _ in range(150):
            if answer(port) not in (None, 502, 503, 504):
                break
            time.sleep(0.2)
        else:
            pytest.fail("serve_site did not answer within 30 s")
        for _ in range(20):
            answer(port)
        assert not left.exists()
        started = descendants(server.pid)
        assert len(started) >= 4  # nginx and its workers, granian and its workers.

        os.killpg(server.pid, signal.SIGINT)  # What Ctrl-C sends to the job.
        server.wait(timeout=40)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid in started if alive(pid)] == []
        for taken in (port, app_port):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", taken)) != 0, taken
    finally:
        for pid in {server.pid, *started, *descendants(server.pid)}:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
