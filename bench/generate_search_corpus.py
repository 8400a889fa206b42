"""Bulk-generates a newsroom of N published articles for benchmarks (never for CI).

Pages are inserted in batches with correct treebeard paths (no page-by-page
publishing, which would take hours for 100,000 articles), then indexed for
search in bulk. Deterministic: the same seed gives the same site.

    DATABASE_URL=... .venv/bin/python bench/generate_search_corpus.py --articles 100000

``--languages fr,ar,en`` spreads the articles over the editions in turn (each
edition gets its translated home and sections), with real Arabic and English
words in their Zipf vocabularies.
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
from django.db import OperationalError, connection, transaction  # noqa: E402
from django.db.models import Prefetch  # noqa: E402
from django.utils import timezone  # noqa: E402
from modelsearch.conf import get_app_config  # noqa: E402
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
# Real Arabic and English words that readers search (with ة, hamza forms and
# the article ال, as written), and each language's most common words.
WORDS_AR = words(
    "الحكومة الوزير مشروع الإصلاح الاقتصاد الرقمية الانتخابات الميزانية البرلمان "
    "الرئيس جهة الصحة المدرسة التعليم المقاولة المقاولات الشغل البطالة النمو "
    "التضخم الطاقة المناخ الجفاف الفلاحة الماء الصيد السياحة النقل السكك "
    "الطريق الميناء المطار الاستثمار البنك السوق البورصة الصادرات الواردات "
    "التعاون الشراكة الاتفاق الدبلوماسية القمة المؤتمر الوفد الجامعة البحث "
    "الابتكار التكنولوجيا الذكاء المعطيات الأمن الشبكة الإنترنت الثقافة "
    "المهرجان السينما الموسيقى المسرح الكتاب التراث المتحف كرة البطولة "
    "المنتخب المباراة الفوز الملعب العدالة المحكمة التحقيق الشرطة الحدود "
    "الهجرة الشباب النساء المساواة السكن المدينة المستشفى الطبيب اللقاح "
    "الدواء التأمين التقاعد الأجور الضريبة الصناعة السيارات الفوسفاط البناء "
    "السد الغابة البيئة التلوث النفايات الشمسية الريحية الهيدروجين الكهرباء "
    "الغاز الأسعار الاستهلاك الفقر التنمية القرية الصحراء الجبل الساحل "
    "المحيط إفريقيا أوروبا آسيا أمريكا"
)
FILLER_AR = words(
    "في من إلى على عن مع هذا هذه التي الذي بعد قبل بين حسب أن كان قد لا ما و"
)
WORDS_EN = words(
    "government minister project reform economy digital elections budget "
    "parliament president region regions health school education company "
    "companies employment unemployment growth inflation energy climate drought "
    "agriculture water fishing tourism transport railway motorway port airport "
    "investment bank market stock exports imports cooperation partnership "
    "agreement diplomacy summit conference delegation university research "
    "innovation startup technology intelligence data cybersecurity network "
    "internet culture festival cinema music theatre book heritage museum "
    "football championship team match victory defeat stadium justice court "
    "inquiry police security border migration youth women equality housing "
    "city hospital doctor vaccine medicine insurance pension wages tax industry "
    "car textile phosphate mine construction dam forest environment pollution "
    "waste recycling solar wind hydrogen electricity gas oil prices "
    "households poverty development village desert mountain coast ocean "
    "africa europe asia america neighbour"
)
FILLER_EN = words(
    "the a an and of in to for on with by at that which this these its their "
    "more after before since between according"
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


SYLLABLES = words(
    "ba be bi bo cha de di fa ga la le li lo ma me mi na ne no pa "
    "ra re ri ro sa se si so ta te ti to va ve vi za zo que tion"
)
SYLLABLES_AR = words(
    "با بو بي تا تو تي دا دو ري را زا سا سو شي عا عو فا قا كو لا لي ما مو نا نو "
    "ها وا يا ين ات"
)


def _vocabulary(
    real: list[str] = WORDS, syllables: list[str] = SYLLABLES
) -> tuple[list[str], list[float]]:
    """Return a Zipf-distributed vocabulary: 20,000 made-up words with the real
    words spread from rank 200 to about 6,000, so a real word is in 0.1 % to 3 %
    of the articles, as a topic word is in a real archive.
    """
    rng = random.Random(7)
    made_up = set()
    while len(made_up) < 20_000:
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(made_up - set(real))
    rng.shuffle(vocabulary)
    step = 40 * len(WORDS) // len(real)
    for index, word in enumerate(real):
        vocabulary.insert(200 + index * step, word)
    cumulative, total = [], 0.0
    for rank in range(1, len(vocabulary) + 1):
        total += 1 / rank
        cumulative.append(total)
    return vocabulary, cumulative


# Per language: (vocabulary, cumulative Zipf weights, filler words).
LANGUAGES = {
    "fr": (*_vocabulary(), FILLER),
    "ar": (*_vocabulary(WORDS_AR, SYLLABLES_AR), FILLER_AR),
    "en": (*_vocabulary(WORDS_EN), FILLER_EN),
}


def sentence(rng: random.Random, words: int, language: str = "fr") -> str:
    vocabulary, cumulative, filler = LANGUAGES[language]
    content = rng.choices(vocabulary, cum_weights=cumulative, k=words)
    picked = [rng.choice(filler) if rng.random() < 0.45 else word for word in content]
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def translated(page: Page, language: str) -> Page:
    """Return the live translation of ``page`` into ``language``, made when missing."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def _step(number: int) -> str:
    alphabet, steplen = Page.alphabet, Page.steplen
    digits = ""
    while number:
        number, rest = divmod(number, len(alphabet))
        digits = alphabet[rest] + digits
    return digits.rjust(steplen, alphabet[0])


