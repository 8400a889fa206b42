"""Measures reader search latency and sitemap generation on a generated site.

Generate the corpus first (bench/generate_search_corpus.py), then, on the same database:

    DEBUG=0 DATABASE_URL=sqlite:////tmp/bench.sqlite3 \\
        .venv/bin/python bench/search_sitemap.py
    DEBUG=0 DATABASE_URL=postgres://postgres@127.0.0.1:5432/discover_bench \\
        .venv/bin/python bench/search_sitemap.py

Each search goes through the whole view (``/recherche/?q=``: form, ranking,
one page of cards, template), as a reader's request does behind the cache.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from manchette.news import sitemaps  # noqa: E402
from manchette.news.models import ArticlePage  # noqa: E402

ONE_WORD = [
    "gouvernement",
    "numerique",
    "budget",
    "école",
    "secheresse",
    "tourisme",
    "universite",
    "cybersécurité",
    "festival",
    "voisin",
    "présidentes",
    "introuvable",
]
THREE_WORDS = [
    "gouvernement projet réforme",
    "budget école santé",
    "numérique économie élections",
    "climat énergie solaire",
    "port transport investissement",
    "festival cinéma musique",
    "université recherche innovation",
    "football championnat équipe",
    "hôpital médecin vaccin",
    "désert montagne littoral",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client: Client, queries: list[str], repeats: int) -> list[float]:
    samples = []
    for query in queries:
        client.get("/recherche/", {"q": query})  # Warm the caches once.
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get("/recherche/", {"q": query})
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=10)
    options = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    articles = ArticlePage.objects.live().count()
    print(f"database: {connection.vendor}, live articles: {articles}")
    for label, queries in (("1 word", ONE_WORD), ("3 words", THREE_WORDS)):
        samples = measure(client, queries, options.repeats)
        print(
            f"search {label}: p50 {statistics.median(samples):.1f} ms, "
            f"p95 {percentile(samples, 0.95):.1f} ms, max {max(samples):.1f} ms "
            f"({len(samples)} requests)"
        )
    chunk = ArticlePage.objects.order_by("pk").values_list("pk", flat=True).first()
    chunk = chunk // sitemaps.CHUNK_SIZE
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(f"/sitemap-articles-{chunk}.xml")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    entries = response.content.count(b"<url>")
    print(
        f"sitemap page of {entries} entries: median {statistics.median(timings):.3f} s, "
        f"max {max(timings):.3f} s, {len(response.content) / 1e6:.1f} MB"
    )
    for url in (
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/sitemap-sections-0.xml",
        "/sitemap-authors-0.xml",
        "/sitemap-tags-0.xml",
    ):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        print(f"{url}: {elapsed:.0f} ms, {response.content.count(b'<loc>')} entries")


if __name__ == "__main__":
    main()
