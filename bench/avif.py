"""AVIF against WebP for the reader's renditions: bytes and encoding time.

Usage:
    .venv/bin/python bench/avif.py IMAGE [IMAGE …]

Each image is cropped to the reader's rendition sizes (the lead's 1200x675 and
800x450, a card's 640x360, a row's 320x240) and encoded as Wagtail encodes a
rendition: through Willow, WebP at WAGTAILIMAGES_WEBP_QUALITY (80) and AVIF at
WAGTAILIMAGES_AVIF_QUALITY (61), Wagtail's defaults. Prints one Markdown row per
size: mean bytes of each format and mean CPU time of one encoding (process
time, so a busy shared machine slows the wall clock more than these figures).
"""

import argparse
import io
import os
import sys
import time

import django
from PIL import Image, ImageOps

SIZES = ((1200, 675), (800, 450), (640, 360), (320, 240))
WEBP_QUALITY = 80  # Wagtail's default WAGTAILIMAGES_WEBP_QUALITY
AVIF_QUALITY = 61  # Wagtail's default WAGTAILIMAGES_AVIF_QUALITY


def encode(image, kind: str) -> tuple[int, float]:
    """Return the size in bytes and the CPU seconds of one encoding."""
    out = io.BytesIO()
    start = time.process_time()
    if kind == "webp":
        image.save_as_webp(out, quality=WEBP_QUALITY)
    else:
        image.save_as_avif(out, quality=AVIF_QUALITY)
    return len(out.getvalue()), time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("images", nargs="+")
    args = parser.parse_args()
    # Willow reads Django's settings (WILLOW_OPTIMIZERS) when imported.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.dev")
    django.setup()
    from willow.plugins.pillow import PillowImage

    print("| size | WebP | AVIF | saved | WebP CPU | AVIF CPU |")
    print("|---|---|---|---|---|---|")
    for width, height in SIZES:
        totals = {"webp": [0, 0.0], "avif": [0, 0.0]}
        for path in args.images:
            with Image.open(path) as original:
                cropped = ImageOps.fit(original.convert("RGB"), (width, height))
            source = PillowImage(cropped)
            for kind, total in totals.items():
                size, seconds = encode(source, kind)
                total[0] += size
                total[1] += seconds
        n = len(args.images)
        webp, avif = totals["webp"], totals["avif"]
        print(
            f"| {width}x{height} | {webp[0] / n / 1024:.1f} KB | "
            f"{avif[0] / n / 1024:.1f} KB | {1 - avif[0] / webp[0]:+.0%} | "
            f"{webp[1] / n * 1000:.0f} ms | {avif[1] / n * 1000:.0f} ms |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
