"""Bulk-generates a newsroom of N published articles for benchmarks (never for CI).

Pages are inserted in batches with correct treebeard paths (no page-by-page
publishing, which would take hours for 100,000 articles), then indexed for
search in bulk. Deterministic: the same seed gives the same site.

    DATABASE_URL=... .venv/bin/python bench/generate_search_corpus.py --articles 100000
"""

import argparse
import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.dev")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Prefetch  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from manchette.news.models import (  # noqa: E402
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    SectionPage,
)
from manchette.news.services import (  # noqa: E402
    author_ensure,
    section_ensure,
    site_ensure,
)


def words(text: str) -> list[str]:
    return text.split()


SECTIONS = [
    ("politique", "Politique"),
    ("economie", "Économie"),
    ("societe", "Société"),
    ("international", "International"),
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("sciences", "Sciences"),
    ("regions", "Régions"),
]
# Real French words that readers search, placed in a Zipf vocabulary below.
WORDS = words(
    "gouvernement ministre projet réforme économie numérique élections budget "
    "parlement président présidente région régions santé école éducation "
    "entreprise entreprises emploi chômage croissance inflation énergie climat "
    "sécheresse agriculture eau pêche tourisme transport ferroviaire autoroute "
    "port aéroport investissement banque marché bourse exportations importations "
    "coopération partenariat accord diplomatie sommet conférence délégation "
    "université recherche innovation startup technologie intelligence données "
    "cybersécurité réseau télécommunications mobile internet fibre satellite "
    "culture festival cinéma musique théâtre livre patrimoine musée football "
    "championnat équipe sélection match victoire défaite stade athlétisme "
    "justice tribunal enquête police sécurité frontière migration jeunesse "
    "femmes égalité solidarité logement urbanisme ville quartier hôpital "
    "médecin vaccin médicament pharmacie assurance retraite salaire impôt "
    "fiscalité douane industrie automobile textile phosphate mine construction "
    "infrastructure barrage irrigation forêt environnement pollution déchets "
    "recyclage solaire éolien hydrogène électricité gaz pétrole carburant prix "
    "consommation ménages pauvreté développement rural village désert montagne "
    "littoral plage océan méditerranée afrique europe asie amérique voisin"
)
FILLER = words(
    "le la les des du de un une et en dans pour sur avec par au aux que qui "
    "cette ces son sa ses leur leurs plus selon après avant depuis entre"
)
TAGS = [
    "transition numérique",
    "élections",
    "budget",
    "climat",
    "diplomatie",
    "santé",
    "éducation",
    "sport",
    "culture",
    "emploi",
]


def _vocabulary() -> tuple[list[str], list[float]]:
    """Return a Zipf-distributed vocabulary: 20,000 made-up words with the real
    words spread from rank 200 to about 6,000, so a real word is in 0.1 % to 3 %
    of the articles, as a topic word is in a real archive.
    """
    rng = random.Random(7)
    syllables = words("ba be bi bo cha de di fa ga la le li lo ma me mi na ne no pa")
    syllables += words("ra re ri ro sa se si so ta te ti to va ve vi za zo que tion")
    made_up = set()
    while len(made_up) < 20_000:
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(made_up - set(WORDS))
    rng.shuffle(vocabulary)
    for index, word in enumerate(WORDS):
        vocabulary.insert(200 + index * 40, word)
    cumulative, total = [], 0.0
    for rank in range(1, len(vocabulary) + 1):
        total += 1 / rank
        cumulative.append(total)
    return vocabulary, cumulative


VOCABULARY, CUMULATIVE = _vocabulary()


def sentence(rng: random.Random, words: int) -> str:
    content = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=words)
    picked = [rng.choice(FILLER) if rng.random() < 0.45 else word for word in content]
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def _step(number: int) -> str:
    alphabet, steplen = Page.alphabet, Page.steplen
    digits = ""
    while number:
        number, rest = divmod(number, len(alphabet))
        digits = alphabet[rest] + digits
    return digits.rjust(steplen, alphabet[0])


