"""Measure uncached page rendering on a generated site: server time and SQL queries.

    .venv/bin/python bench/pages.py --articles 10000 [--database-url postgres://…/bench_pages] [--runs 60]

Builds (once) a site of N generated articles with bench/generate_site.py, then
renders an article, the home page and a section page through Django's full
request stack (middleware, Wagtail routing, templates) with both cache levels
off (MANCHETTE_PAGE_CACHE=off), and prints the median, p95 and minimum server
time, the median CPU time of this process (Django, plus the database itself on
SQLite; on a shared machine it moves less than wall time) and the number of
SQL queries of each page.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()

    url = (
        args.database_url
        or f"sqlite:///{ROOT / 'var' / f'bench-pages-{args.articles}.sqlite3'}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
        "DEBUG": "false",
        "MANCHETTE_PAGE_CACHE": "off",
        "ALLOWED_HOSTS": "*",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from manchette.news.models import ArticlePage

    missing = args.articles - ArticlePage.objects.count()
    if missing > 0:
        print(f"Generating {missing} articles into {url} …", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate_site.py"),
                "--articles",
                str(missing),
                "--tags",
                "200",
                "--authors",
                "50",
                "--database-url",
                url,
            ],
            check=True,
            env=env,
        )

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    article = ArticlePage.objects.live().order_by("-published_at", "-pk").first()
    section = article.section
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {"article": article.url, "home": "/", "section": section.url}
    print(
        f"{ArticlePage.objects.count()} articles, database {connection.vendor}, {args.runs} renders each"
    )
    print(
        f"{'page':<10}{'median ms':>10}{'p95 ms':>10}{'min ms':>8}{'cpu ms':>8}"
        f"{'queries':>9}"
    )
    for name, path in pages.items():
        for _ in range(5):
            assert client.get(path).status_code == 200
        timings, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{name:<10}{statistics.median(timings):>10.1f}{p95:>10.1f}"
            f"{timings[0]:>8.1f}{statistics.median(cpu):>8.1f}"
            f"{len(queries.captured_queries):>9}"
        )


if __name__ == "__main__":
    main()