def generate(
    *,
    articles: int,
    seed: int = 2025,
    batch: int = 2000,
    languages=("fr",),
    workers: int = 1,
) -> None:
    rng = random.Random(seed)
    call_command("migrate", verbosity=0, interactive=False)
    home = site_ensure()
    french = [
        section_ensure(home=home, slug=slug, title=title) for slug, title in SECTIONS
    ]
    # Sections of every edition, one language after the other: article n goes
    # to edition n % len(languages).
    editions = []
    for language in languages:
        if language != "fr":
            translated(home, language)
        editions.append(
            (
                Locale.objects.get(language_code=language),
                language,
                [s if language == "fr" else translated(s, language) for s in french],
            )
        )
    sections = [section for _, _, group in editions for section in group]
    authors = [author_ensure(name=f"Auteur Bench {n}") for n in range(40)]
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    content_type = ContentType.objects.get_for_model(ArticlePage)
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
            locale, language, group = editions[number % len(editions)]
            section = group[number // len(editions) % len(group)]
            per_section[section.pk] += 1
            title = sentence(rng, rng.randint(5, 10), language).rstrip(".")
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
            summary = " ".join(
                sentence(rng, rng.randint(12, 20), language) for _ in range(2)
            )
            body = [
                {
                    "type": "paragraph",
                    "value": f"<p>{sentence(rng, rng.randint(40, 60), language)}</p>",
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
    index(started, workers=workers)


def index(started: float, *, workers: int = 1) -> None:
    """Index every article not yet in the search index, in bulk, split into
    ``workers`` processes (indexing is Python work: parsing bodies, folding
    words); a batch that meets another's lock in a deadlock (Wagtail refreshes
    the title norms of new entries after each batch) is indexed again.
    """
    content_type = ContentType.objects.get_for_model(ArticlePage)
    entries = get_app_config().get_model("IndexEntry").objects
    indexed = {
        int(pk)
        for pk in entries.filter(content_type=content_type).values_list(
            "object_id", flat=True
        )
    }
    todo = [
        pk
        for pk in ArticlePage.objects.order_by("pk").values_list("pk", flat=True)
        if pk not in indexed
    ]
    size = -(-len(todo) // workers) or 1
    parts = [todo[offset : offset + size] for offset in range(0, len(todo), size)]
    if not parts:
        return
    connection.close()
    children = []
    for part in parts[1:]:
        child = os.fork()
        if child == 0:
            index_pks(part, started)
            os._exit(0)
        children.append(child)
    index_pks(parts[0], started)
    for child in children:
        os.waitpid(child, 0)


def index_pks(pks: list[int], started: float, batch: int = 500) -> None:
    """Index the articles ``pks``, with their tags and authors prefetched."""
    backend = get_search_backend()
    queryset = ArticlePage.objects.order_by("pk").prefetch_related(
        Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
        Prefetch(
            "article_authors",
            queryset=ArticlePageAuthor.objects.select_related("author"),
        ),
    )
    for offset in range(0, len(pks), batch):
        chunk = list(queryset.filter(pk__in=pks[offset : offset + batch]))
        for article in chunk:
            # Wagtail reads each search field once per index column: fold once.
            folded = article.search_text_folded()
            article.search_text_folded = lambda folded=folded: folded
        for attempt in range(5):
            try:
                backend.add_bulk(ArticlePage, chunk)
                break
            except OperationalError:
                connection.close()
                time.sleep(1 + attempt)
        print(
            f"[{pks[0]}] indexed {offset + len(chunk)} of {len(pks)} "
            f"({time.perf_counter() - started:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--languages",
        default="fr",
        help="editions the articles are spread over, in turn (e.g. fr,ar,en)",
    )
    parser.add_argument(
        "--index-workers", type=int, default=1, help="processes indexing for search"
    )
    options = parser.parse_args()
    generate(
        articles=options.articles,
        seed=options.seed,
        languages=options.languages.split(","),
        workers=options.index_workers,
    )
