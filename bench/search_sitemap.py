"""Measures reader search latency and sitemap generation on a generated site.

Generate the corpus first (bench/generate_search_corpus.py), then, on the same database:

    DEBUG=0 DATABASE_URL=sqlite:////tmp/bench.sqlite3 \\
        .venv/bin/python bench/search_sitemap.py
    DEBUG=0 DATABASE_URL=postgres://postgres@127.0.0.1:5432/discover_bench \\
        .venv/bin/python bench/search_sitemap.py

Each search goes through the whole view (``/recherche/?q=``: form, ranking,
one page of cards, template), as a reader's request does behind the cache.
``--edition ar`` (or ``en``) searches that edition (``/ar/recherche/``) with
words of its language, on a corpus generated with ``--languages fr,ar,en``;
``--search-only`` skips the sitemaps.
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

# Per edition: (URL prefix, one-word queries, three-word queries). Arabic
# queries are written as readers type them: with or without the article,
# the hamza and the tashkeel.
EDITIONS = {
    "fr": ("", ONE_WORD, THREE_WORDS),
    "ar": (
        "/ar",
        [
            "الحكومة",
            "الرقمية",
            "الرَّقْمِيَّة",
            "ميزانية",
            "المدرسه",
            "الجفاف",
            "السياحة",
            "اقتصاد",
            "الجامعة",
            "المهرجان",
            "أمريكا",
            "غيرموجودة",
        ],
        [
            "الحكومة مشروع الإصلاح",
            "الميزانية المدرسة الصحة",
            "الرقمية الاقتصاد الانتخابات",
            "المناخ الطاقة الشمسية",
            "الميناء النقل الاستثمار",
            "المهرجان السينما الموسيقى",
            "الجامعة البحث الابتكار",
            "كرة البطولة المنتخب",
            "المستشفى الطبيب اللقاح",
            "الصحراء الجبل الساحل",
        ],
    ),
    "en": (
        "/en",
        [
            "government",
            "digital",
            "budget",
            "school",
            "drought",
            "tourism",
            "university",
            "cybersecurity",
            "festival",
            "neighbour",
            "elections",
            "notfoundanywhere",
        ],
        [
            "government project reform",
            "budget school health",
            "digital economy elections",
            "climate energy solar",
            "port transport investment",
            "festival cinema music",
            "university research innovation",
            "football championship team",
            "hospital doctor vaccine",
            "desert mountain coast",
        ],
    ),
}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(
    client: Client, queries: list[str], repeats: int, prefix: str = ""
) -> list[float]:
    samples = []
    for query in queries:
        client.get(f"{prefix}/recherche/", {"q": query})  # Warm the caches once.
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(f"{prefix}/recherche/", {"q": query})
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--edition", choices=sorted(EDITIONS), default="fr")
    parser.add_argument("--search-only", action="store_true")
    options = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    articles = ArticlePage.objects.live().count()
    print(f"database: {connection.vendor}, live articles: {articles}")
    prefix, one_word, three_words = EDITIONS[options.edition]
    cpu = time.process_time()
    for label, queries in (("1 word", one_word), ("3 words", three_words)):
        samples = measure(client, queries, options.repeats, prefix)
        print(
            f"search {options.edition} {label}: "
            f"p50 {statistics.median(samples):.1f} ms, "
            f"p95 {percentile(samples, 0.95):.1f} ms, max {max(samples):.1f} ms "
            f"({len(samples)} requests)"
        )
    print(f"CPU time of this process: {time.process_time() - cpu:.1f} s")
    if options.search_only:
        return
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