def generate(*, articles: int, seed: int = 2025, batch: int = 2000) -> None:
    rng = random.Random(seed)
    call_command("migrate", verbosity=0, interactive=False)
    home = site_ensure()
    sections = [
        section_ensure(home=home, slug=slug, title=title) for slug, title in SECTIONS
    ]
    authors = [author_ensure(name=f"Auteur Bench {n}") for n in range(40)]
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    existing = ArticlePage.objects.count()
    per_section = {section.pk: section.numchild for section in sections}
    started = time.perf_counter()
    columns = [field.column for field in ArticlePage._meta.local_concrete_fields]
    insert = (
        f"INSERT INTO {connection.ops.quote_name(ArticlePage._meta.db_table)} "
        f"({', '.join(connection.ops.quote_name(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    for offset in range(existing, articles, batch):
        count = min(batch, articles - offset)
        pages, extras = [], []
        for number in range(offset, offset + count):
            section = sections[number % len(sections)]
            per_section[section.pk] += 1
            title = sentence(rng, rng.randint(5, 10)).rstrip(".")
            slug = f"article-{number}"
            # Spread over five years, newest last, with a few in the last 48 h.
            published = now - timedelta(minutes=(articles - number) * 26)
            pages.append(
                Page(
                    path=section.path + _step(per_section[section.pk]),
                    depth=section.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{section.url_path}{slug}/",
                )
            )
            summary = " ".join(sentence(rng, rng.randint(12, 20)) for _ in range(2))
            body = [
                {
                    "type": "paragraph",
                    "value": f"<p>{sentence(rng, rng.randint(40, 60))}</p>",
                    "id": str(uuid.UUID(int=rng.getrandbits(128))),
                }
                for _ in range(2)
            ]
            extras.append((section, summary, json.dumps(body), number))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            defaults = {
                "featured_image_id": None,
                "featured_image_caption": "",
                "featured_image_credit": "",
                "updated_at": None,
                "featured": False,
                "comments_open": True,
                "reading_minutes": 1,
                "comment_count": 0,
                "source_uri": "",
            }
            rows = [
                tuple(
                    {
                        **defaults,
                        "page_ptr_id": page.pk,
                        "summary": summary,
                        "body": body,
                        "section_id": section.pk,
                        # The listings' copy of first_published_at.
                        "published_at": connection.ops.adapt_datetimefield_value(
                            page.first_published_at
                        ),
                    }[column]
                    for column in columns
                )
                for page, (section, summary, body, _) in zip(
                    created, extras, strict=True
                )
            ]
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            ArticlePageTag.objects.bulk_create(
                ArticlePageTag(
                    content_object_id=page.pk,
                    tag=tags[number % len(tags)],
                    published_at=page.first_published_at,
                )
                for page, (_, _, _, number) in zip(created, extras, strict=True)
            )
            ArticlePageAuthor.objects.bulk_create(
                ArticlePageAuthor(
                    page_id=page.pk,
                    author=authors[number % len(authors)],
                    sort_order=0,
                    published_at=page.first_published_at,
                )
                for page, (_, _, _, number) in zip(created, extras, strict=True)
            )
        print(f"{offset + count} articles ({time.perf_counter() - started:.0f} s)")
    for section in sections:
        SectionPage.objects.filter(pk=section.pk).update(
            numchild=per_section[section.pk]
        )
    index(started)


def index(started: float, batch: int = 1000) -> None:
    """Index every article for search in bulk, with their tags and authors prefetched."""
    backend = get_search_backend()
    queryset = ArticlePage.objects.order_by("pk").prefetch_related(
        Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
        Prefetch(
            "article_authors",
            queryset=ArticlePageAuthor.objects.select_related("author"),
        ),
    )
    last = 0
    total = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:batch])
        if not chunk:
            break
        backend.add_bulk(ArticlePage, chunk)
        last = chunk[-1].pk
        total += len(chunk)
        if total % 10_000 == 0:
            print(f"indexed {total} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args()
    generate(articles=options.articles, seed=options.seed)
