"""Benchmark the read counter (issue 18) through what ``make serve`` runs.

    REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/read_counter.py \
        [--database-url URL] [--duration 30] [--rate 2000] [--rounds 2]

Uses its own database (SQLite under bench/out/read-counter/ unless
``--database-url``) with 50 live articles, and starts ``manage.py serve_site``
(Varnish → granian, two workers of two threads, as ``make serve``) on ports
8200-8202 (``--port``). Beacons carry a random reader address in
X-Forwarded-For, as a CDN in front of Varnish would write it
(``MANCHETTE_TRUSTED_PROXIES=2``), so every one is a new reader and counted;
the hourly limit per address is lifted.

(a) ``read_add`` alone, in this process: what a counted read adds to a beacon;
(b) one batch write of 10,000 reads on 50 articles;
(c) beacons as fast as wrk can send them (``--connections``, ``--duration`` s):
    reads/s, latency, CPU time per beacon of granian and Varnish, and the reads
    found in the database after the next flush;
(d) page latency through Varnish, alone and while wrk sends beacons at about
    ``--rate`` per second (each connection pausing 200 ms between beacons;
    connections = rate × (200 ms + the median beacon time in (c))): the
    article from Varnish's cache (4 readers, each asking every 10 ms), and the
    article passed to the app (a session cookie, as an editor's; one reader
    after another), interleaved ``--rounds`` times.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "read-counter"
sys.path.insert(0, str(ROOT))

from bench.serve_stack import (  # noqa: E402
    bench_env,
    cpu_seconds,
    serve_site,
)

# Each wrk thread POSTs beacons to random articles from random addresses;
# with a pause, each connection waits that long before its next beacon.
BEACON_LUA = """
local ids = {%(ids)s}
local pause = %(pause)s
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + seed)
end
function request()
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255)
    .. "." .. math.random(1, 254)
  return wrk.format("POST", "/newsletter/lu/" .. ids[math.random(#ids)] .. "/",
    {["X-Forwarded-For"] = address}, "")
end
if pause > 0 then
  function delay()
    return pause
  end
end
"""


def setup() -> list[int]:
    """Create the 50 live articles once; return their ids."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
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
    return list(ArticlePage.objects.live().values_list("pk", flat=True))


def wrk(
    url: str, *, duration: float, connections: int, threads=2, script="", header=""
):
    """Run wrk; return requests/s, requests done, p50 and p99 (ms), errors."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s"]
    command += ["--timeout", "5s", "--latency"]
    command += ["-s", script] if script else []
    command += ["-H", header] if header else []
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket": (re.search(r"Socket errors: (.*)", output) or [""])[0],
    }


def total_reads() -> int:
    from django.db.models import Sum

    from manchette.newsletter.models import ArticleReadCount

    return ArticleReadCount.objects.aggregate(total=Sum("count"))["total"] or 0


def in_process(ids: list[int]) -> None:
    """(a) and (b): the counter alone, in this process."""
    from django.conf import settings

    from manchette.newsletter import readcounter

    settings.MANCHETTE_READS_FLUSH_SECONDS = 3600  # Flushed by hand below.
    choices = [random.choice(ids) for _ in range(100_000)]
    readcounter.reads_flush()
    start = time.perf_counter()
    for article_id in choices:
        readcounter.read_add(article_id)
    elapsed = time.perf_counter() - start
    readcounter.reads_flush()
    print(f"(a) read_add alone: {len(choices) / elapsed:,.0f} reads/s")
    for article_id in choices[:10_000]:
        readcounter.read_add(article_id)
    start = time.perf_counter()
    written = readcounter.reads_flush()
    print(
        f"(b) one batch write: {written} reads on {len(ids)} articles in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rate", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    shutil.rmtree(OUT / "var", ignore_errors=True)
    (OUT / "var").mkdir(parents=True, exist_ok=True)
    env = bench_env(
        OUT,
        args.database_url,
        MANCHETTE_TRUSTED_PROXIES="2",
        MANCHETTE_READS_PER_HOUR=str(10**9),
        MANCHETTE_READS_FLUSH_SECONDS="5",
    )
    ids = setup()
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    in_process(ids)

    from manchette.news.models import ArticlePage

    article = ArticlePage.objects.live().order_by("pk").first().url
    flat_out, paced = OUT / "beacons.lua", OUT / "beacons-paced.lua"
    listed = ", ".join(map(str, ids))
    flat_out.write_text(BEACON_LUA % {"ids": listed, "pause": 0})
    # Each connection pauses 200 ms between beacons (wrk has no rate option).
    paced.write_text(BEACON_LUA % {"ids": listed, "pause": 200})
    # Readers: each connection asks for a page every 10 ms at most.
    reader = OUT / "reader.lua"
    reader.write_text("function delay()\n  return 10\nend\n")

    with serve_site(env, port=args.port, probe=article) as site:
        before = total_reads()
        cpu_app, cpu_varnish = cpu_seconds(site.app), cpu_seconds(site.varnish)
        flat = wrk(
            site.url,
            duration=args.duration,
            connections=args.connections,
            script=str(flat_out),
        )
        app_ms = (cpu_seconds(site.app) - cpu_app) * 1000 / flat["requests"]
        varnish_ms = (cpu_seconds(site.varnish) - cpu_varnish) * 1000 / flat["requests"]
        time.sleep(8)  # One flush period and more.
        counted = total_reads() - before
        print(
            f"(c) beacons through Varnish → granian, {args.connections} connections, "
            f"{args.duration} s: {flat['rps']:,.0f} reads/s, p50 {flat['p50']:.1f} ms, "
            f"p99 {flat['p99']:.1f} ms, {flat['errors']} non-2xx {flat['socket']}; "
            f"CPU per beacon: granian {app_ms:.3f} ms, Varnish {varnish_ms:.3f} ms; "
            f"{counted} counted of {flat['requests']} sent"
        )

        # Connections for about --rate beacons/s: each sends one every 200 ms
        # plus a beacon's median time under (c) (a long pause makes the rate
        # depend little on how long beacons take on a busy machine).
        paced_connections = round(args.rate * (0.200 + flat["p50"] / 1000))
        pages = [
            ("article, Varnish cache", "", 4, str(reader)),
            ("article, passed to the app", "Cookie: sessionid=bench", 1, ""),
        ]
        for round_number in range(1, args.rounds + 1):
            for label, header, connections, script in pages:
                for loaded in (False, True):
                    load = {}
                    beacons = threading.Thread(
                        target=lambda load=load: load.update(
                            wrk(
                                site.url,
                                duration=args.duration + 4,
                                connections=paced_connections,
                                script=str(paced),
                            )
                        )
                    )
                    if loaded:
                        beacons.start()
                        time.sleep(2)
                    page = wrk(
                        site.url + article,
                        duration=args.duration,
                        connections=connections,
                        threads=1,
                        header=header,
                        script=script,
                    )
                    if loaded:
                        beacons.join()
                    extra = (
                        f", beacons {load['rps']:,.0f}/s ({load['errors']} non-2xx)"
                        if loaded
                        else ""
                    )
                    print(
                        f"(d) round {round_number}, {label}, "
                        f"{'with' if loaded else 'without'} beacons: "
                        f"{page['rps']:,.0f} req/s, p50 {page['p50']:.2f} ms, "
                        f"p99 {page['p99']:.2f} ms{extra}"
                    )
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
