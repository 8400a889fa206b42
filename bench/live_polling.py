"""Benchmark readers polling one live blog through what ``make serve`` runs
(issue 18): app requests per second, and update-published-to-seen time.

    .venv/bin/python bench/live_polling.py [--database-url URL] [--readers 1000] \
        [--every 15] [--duration 180] [--publish-every 20] [--port 8300]

Uses its own database (SQLite under bench/out/live-polling/ unless
``--database-url``) with one live blog, and starts ``manage.py serve_site``
(Varnish → granian, as ``make serve``) on ports 8300-8302. ``--readers``
simulated readers each fetch the live blog's update endpoint every ``--every``
seconds, from a random start within the first period (as live.js does, which
fetches with ``cache: "no-cache"``, so every poll reaches Varnish). After one
period, an editor publishes an update every ``--publish-every`` seconds through
the admin's "Ajouter une mise à jour" form (the Wagtail view, in this process,
through Django's test client, logged in; purges go to the stack's Varnish).

Prints: readers' requests/s at Varnish (MAIN.client_req) and requests that
reached the app (MAIN.backend_req), per second over the measured window; and,
over every reader and update, the time from the start of the editor's publish
request to the first poll of that reader that shows the update (median, p95,
max). Updates published less than one period plus 5 s before the end are left
out (not every reader has polled since).
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "live-polling"
sys.path.insert(0, str(ROOT))

from bench.serve_stack import bench_env, serve_site, varnish_counter  # noqa: E402


def setup() -> tuple[int, int]:
    """Create the live blog and the editor once; return their ids."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    from manchette.news.models import LiveBlogPage
    from manchette.news.services import section_ensure, site_ensure

    page = LiveBlogPage.objects.filter(slug="direct-de-mesure").first()
    if page is None:
        section = section_ensure(home=site_ensure(), slug="bench", title="Bench")
        page = LiveBlogPage(
            title="Direct de mesure",
            slug="direct-de-mesure",
            summary="Un direct pour la mesure.",
            status=LiveBlogPage.Status.LIVE,
        )
        section.add_child(instance=page)
        page.save_revision().publish()
    editor, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    return page.pk, editor.pk


def publish_update(session, page_id: int, text: str) -> int:
    """Post an update through the admin's form; return its id."""
    from django.utils import timezone
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from manchette.news.models import LiveUpdate

    response = session.post(
        f"/admin/direct/new/?page={page_id}",
        nested_form_data(
            {
                "page": page_id,
                "title": "",
                "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
                "posted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M:%S"),
            }
        ),
    )
    if response.status_code != 302:
        raise SystemExit(f"The admin refused the update ({response.status_code}).")
    return LiveUpdate.objects.filter(page_id=page_id).latest("pk").pk


def fetch_ids(url: str) -> set[int]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return {update["id"] for update in json.loads(response.read())["updates"]}


async def readers(
    url: str, *, count: int, every: float, until: float, seen: dict
) -> int:
    """Run ``count`` polling readers until ``until`` (monotonic); record in
    ``seen`` when each reader first saw each update; return the polls made.
    """
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(64))
    polls = [0]

    async def reader(number: int) -> None:
        await asyncio.sleep(random.uniform(0, every))
        while (start := time.monotonic()) < until:
            ids = await loop.run_in_executor(None, fetch_ids, url)
            now = time.monotonic()
            polls[0] += 1
            for update_id in ids:
                seen.setdefault((number, update_id), now)
            await asyncio.sleep(max(0, start + every - time.monotonic()))

    await asyncio.gather(*(reader(number) for number in range(count)))
    return polls[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--port", type=int, default=8300)
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--every", type=float, default=15)
    parser.add_argument("--duration", type=float, default=180)
    parser.add_argument("--publish-every", type=float, default=20)
    args = parser.parse_args()
    shutil.rmtree(OUT / "var", ignore_errors=True)
    (OUT / "var").mkdir(parents=True, exist_ok=True)
    env = bench_env(
        OUT,
        args.database_url,
        MANCHETTE_CACHE_PURGE_URLS=f"http://127.0.0.1:{args.port}",
        # The bench's editor signs in without a second factor.
        MANCHETTE_2FA_REQUIRED_GROUPS="nobody-in-this-bench",
        ALLOWED_HOSTS="127.0.0.1,testserver",
    )
    page_id, editor_id = setup()
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    from django.contrib.auth import get_user_model
    from django.test import Client

    session = Client()
    session.force_login(get_user_model().objects.get(pk=editor_id))
    endpoint = f"/direct/{page_id}/mises-a-jour.json"

    with serve_site(env, port=args.port, probe=endpoint) as site:
        url = site.url + endpoint
        with urllib.request.urlopen(url) as response:
            print(
                f"Endpoint {endpoint}: Cache-Control {response.headers['Cache-Control']}"
            )
        seen: dict = {}
        published: dict[int, float] = {}
        start = time.monotonic()
        until = start + args.duration
        window = {}

        def editor() -> None:
            time.sleep(args.every)  # Every reader has polled once.
            window["start"] = time.monotonic()
            window["backend"] = varnish_counter(site.varnish_dir, "MAIN.backend_req")
            window["client"] = varnish_counter(site.varnish_dir, "MAIN.client_req")
            number = 0
            while time.monotonic() < until - args.publish_every:
                number += 1
                started = time.monotonic()
                update_id = publish_update(session, page_id, f"Mise à jour {number}")
                published[update_id] = started
                time.sleep(max(0, started + args.publish_every - time.monotonic()))
            time.sleep(max(0, until - time.monotonic()))
            window["end"] = time.monotonic()
            window["backend"] = (
                varnish_counter(site.varnish_dir, "MAIN.backend_req")
                - window["backend"]
            )
            window["client"] = (
                varnish_counter(site.varnish_dir, "MAIN.client_req") - window["client"]
            )

        publisher = threading.Thread(target=editor)
        publisher.start()
        polls = asyncio.run(
            readers(url, count=args.readers, every=args.every, until=until, seen=seen)
        )
        publisher.join()

    seconds = window["end"] - window["start"]
    counted = {
        update_id: at
        for update_id, at in published.items()
        if at < until - args.every - 5
    }
    delays = [
        seen[(number, update_id)] - at
        for update_id, at in counted.items()
        for number in range(args.readers)
        if (number, update_id) in seen
    ]
    missing = len(counted) * args.readers - len(delays)
    delays.sort()
    print(
        f"{args.readers} readers polling every {args.every:g} s for "
        f"{args.duration:g} s ({polls} polls); measured window {seconds:.0f} s, "
        f"{len(published)} updates published by the admin form"
    )
    print(
        f"(a) requests at Varnish: {window['client'] / seconds:.1f}/s; reaching the "
        f"app: {window['backend']} in {seconds:.0f} s = "
        f"{window['backend'] / seconds:.2f}/s"
    )
    print(
        f"(b) published to seen by a reader, {len(delays)} reader×update pairs "
        f"({len(counted)} updates, {missing} never seen): median "
        f"{statistics.median(delays):.1f} s, p95 {delays[int(0.95 * len(delays))]:.1f} s, "
        f"max {delays[-1]:.1f} s"
    )
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
