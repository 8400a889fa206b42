"""Load-test one article, the home page and a section with wrk, on loopback.

    .venv/bin/python bench/load.py [--database-url URL] [--duration 10] \
        [--connections 32] [--rounds 3] [--freshness 60 [--publishes 60]]

Starts its own processes on ports 8100-8103 (``--port-base``) (stopped at the end): Varnish as
under ``make serve`` (8100: deploy/varnish/, vmod xkey, one thread pool,
trimmed log) in front of the app server (granian, or gunicorn with
``--server gunicorn``) with the page cache on (8101), a second app server
with ``MANCHETTE_PAGE_CACHE=off`` (8102), and nginx serving the bytes
Varnish serves for the article as a static file (8103). Measures, each for
``--duration`` seconds: (a) the static copy, the limit of this machine, and
(b) the article through Varnish, interleaved ``--rounds`` times (a, b, a,
b…) so that both see the same machine, both asked for gzip as browsers do
(Varnish stores pages compressed; nginx has a compressed copy beside the
file); (d) the uncached article; (e) home
and section pages, through Varnish and uncached. Prints requests/s, p50, p99
and the ratio to (a) (per round and the median), and for the uncached
scenarios the CPU time per request of the app processes and of PostgreSQL
(read from /proc; SQLite's share is in the app's). With ``--freshness N``, an
editor republishes the article every second for N seconds while wrk loads it
through Varnish; a reader polls the article through Varnish from when each
publish starts until it shows the new title (publish-to-fresh time, p50 and
p95), and a read right after each publish returns must show it (stale reads).
"""

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from bench.serve_stack import cpu_seconds  # noqa: E402  (uncached.py imports it here)

PROXY, APP, APP_OFF, STATIC = 8100, 8101, 8102, 8103
WRK_NICE = 0  # --readers-nice


