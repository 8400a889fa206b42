"""Benchmark: import a generated WordPress export of 10,000 posts and 50,000 comments.

    .venv/bin/python bench/wxr_import.py [--posts 10000] [--comments-per-post 5]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_wxr]

Builds the export in a temporary folder, migrates a fresh database (SQLite in that
folder unless --database-url is given), then times ``import_wxr`` twice (first
import, then the re-run that must change nothing) and prints the wall time and the
peak resident memory of each run. Not run by CI.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "gouvernement",
    "parlement",
    "réforme",
    "budget",
    "ville",
    "région",
    "élection",
    "ministre",
    "projet",
    "loi",
    "économie",
    "culture",
    "sport",
    "santé",
    "école",
    "marché",
    "habitants",
    "annonce",
    "semaine",
    "rapport",
    "débat",
    "vote",
    "accord",
    "crise",
    "hausse",
    "baisse",
]


def cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_export(
    path: Path, *, posts: int, comments_per_post: int, seed: int = 7
) -> int:
    """Write the export; return its size in bytes."""
    rng = random.Random(seed)
    categories = [f"rubrique-{n}" for n in range(20)]
    tags = [f"sujet-{n}" for n in range(300)]
    authors = [f"auteur{n}" for n in range(12)]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench</title><link>https://bench.example.org</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:base_site_url>https://bench.example.org</wp:base_site_url>\n"
        )
        for login in authors:
            out.write(
                f"<wp:author><wp:author_login>{login}</wp:author_login>"
                f"<wp:author_display_name>{cdata(login.title())}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for index, slug in enumerate(categories):
            parent = categories[index // 5] if index >= 5 else ""
            out.write(
                f"<wp:category><wp:term_id>{index + 1}</wp:term_id>"
                f"<wp:category_nicename>{slug}</wp:category_nicename>"
                f"<wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name>{cdata(slug.replace('-', ' ').title())}</wp:cat_name>"
                "</wp:category>\n"
            )
        for slug in tags:
            out.write(
                f"<wp:tag><wp:tag_slug>{slug}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(slug.replace('-', ' '))}</wp:tag_name></wp:tag>\n"
            )
        comment_id = 1
        for number in range(1, posts + 1):
            day = (
                f"20{10 + number % 14:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            )
            date = f"{day} {number % 24:02d}:{number % 60:02d}:00"
            paragraphs = "\n\n".join(
                " ".join(sentence(rng) for _ in range(4)) for _ in range(6)
            )
            if number > 1 and number % 10 == 0:
                paragraphs += (
                    f'\n\nLire aussi : <a href="https://bench.example.org/?p={number - 1}">'
                    "l’article précédent</a>"
                )
            out.write(
                f"<item><title>{cdata(sentence(rng, 8)[:-1])}</title>"
                f"<link>https://bench.example.org/{day.replace('-', '/')}/article-{number}/</link>"
                f"<dc:creator>{rng.choice(authors)}</dc:creator>"
                f'<guid isPermaLink="false">https://bench.example.org/?p={number}</guid>'
                f"<content:encoded>{cdata(paragraphs)}</content:encoded>"
                f"<excerpt:encoded>{cdata(sentence(rng) if number % 3 else '')}</excerpt:encoded>"
                f"<wp:post_id>{number}</wp:post_id>"
                f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>"
                f"<wp:comment_status>open</wp:comment_status>"
                f"<wp:post_name>article-{number}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>"
                f"<wp:post_type>post</wp:post_type><wp:is_sticky>{int(number % 500 == 0)}</wp:is_sticky>"
            )
            category = rng.choice(categories)
            out.write(
                f'<category domain="category" nicename="{category}">{cdata(category)}</category>'
            )
            for tag in rng.sample(tags, 3):
                out.write(
                    f'<category domain="post_tag" nicename="{tag}">{cdata(tag.replace("-", " "))}</category>'
                )
            first = comment_id
            for index in range(comments_per_post):
                parent = first if index and index % 2 == 0 else 0
                out.write(
                    f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author>{cdata('Lecteur ' + str(comment_id))}</wp:comment_author>"
                    f"<wp:comment_author_email>l{comment_id}@example.org</wp:comment_author_email>"
                    f"<wp:comment_date>{date}</wp:comment_date><wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
                    f"<wp:comment_content>{cdata(sentence(rng, 20))}</wp:comment_content>"
                    f"<wp:comment_approved>{'1' if index % 4 else '0'}</wp:comment_approved>"
                    f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
                )
                comment_id += 1
            out.write("</item>\n")
        out.write("</channel></rss>\n")
    return path.stat().st_size


def run(command: list[str], env: dict) -> tuple[float, int, float]:
    """Run a child process; return its wall time (s), its own peak RSS (MB) and
    its CPU time (s, user + system: what the wall time is on an idle machine)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=ROOT)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[2]} failed")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments-per-post", type=int, default=5)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="wxr-bench-") as folder:
        folder = Path(folder)
        export = folder / "export.xml"
        size = write_export(
            export, posts=options.posts, comments_per_post=options.comments_per_post
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "manchette.settings.base",
            "MANCHETTE_VAR_DIR": str(folder),
            "MEDIA_ROOT": str(folder / "media"),
            "DATABASE_URL": options.database_url,
        }
        subprocess.run(
            [python, "manage.py", "migrate", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        print(
            f"export: {options.posts} posts, {options.posts * options.comments_per_post} "
            f"comments, {size / 1e6:.1f} MB"
        )
        report = folder / "report.json"
        first = run(
            [
                python,
                "manage.py",
                "import_wxr",
                str(export),
                "--report-json",
                str(report),
                "-v0",
            ],
            env,
        )
        created = json.loads(report.read_text())["created"]
        print(
            f"first import: {first[0]:.1f} s wall, {first[2]:.1f} s CPU, peak RSS {first[1]} MB, created {created}"
        )
        second = run(
            [
                python,
                "manage.py",
                "import_wxr",
                str(export),
                "--report-json",
                str(report),
                "-v0",
            ],
            env,
        )
        data = json.loads(report.read_text())
        print(
            f"re-run:       {second[0]:.1f} s wall, {second[2]:.1f} s CPU, peak RSS {second[1]} MB, "
            f"created {sum(data['created'].values())}, updated {sum(data['updated'].values())}"
        )


if __name__ == "__main__":
    main()
