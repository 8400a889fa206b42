"""Machine-readable metadata of pages: schema.org JSON-LD, OpenGraph, Twitter cards.

Builders return plain dicts; ``json_ld`` serialises one for a ``<script>``
element, escaped so that no text written by an editor can close the element.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Locale

from manchette.core.pagecache.fragments import fragment

LANGUAGE = "fr"
OG_LOCALE = "fr_FR"
# OpenGraph locales (language_TERRITORY) of the content languages.
OG_LOCALES = {"fr": "fr_FR", "ar": "ar_AR", "en": "en_GB"}
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
LOGO_SPEC = "height-60|format-png"

# The escapes of django.utils.html.json_script: "<", ">" and "&" become \uXXXX
# escapes inside JSON strings, so "</script>" can never appear in the output.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """Return ``data`` as a ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def locale_codes() -> dict[int, str]:
    """Return the language code of each Wagtail locale by id, from the fragment
    cache (renewed with the ``site`` tag, which a change of locale invalidates).
    """
    return fragment(
        "news:locale-codes",
        ["site"],
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
    )


def page_language(page) -> str:
    """Return the language code of ``page``'s locale (``fr`` for a page without one)."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    return locale_codes().get(locale_id) or settings.LANGUAGE_CODE


def iso_datetime(value) -> str:
    """Return ``value`` in the site's time zone as ISO 8601 with seconds and offset."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def absolute(root_url: str, url: str | None) -> str:
    """Return ``url`` made absolute against ``root_url`` ("" stays "")."""
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return root_url.split(":", 1)[0] + ":" + url
    return root_url + (url if url.startswith("/") else "/" + url)


def image_info(image, spec: str, root_url: str) -> dict | None:
    """Return ``{"url", "width", "height"}`` of a rendition of ``image``, or None
    when there is no image or its file cannot be read.
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except (OSError, ValueError):
        return None
    return {
        "url": absolute(root_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def organization(*, name: str, url: str, logo: dict | None) -> dict:
    """Return the publisher as a schema.org ``NewsMediaOrganization``."""
    data = {"@type": "NewsMediaOrganization", "name": name, "url": url}
    if logo:
        data["logo"] = {
            "@type": "ImageObject",
            "url": logo["url"],
            "width": logo["width"],
            "height": logo["height"],
        }
    return data


def breadcrumb_list(crumbs: list[dict], root_url: str) -> dict:
    """Return a schema.org ``BreadcrumbList`` of the visible breadcrumb ``crumbs``
    (``[{"title", "url"}]``, as built by the ``breadcrumb`` template tag).
    """
    items = []
    for position, crumb in enumerate(crumbs, start=1):
        item = {"@type": "ListItem", "position": position, "name": crumb["title"]}
        if crumb.get("url"):
            item["item"] = absolute(root_url, crumb["url"])
        items.append(item)
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }


def news_article(
    *,
    page,
    url: str,
    description: str,
    image: dict | None,
    authors: list[tuple[str, str]],
    publisher: dict,
    keywords: list[str],
) -> dict:
    """Return the schema.org ``NewsArticle`` of an article page.

    ``authors`` are ``(name, absolute url)`` pairs, ``publisher`` comes from
    ``organization``.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title[:110],
        "description": description,
        "datePublished": iso_datetime(page.published_at),
        "dateModified": iso_datetime(max(page.modified_at, page.published_at)),
        "inLanguage": page_language(page),
        "author": [
            {"@type": "Person", "name": name, "url": author_url}
            for name, author_url in authors
        ]
        or [publisher],
        "publisher": publisher,
        "isAccessibleForFree": True,
    }
    if image:
        data["image"] = [image["url"]]
    if page.section_id:
        data["articleSection"] = page.section.title
    if keywords:
        data["keywords"] = keywords
    return data
