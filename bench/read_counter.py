"""Benchmark the read counter (issue 18): reads per second it can count.

    .venv/bin/python bench/read_counter.py [--reads 200000] [--requests 20000]

Uses its own SQLite database under bench/out/ with 50 live articles. Measures:
(a) ``read_add`` alone, the work a counted beacon adds to a request, over
``--reads`` reads spread on the 50 articles, with batches written every 5 s
as in production; (b) one batch write of reads on 50 articles over two hours;
(c) whole beacon requests through Django's request handler in one thread
(routing, rate limit, one-per-client check, counting), each from another
client address so that every one is counted. Prints reads per second.
"""

import argparse
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "read-counter"
sys.path.insert(0, str(ROOT))


def setup(database: Path) -> list[int]:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{database}",
            "MANCHETTE_VAR_DIR": str(OUT / "var"),
            "MANCHETTE_READS_PER_HOUR": str(10**9),
            # The rate limit and one-read-per-client marks live in the shared
            # cache: Redis, as in production (database 7 of the bench machine).
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from manchette.news.models import ArticlePage
    from manchette.news.services import (
        ArticleData,
        article_save,
        section_ensure,
        site_ensure,
    )

    if ArticlePage.objects.count() < 50:
        section = section_ensure(home=site_ensure(), slug="bench", title="Bench")
        for number in range(50):
            article_save(
                section=section,
                data=ArticleData(
                    title=f"Article de mesure {number}",
                    summary="Une phrase.",
                    body=[],
                    tags=[],
                    authors=[],
                ),
            )
    return list(ArticlePage.objects.values_list("pk", flat=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reads", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=5_000)
    args = parser.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    ids = setup(OUT / "db.sqlite3")

    from django.conf import settings
    from django.test import Client

    from manchette.newsletter import readcounter
    from manchette.newsletter.models import ArticleReadCount

    settings.MANCHETTE_READS_FLUSH_SECONDS = 5
    choices = [random.choice(ids) for _ in range(args.reads)]
    readcounter.reads_flush()
    start = time.perf_counter()
    for article_id in choices:
        readcounter.read_add(article_id)
    readcounter.reads_flush()
    elapsed = time.perf_counter() - start
    print(f"(a) read_add: {args.reads / elapsed:,.0f} reads/s ({args.reads} reads)")

    for article_id in choices[:10_000]:
        readcounter.read_add(article_id)
    start = time.perf_counter()
    written = readcounter.reads_flush()
    print(
        f"(b) one batch write: {written} reads on {len(ids)} articles in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )

    client = Client(HTTP_HOST="127.0.0.1")
    before = sum(ArticleReadCount.objects.values_list("count", flat=True))
    run = random.randrange(256)  # Fresh client addresses on every run.
    start = time.perf_counter()
    for number in range(args.requests):
        address = f"10.{run}.{number // 256 % 256}.{number % 256}"
        client.post(f"/newsletter/lu/{ids[number % len(ids)]}/", REMOTE_ADDR=address)
    readcounter.reads_flush()
    elapsed = time.perf_counter() - start
    counted = sum(ArticleReadCount.objects.values_list("count", flat=True)) - before
    print(
        f"(c) beacon requests, one thread: {args.requests / elapsed:,.0f} reads/s "
        f"({counted} counted of {args.requests})"
    )


if __name__ == "__main__":
    main()
