"""The site's icons, web app manifest and brand colour, derived from its identity
(Paramètres › Identité du site): the logo when there is one, else the
publication's initial on the brand colour.
"""

import io
import json
import re

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .identity import identity_for_site
from .pagecache import add_cache_tags

DEFAULT_COLOUR = "#b3121f"
ICON_SIZES = (180, 192, 512)
CACHE_SECONDS = 24 * 3600
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _identity(request):
    add_cache_tags(request, "site")
    identity = identity_for_site(Site.find_for_request(request))
    name = (identity.publisher_name if identity else "") or "Manchette"
    colour = getattr(identity, "brand_colour", "") or DEFAULT_COLOUR
    if not COLOUR.match(colour):
        colour = DEFAULT_COLOUR
    return identity, name, colour


def _cached(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def darker(colour: str, factor: float = 0.72) -> str:
    """Return a darker shade of ``#rrggbb`` (links and hover on light paper)."""
    return "#" + "".join(f"{int(c * factor):02x}" for c in _rgb(colour))


def lighter(colour: str, factor: float = 0.55) -> str:
    """Return a lighter tint of ``#rrggbb`` (links on dark paper)."""
    return "#" + "".join(f"{int(c + (255 - c) * factor):02x}" for c in _rgb(colour))


@require_GET
def favicon_svg(request):
    _identity_obj, name, colour = _identity(request)
    initial = escape(name[:1].upper())
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="12" fill="{colour}"/>'
        '<text x="32" y="46" text-anchor="middle" font-family="Georgia,serif" '
        f'font-size="42" font-weight="700" fill="#fff">{initial}</text></svg>'
    )
    return _cached(HttpResponse(svg, content_type="image/svg+xml"))


def icon_png(identity, name: str, colour: str, size: int) -> bytes:
    """Return a square PNG icon: the logo on white, else the initial on the colour."""
    from PIL import Image, ImageDraw, ImageFont

    logo = getattr(identity, "logo", None) if identity else None
    if logo is not None:
        canvas = Image.new("RGB", (size, size), "#ffffff")
        with logo.open_file() as handle, Image.open(handle) as source:
            source = source.convert("RGBA")
            source.thumbnail((int(size * 0.8), int(size * 0.8)))
            offset = ((size - source.width) // 2, (size - source.height) // 2)
            canvas.paste(source, offset, source)
    else:
        canvas = Image.new("RGB", (size, size), _rgb(colour))
        draw = ImageDraw.Draw(canvas)
        font = ImageFont.load_default(size=int(size * 0.62))
        draw.text(
            (size / 2, size / 2),
            name[:1].upper(),
            fill="#ffffff",
            font=font,
            anchor="mm",
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@require_GET
def icon(request, size: int):
    if size not in ICON_SIZES:
        raise Http404
    identity, name, colour = _identity(request)
    return _cached(
        HttpResponse(icon_png(identity, name, colour, size), content_type="image/png")
    )


@require_GET
def manifest(request):
    identity, name, colour = _identity(request)
    data = {
        "name": name,
        "short_name": name[:12],
        "description": getattr(identity, "tagline", "") or name,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": colour,
        "background_color": "#ffffff",
        "lang": request.LANGUAGE_CODE,
        "icons": [
            {
                "src": reverse("site_icon", args=[size]),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any",
            }
            for size in ICON_SIZES
        ]
        + [{"src": reverse("favicon_svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return _cached(
        HttpResponse(
            json.dumps(data, ensure_ascii=False),
            content_type="application/manifest+json",
        )
    )


@require_GET
def brand_css(request):
    """Return the brand colour as the stylesheet's accent tokens (linked only when
    it differs from the default that ``css/manchette.css`` carries).
    """
    _identity_obj, _name, colour = _identity(request)
    css = (
        f":root{{--accent:{colour};--accent-strong:{darker(colour)};}}"
        "@media (prefers-color-scheme: dark){:root{--accent-strong:"
        f"{lighter(colour)};}}}}"
    )
    return _cached(HttpResponse(css, content_type="text/css"))


@require_GET
def favicon_ico(request):
    """Browsers that ask for /favicon.ico get the SVG icon."""
    return _cached(redirect("favicon_svg"))
