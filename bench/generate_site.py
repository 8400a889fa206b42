"""Generate a large newsroom for benchmarks: articles, tags, authors, comments.

    .venv/bin/python bench/generate_site.py --articles 100000 --tags 1000 \
        --authors 50 --comments 500000 [--database-url postgres://…/bench]

Pages are inserted in bulk with correct treebeard ``path``/``depth``/``numchild``
and ``url_path`` (no revision, no search index entry: what a reader's page needs,
not what an editor's history needs). Sections, authors and the tag index are
created through the project's services, so the site is a normal one. Safe to
rerun: new articles are appended after the existing ones.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = [
    ("politique", "Politique"),
    ("economie", "Économie"),
    ("societe", "Société"),
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("monde", "Monde"),
    ("sciences", "Sciences"),
    ("regions", "Régions"),
]
_WORD_TEXT = (
    "gouvernement ministre accord projet réforme économie région croissance "
    "marché entreprise emploi jeunesse santé école université recherche énergie "
    "eau climat agriculture tourisme culture festival match équipe victoire "
    "sélection parlement élection budget investissement port transport ville "
    "village habitants association dialogue partenariat coopération numérique"
)
WORDS = _WORD_TEXT.split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--tags", type=int, default=100)
    parser.add_argument("--authors", type=int, default=20)
    parser.add_argument("--comments", type=int, default=0)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()

    if args.database_url is not None:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.dev")
    import django

    django.setup()
    generate(args)


def generate(args) -> None:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from manchette.news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag
    from manchette.news.services import author_ensure, section_ensure, site_ensure

    rng = random.Random(args.seed)
    started = time.monotonic()
    home = site_ensure()
    sections = [
        section_ensure(home=home, slug=slug, title=title) for slug, title in SECTIONS
    ]
    authors = [
        author_ensure(name=f"Auteur {number:03d}", slug=f"auteur-{number:03d}")
        for number in range(1, args.authors + 1)
    ]
    existing = set(
        Tag.objects.filter(slug__startswith="sujet-").values_list("slug", flat=True)
    )
    Tag.objects.bulk_create(
        [
            Tag(name=f"Sujet {number:04d}", slug=f"sujet-{number:04d}")
            for number in range(1, args.tags + 1)
            if f"sujet-{number:04d}" not in existing
        ],
        batch_size=1000,
    )
    tags = list(
        Tag.objects.filter(slug__startswith="sujet-").values_list("pk", flat=True)
    )
    print(f"Site, {len(sections)} sections, {len(authors)} authors, {len(tags)} tags")

    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    Comment = apps.get_model("comments", "Comment")
    comments_per_article = args.comments / args.articles if args.articles else 0
    next_step = {}
    for section in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .first()
        )
        next_step[section.pk] = (
            Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        )
    created = 0
    comment_total = 0
    while created < args.articles:
        count = min(args.batch, args.articles - created)
        pages, extras = [], []
        for index in range(count):
            section = sections[(created + index) % len(sections)]
            step = next_step[section.pk]
            next_step[section.pk] += 1
            slug = f"article-{step}"
            published = now - timedelta(minutes=rng.randint(10, 60 * 24 * 365 * 5))
            title = sentence(rng, rng.randint(6, 12))[:-1]
            n_comments = int(comments_per_article) + (
                rng.random() < comments_per_article % 1
            )
            pages.append(
                Page(
                    path=Page._get_path(section.path, section.depth + 1, step),
                    depth=section.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{section.url_path}{slug}/",
                    first_published_at=published,
                    last_published_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
            paragraphs = [sentence(rng, rng.randint(30, 70)) for _ in range(6)]
            extras.append(
                {
                    "section": section,
                    "summary": sentence(rng, 20),
                    "body": [
                        {
                            "type": "paragraph",
                            "value": f"<p>{text}</p>",
                            "id": str(uuid.uuid4()),
                        }
                        for text in paragraphs
                    ],
                    "words": sum(len(text.split()) for text in paragraphs),
                    "comments": n_comments,
                    "published": published,
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=500)
            if pages[0].pk is None:
                paths = [page.path for page in pages]
                ids = dict(
                    Page.objects.filter(path__in=paths).values_list("path", "pk")
                )
                for page in pages:
                    page.pk = page.id = ids[page.path]
            articles = []
            for page, extra in zip(pages, extras, strict=True):
                article = ArticlePage(
                    page_ptr_id=page.pk,
                    summary=extra["summary"],
                    body=extra["body"],
                    section=extra["section"],
                    published_at=extra["published"],
                    reading_minutes=max(1, -(-extra["words"] // 150)),
                    comment_count=extra["comments"],
                )
                article.pk = page.pk
                articles.append(article)
            fields = ArticlePage._meta.local_concrete_fields
            for start in range(0, len(articles), 500):
                ArticlePage._base_manager._insert(
                    articles[start : start + 500], fields=fields
                )
            ArticlePageTag.objects.bulk_create(
                [
                    ArticlePageTag(
                        content_object_id=page.pk,
                        tag_id=tag_id,
                        published_at=page.first_published_at,
                    )
                    for page in pages
                    for tag_id in rng.sample(tags, k=min(3, len(tags)))
                ],
                batch_size=2000,
            )
            ArticlePageAuthor.objects.bulk_create(
                [
                    ArticlePageAuthor(
                        page_id=page.pk,
                        author=author,
                        sort_order=order,
                        published_at=page.first_published_at,
                    )
                    for page in pages
                    for order, author in enumerate(
                        rng.sample(authors, k=min(rng.choice((1, 1, 2)), len(authors)))
                    )
                ],
                batch_size=2000,
            )
            comments = [
                Comment(
                    article_id=page.pk,
                    author_name=f"Lecteur {rng.randint(1, 99999)}",
                    author_email=f"lecteur{rng.randint(1, 99999)}@example.org",
                    body=sentence(rng, rng.randint(8, 40)),
                    status="approved",
                    created_at=extra["published"] + timedelta(minutes=10 + number),
                )
                for page, extra in zip(pages, extras, strict=True)
                for number in range(extra["comments"])
            ]
            Comment.objects.bulk_create(comments, batch_size=2000)
            comment_total += len(comments)
        created += count
        elapsed = time.monotonic() - started
        print(
            f"{created} articles, {comment_total} comments ({elapsed:.0f} s)",
            flush=True,
        )
    for section in sections:
        Page.objects.filter(pk=section.pk).update(
            numchild=Page.objects.filter(
                path__startswith=section.path, depth=section.depth + 1
            ).count()
        )
    print(f"Done in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