def wrk(
    url: str, *, duration: int, connections: int, threads: int = 2, gzip: bool = False
) -> dict:
    """Run wrk against ``url``; return requests/s, p50 and p99 (ms) and errors.

    With ``gzip``, as browsers do: ``Accept-Encoding: gzip``.
    """
    output = subprocess.run(
        [
            *(["nice", "-n", str(WRK_NICE)] if WRK_NICE else []),
            "wrk",
            *(["-H", "Accept-Encoding: gzip"] if gzip else []),
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": latency("50"),
        "p99": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=60).read()
            return
        except urllib.error.HTTPError:
            raise
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {timeout} s")


def static_conf(var: Path, root: Path) -> str:
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes auto;
pid {var}/static.pid;
error_log {var}/static-error.log warn;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    sendfile on; tcp_nopush on; tcp_nodelay on;
    keepalive_requests 100000;
    access_log off;
    client_body_temp_path {var}/tmp/client; proxy_temp_path {var}/tmp/proxy;
    fastcgi_temp_path {var}/tmp/fastcgi; uwsgi_temp_path {var}/tmp/uwsgi;
    scgi_temp_path {var}/tmp/scgi;
    server {{
        listen 127.0.0.1:{STATIC} reuseport backlog=4096;
        root {root};
        # The compressed copy beside the page, for clients that accept it.
        gzip_static on;
    }}
}}
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def postgres_pids() -> list[int]:
    """Return the PostgreSQL server processes of this machine (empty if none)."""
    pids = []
    for path in Path("/proc").glob("[0-9]*/comm"):
        try:
            if path.read_text().strip() == "postgres":
                pids.append(int(path.parent.name))
        except OSError:
            continue
    return pids


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(item) for item in path.read_text().split()] if path.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--server", choices=["granian", "gunicorn"], default="granian")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument(
        "--threads", type=int, default=0, help="granian threads per worker"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--port-base", type=int, default=8100, help="first of the five ports used"
    )
    parser.add_argument("--freshness", type=int, default=0)
    parser.add_argument(
        "--publishes",
        type=int,
        default=0,
        help="with --freshness: go on until this many publishes, however long",
    )
    parser.add_argument("--only", default="abcde", help="scenarios to run, e.g. 'ab'")
    parser.add_argument(
        "--readers-nice",
        type=int,
        default=0,
        help="run wrk and Varnish at this nice level (19: the readers and the "
        "shared cache count last on this machine, as when they are elsewhere)",
    )
    args = parser.parse_args()
    global PROXY, APP, APP_OFF, STATIC, WRK_NICE
    WRK_NICE = args.readers_nice
    PROXY, APP, APP_OFF, STATIC = (args.port_base + offset for offset in range(4))

    var = OUT / "var"
    shutil.rmtree(var / "cache", ignore_errors=True)
    shutil.rmtree(var / "varnish", ignore_errors=True)
    (var / "nginx" / "tmp").mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": args.database_url,
        "MANCHETTE_VAR_DIR": str(var),
        "MANCHETTE_CACHE_PURGE_URLS": f"http://127.0.0.1:{PROXY}",
        "STATIC_ROOT": str(OUT / "static"),
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from manchette.core.management.commands.serve_site import (
        app_server_command,
        default_workers,
    )
    from manchette.core.pagecache.varnish import (
        prepare_varnish,
        render_vcl,
        varnishd_command,
    )

    args.workers = args.workers or default_workers(args.server)
    from manchette.news.models import ArticlePage

    call_command("collectstatic", "--noinput", verbosity=0)
    article = ArticlePage.objects.live().order_by("-published_at", "-pk").first()
    if article is None:
        raise SystemExit("No article: run bench/generate_site.py first.")
    article_path, section_path = article.url, article.get_parent().url
    print(f"Article {article_path} (section {section_path})")

    nginx_var = var / "nginx"
    varnish_var = var / "varnish"
    vcl = prepare_varnish(varnish_var, render_vcl([f"127.0.0.1:{APP}"]))
    static_root = OUT / "static-copy"
    static_root.mkdir(parents=True, exist_ok=True)
    static_conf_path = nginx_var / "static.conf"
    static_conf_path.write_text(static_conf(nginx_var, static_root))

    def app(port: int, extra_env: dict) -> tuple:
        command = app_server_command(
            args.server, port=port, workers=args.workers, threads=args.threads or None
        )
        return command, {**env, **extra_env}

    specs = {
        "proxy": (
            [
                *(["nice", "-n", str(WRK_NICE)] if WRK_NICE else []),
                *varnishd_command(varnish_var, vcl, listen=f"127.0.0.1:{PROXY}"),
            ],
            env,
        ),
        "static": (
            [
                shutil.which("nginx") or "/usr/sbin/nginx",
                "-p",
                str(nginx_var),
                "-c",
                str(static_conf_path),
                "-g",
                "daemon off;",
            ],
            env,
        ),
        "app": app(APP, {}),
        "app-off": app(APP_OFF, {"MANCHETTE_PAGE_CACHE": "off"}),
    }
    processes = {
        name: subprocess.Popen(command, env=process_env, cwd=ROOT)
        for name, (command, process_env) in specs.items()
    }
    results = {}
    try:
        for port in (APP, APP_OFF, PROXY):
            wait_for(f"http://127.0.0.1:{port}{article_path}")
        # The bytes Varnish serves for the article, as a static file.
        html = urllib.request.urlopen(f"http://127.0.0.1:{PROXY}{article_path}").read()
        (static_root / "article.html").write_bytes(html)
        # Varnish keeps pages compressed (do_gzip) and sends them so to
        # browsers; nginx gets the same page compressed beside it.
        (static_root / "article.html.gz").write_bytes(gzip.compress(html, 6, mtime=0))
        wait_for(f"http://127.0.0.1:{STATIC}/article.html")

        static_url = f"http://127.0.0.1:{STATIC}/article.html"
        varnish_url = f"http://127.0.0.1:{PROXY}{article_path}"
        if "a" in args.only and "b" in args.only:
            results["interleaved"] = interleaved(
                static_url,
                varnish_url,
                rounds=args.rounds,
                duration=args.duration,
                connections=args.connections,
            )
        scenarios = [
            ("d", "article, uncached", f"http://127.0.0.1:{APP_OFF}{article_path}"),
            ("e", "home, Varnish", f"http://127.0.0.1:{PROXY}/"),
            ("e", "home, uncached", f"http://127.0.0.1:{APP_OFF}/"),
            ("e", "section, Varnish", f"http://127.0.0.1:{PROXY}{section_path}"),
            ("e", "section, uncached", f"http://127.0.0.1:{APP_OFF}{section_path}"),
        ]
        for key, label, url in scenarios:
            if key not in args.only:
                continue
            urllib.request.urlopen(url).read()  # Warm the caches.
            app = processes["app-off" if "uncached" in label else "app"].pid
            app_pids = [app, *children(app)]
            before = cpu_seconds(app_pids), cpu_seconds(postgres_pids())
            results[label] = row = wrk(
                url, duration=args.duration, connections=args.connections
            )
            if "uncached" in label:
                # CPU per request of the app processes and of PostgreSQL.
                done = row["rps"] * args.duration or 1
                row["app_ms"] = (cpu_seconds(app_pids) - before[0]) * 1000 / done
                row["pg_ms"] = (cpu_seconds(postgres_pids()) - before[1]) * 1000 / done
        if args.freshness:
            results["freshness"] = freshness(
                article,
                duration=args.freshness,
                connections=args.connections,
                publishes_wanted=args.publishes,
            )
        rss = {
            name: [round(rss_mb(pid), 1) for pid in children(processes[name].pid)]
            for name in ("app", "app-off")
        }
        results["worker_rss_mb"] = rss
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    report(results, connections=args.connections)
    (OUT / "results.json").write_text(json.dumps(results, indent=2))


