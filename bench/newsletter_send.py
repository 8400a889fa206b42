"""Send one brief to N subscribers into a local aiosmtpd sink; print msgs/s and memory.

    .venv/bin/python bench/newsletter_send.py --subscribers 100000

Uses its own SQLite database under bench/out/ (or DATABASE_URL if set), a sink
in a separate process on 127.0.0.1 that counts and discards, and the same code
as `send_brief` (claimed batches, one SMTP connection per batch).
"""

import argparse
import asyncio
import multiprocessing
import os
import resource
import shutil
import socket
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "newsletter"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_sink(port: int, counter) -> None:
    from aiosmtpd.controller import Controller

    class Count:
        async def handle_DATA(self, server, session, envelope):
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    controller = Controller(Count(), hostname="127.0.0.1", port=port)
    controller.start()
    threading.Event().wait()


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--dkim", action="store_true", help="Sign every message.")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir(parents=True)
        os.environ["MANCHETTE_VAR_DIR"] = str(OUT)
    port = free_port()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
            "DEBUG": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "MANCHETTE_BRIEF_BATCH_SIZE": str(args.batch_size),
            "MANCHETTE_BRIEF_RATE_PER_SECOND": "0",
        }
    )
    if args.dkim:
        key = ROOT / "tests" / "data" / "newsletter" / "dkim-test-key.pem"
        os.environ.update(
            {
                "MANCHETTE_DKIM_DOMAIN": "example.org",
                "MANCHETTE_DKIM_SELECTOR": "brief",
                "MANCHETTE_DKIM_PRIVATE_KEY": str(key),
            }
        )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from manchette.news.services import (
        ArticleData,
        article_save,
        section_ensure,
        site_ensure,
    )
    from manchette.newsletter import services
    from manchette.newsletter.models import Subscriber

    counter = multiprocessing.Value("l", 0)
    sink = multiprocessing.Process(target=run_sink, args=(port, counter), daemon=True)
    sink.start()

    print("Migrating…", flush=True)
    call_command("migrate", verbosity=0)
    home = site_ensure()
    sections = [
        section_ensure(home=home, slug=slug, title=slug.capitalize())
        for slug in ("politique", "economie", "sport", "culture")
    ]
    day = services.brief_next_day()
    send_at = services.brief_send_time(day)
    for n in range(8):
        article_save(
            section=sections[n % 4],
            data=ArticleData(
                title=f"Article numéro {n} du banc d’essai",
                summary="Une phrase qui résume l’article. Une deuxième pour la route.",
                body=[{"type": "paragraph", "value": "<p>Corps.</p>"}],
                tags=[],
                authors=[],
                first_published_at=send_at - timedelta(hours=n + 1),
                featured=n == 0,
            ),
            publish=True,
        )
    print(f"Creating {args.subscribers} subscribers…", flush=True)
    chunk = 10_000
    for start in range(0, args.subscribers, chunk):
        Subscriber.objects.bulk_create(
            Subscriber(email=f"lecteur{n}@example.com", status="active")
            for n in range(start, min(start + chunk, args.subscribers))
        )
    issue = services.brief_compose(day=day)
    services.brief_start(issue=issue)

    rss_before = rss_mb()
    samples = []
    done = 0

    def on_done(ok: bool) -> None:
        nonlocal done
        done += 1
        if done % max(1, args.subscribers // 10) == 0:
            samples.append((done, round(rss_mb(), 1)))

    print("Sending…", flush=True)
    started = time.perf_counter()
    sent, failed = services.brief_deliver(issue=issue, on_done=on_done)
    elapsed = time.perf_counter() - started
    deadline = time.monotonic() + 10
    while counter.value < sent and time.monotonic() < deadline:
        time.sleep(0.05)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sink.terminate()
    print(
        f"database: {django.db.connection.vendor}, DKIM: {'on' if args.dkim else 'off'}"
    )
    print(f"sent {sent}, failed {failed}, received by the sink {counter.value}")
    print(f"time {elapsed:.1f} s, {sent / elapsed:.0f} messages/s")
    print(f"RSS before sending {rss_before:.0f} MB, peak {peak:.0f} MB")
    print("RSS while sending (messages, MB):", samples)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    main()
