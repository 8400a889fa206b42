"""Run what ``make serve`` runs (``manage.py serve_site``: Varnish in front of
granian, nginx for files) on a benchmark's own database and folders.

Used by bench/read_counter.py and bench/live_polling.py. Their process sets
the environment (``bench_env``) and Django up first, then starts the stack
with ``serve_site`` and reads Varnish's counters with ``varnish_counter``.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent


def bench_env(out: Path, database_url: str, **extra: str) -> dict:
    """Return (and apply to this process) the environment of a benchmark whose
    files live under ``out``: SQLite there unless ``database_url`` says otherwise.
    """
    env = {
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url or f"sqlite:///{out / 'db.sqlite3'}",
        "MANCHETTE_VAR_DIR": str(out / "var"),
        "STATIC_ROOT": str(out / "static"),
        **extra,
    }
    os.environ.update(env)
    return {**os.environ}


def descendants(pid: int) -> list[int]:
    """Return the ids of every process below ``pid``, read from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        todo += children
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def cpu_seconds(pids: list[int]) -> float:
    """Return the CPU time (user + system) the processes ``pids`` have used."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer in {timeout} s")


@contextmanager
def serve_site(env: dict, *, port: int, probe: str = "/"):
    """Run ``manage.py serve_site`` on ``port`` (app ``port + 1``, files
    ``port + 2``, no task worker) until the block ends; yield its URL, the
    ids of its app server and Varnish processes, and Varnish's work folder.
    """
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve_site", "--no-worker"]
        + ["--port", str(port), "--app-port", str(port + 1)]
        + ["--files-port", str(port + 2)],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + probe)
        below = descendants(server.pid)
        yield SimpleNamespace(
            url=url,
            app=[pid for pid in below if "granian" in command_line(pid)],
            varnish=[pid for pid in below if "varnishd" in command_line(pid)],
            varnish_dir=Path(env["MANCHETTE_VAR_DIR"]) / "varnish" / "work",
        )
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C: it stops the others.
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def varnish_counter(work_dir: Path, name: str) -> int:
    """Return one of Varnish's counters (``MAIN.backend_req``…)."""
    output = subprocess.run(
        ["varnishstat", "-n", str(work_dir.resolve()), "-1", "-j", "-f", name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(output)
    counters = data.get("counters", data)
    return int(counters[name]["value"])
