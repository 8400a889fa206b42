"""Load-test uncached pages (no HTTP cache in front) with wrk: the app's own speed.

    .venv/bin/python bench/uncached.py --database-url postgres://…/bench \
        [--duration 10] [--connections 32] [--runs 3] [--port 8111]

Starts granian (one worker per core, two threads each, as ``make serve``) on
``--port`` with Django's settings for production-like serving (``DEBUG`` off)
and Redis when ``REDIS_URL`` is set, then, ``--runs`` times in a row, measures
the newest article, the home page and its section for ``--duration`` seconds
each with wrk. Prints requests/s, p50 and p99 (ms), and the CPU time per
request of the app processes and of PostgreSQL (read from /proc). Nothing
caches whole pages in the app; the render cache (parts of pages under their
tags, on by default with Redis) is as ``MANCHETTE_RENDER_CACHE`` says, and
is warm after the first request: ``--render-cache off`` measures every part
rendered on every request.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import (  # noqa: E402
    children,
    cpu_seconds,
    postgres_pids,
    wait_for,
    wrk,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8111)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--render-cache",
        choices=["on", "off"],
        default=None,
        help="MANCHETTE_RENDER_CACHE for the app (default: on with Redis)",
    )
    args = parser.parse_args()

    var = ROOT / "bench" / "out" / "uncached-var"
    var.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": args.database_url,
        "MANCHETTE_VAR_DIR": str(var),
        # The old in-app page cache, where it still exists, stays off.
        "MANCHETTE_PAGE_CACHE": "off",
        "ALLOWED_HOSTS": "*",
    }
    if args.render_cache:
        env["MANCHETTE_RENDER_CACHE"] = args.render_cache
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings

    print(
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}; "
        f"render cache: {'on' if settings.MANCHETTE_RENDER_CACHE else 'off'}"
    )
    from manchette.news.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-published_at", "-pk").first()
    if article is None:
        raise SystemExit("No article: run bench/generate_site.py first.")
    pages = {
        "article": article.url,
        "home": "/",
        "section": article.get_parent().url,
    }
    print(f"{ArticlePage.objects.count()} articles; article {article.url}")
    command = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        str(args.port),
        "--workers",
        str(args.workers),
        "--blocking-threads",
        str(args.threads),
        "--no-ws",
        "manchette.wsgi:application",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{args.port}"
        for path in pages.values():
            wait_for(base + path)
        app_pids = [server.pid, *children(server.pid)]
        database_pids = postgres_pids()
        print(
            f"{'run':<4}{'page':<9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
            f"{'app ms':>8}{'pg ms':>7}{'non-2xx':>9}"
        )
        for run in range(1, args.runs + 1):
            for name, path in pages.items():
                app_before = cpu_seconds(app_pids)
                database_before = cpu_seconds(database_pids)
                result = wrk(
                    base + path,
                    duration=args.duration,
                    connections=args.connections,
                )
                requests = max(1.0, result["rps"] * args.duration)
                app_ms = (cpu_seconds(app_pids) - app_before) / requests * 1000
                database_ms = (
                    (cpu_seconds(database_pids) - database_before) / requests * 1000
                )
                print(
                    f"{run:<4}{name:<9}{result['rps']:>8.0f}{result['p50']:>9.0f}"
                    f"{result['p99']:>9.0f}{app_ms:>8.1f}{database_ms:>7.1f}"
                    f"{result['non_2xx']:>9}",
                    flush=True,
                )
                time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