def interleaved(
    static_url: str, varnish_url: str, *, rounds: int, duration: int, connections: int
) -> dict:
    """Load the static copy and the article through Varnish in turn, ``rounds``
    times; return each round's figures and the median ratio.
    """
    urllib.request.urlopen(varnish_url).read()  # Warm the cache.
    runs = []
    for _ in range(rounds):
        static = wrk(static_url, duration=duration, connections=connections, gzip=True)
        cached = wrk(varnish_url, duration=duration, connections=connections, gzip=True)
        runs.append(
            {
                "static": static,
                "varnish": cached,
                "ratio": cached["rps"] / static["rps"],
            }
        )
    ratios = sorted(run["ratio"] for run in runs)
    return {"runs": runs, "median_ratio": ratios[len(ratios) // 2]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


# The reader of the freshness run: polls ``url`` every 10 ms and prints the
# monotonic time (the same clock in every process) of the first response
# that shows ``title``.
READER = """
import sys, time, urllib.request
url, title = sys.argv[1], sys.argv[2]
first = True
while True:
    body = urllib.request.urlopen(url).read().decode()
    if first:
        print("polling", flush=True)
        first = False
    if title in body:
        print(time.monotonic(), flush=True)
        break
    time.sleep(0.01)
"""


def freshness(
    article, *, duration: int, connections: int, publishes_wanted: int = 0
) -> dict:
    """Republish ``article`` every second under load through Varnish; measure, from
    a reader polling Varnish, the time from the start of each publish to the
    first response that shows it, and count reads made after the publish
    returned that do not show it (stale). With ``publishes_wanted``, go on
    (wrk restarted every ``duration`` seconds) until that many publishes.
    """
    from manchette.news.models import ArticlePage
    from manchette.news.services import ArticleData, article_save

    url = f"http://127.0.0.1:{PROXY}{article.url}"
    load = {}
    done = threading.Event()

    def load_loop():
        runs = []
        while True:
            runs.append(wrk(url, duration=duration, connections=connections))
            if done.is_set() or not publishes_wanted:
                break
        load.update(runs[0], rps=sum(run["rps"] for run in runs) / len(runs))

    thread = threading.Thread(target=load_loop)
    thread.start()
    stale = publishes = 0
    delays, saves, after = [], [], []
    deadline = time.monotonic() + duration - 1
    tick = time.monotonic()
    while (
        publishes < publishes_wanted
        if publishes_wanted
        else time.monotonic() < deadline
    ):
        article = ArticlePage.objects.get(pk=article.pk)
        title = f"Titre mis à jour {time.time():.3f}"
        # The reader polls from a process of its own: in this one it would
        # share the interpreter's lock with the editor's save.
        reader = subprocess.Popen(
            [sys.executable, "-c", READER, url, title],
            stdout=subprocess.PIPE,
            text=True,
        )
        reader.stdout.readline()  # "polling": its first read is done.
        started = time.monotonic()
        article_save(
            section=article.section,
            data=ArticleData(
                title=title,
                summary=article.summary,
                body=list(article.body.get_prep_value()),
                tags=list(article.tags.names()),
                authors=article.author_list,
            ),
            article=article,
        )
        returned = time.monotonic()
        saves.append((returned - started) * 1000)
        publishes += 1
        for target in (url, f"http://127.0.0.1:{PROXY}/"):
            body = urllib.request.urlopen(target).read().decode()
            if title not in body:
                stale += 1
        try:
            seen_at = float(reader.communicate(timeout=10)[0])
        except (subprocess.TimeoutExpired, ValueError):
            reader.kill()
            reader.wait()
        else:
            delays.append((seen_at - started) * 1000)
            after.append(max(0.0, seen_at - returned) * 1000)
        # One publish a second, on the second.
        tick += 1
        time.sleep(max(0.0, tick - time.monotonic()))
    done.set()
    thread.join()
    return {
        "publishes": publishes,
        "stale_reads": stale,
        "fresh_p50_ms": percentile(delays, 0.5),
        "fresh_p95_ms": percentile(delays, 0.95),
        "fresh_max_ms": max(delays, default=0.0),
        "save_p50_ms": percentile(saves, 0.5),
        "save_p95_ms": percentile(saves, 0.95),
        "after_return_p50_ms": percentile(after, 0.5),
        "after_return_p95_ms": percentile(after, 0.95),
        **load,
    }


def report(results: dict, *, connections: int) -> None:
    if "interleaved" in results:
        print(f"\n{'round':6} {'static req/s':>13} {'Varnish req/s':>14} {'ratio':>7}")
        for number, run in enumerate(results["interleaved"]["runs"], 1):
            print(
                f"{number:<6} {run['static']['rps']:>13.0f} "
                f"{run['varnish']['rps']:>14.0f} {run['ratio']:>7.1%}"
            )
        print(f"median ratio {results['interleaved']['median_ratio']:.1%}")
        runs = results["interleaved"]["runs"]
        base = sorted(run["static"]["rps"] for run in runs)[len(runs) // 2]
    else:
        base = None
    print(f"\n{'scenario':28} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'/ (a)':>7}")
    for label, row in results.items():
        if not isinstance(row, dict) or "rps" not in row:
            continue
        ratio = f"{row['rps'] / base:.1%}" if base else "-"
        print(
            f"{label:28} {row['rps']:>10.0f} {row['p50']:>8.2f} {row['p99']:>8.2f} "
            f"{ratio:>7}"
            + (
                f"  CPU/request: app {row['app_ms']:.1f} ms, "
                f"PostgreSQL {row['pg_ms']:.1f} ms"
                if "app_ms" in row
                else ""
            )
            + (f"  non-2xx {row['non_2xx']}" if row["non_2xx"] else "")
            + (
                f"  socket errors {row['socket_errors']}"
                if row["socket_errors"]
                else ""
            )
        )
    if "freshness" in results:
        fresh = results["freshness"]
        print(
            f"\nFreshness: {fresh['publishes']} publishes under load "
            f"({fresh['rps']:.0f} req/s), {fresh['stale_reads']} stale reads; "
            f"publish to fresh: p50 {fresh['fresh_p50_ms']:.0f} ms, "
            f"p95 {fresh['fresh_p95_ms']:.0f} ms, max {fresh['fresh_max_ms']:.0f} ms "
            f"(the editor's save: p50 {fresh['save_p50_ms']:.0f} ms, "
            f"p95 {fresh['save_p95_ms']:.0f} ms; from its return to the first "
            f"fresh read: p50 {fresh['after_return_p50_ms']:.0f} ms, "
            f"p95 {fresh['after_return_p95_ms']:.0f} ms)"
        )
    print(
        f"Worker RSS (MB): {results.get('worker_rss_mb')}  ({connections} connections)"
    )


if __name__ == "__main__":
    main()
