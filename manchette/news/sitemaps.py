"""Sitemaps: an index, the pages, the articles, sections, authors and tags in
chunks, a Google News sitemap.

A million articles make twenty article sitemaps of at most 50,000 URLs. Each is
written straight from ``values_list`` rows (no page objects, no template), so a
full chunk takes well under a second; its URL depends on page ids only
(``/sitemap-articles-3.xml`` holds ids 150,000 to 199,999) and never shifts as
articles are added. Sections, authors and tags are chunked the same way, by
page (or tag) id, with the date of their newest article as ``lastmod``.
"""

from datetime import UTC, timedelta
from xml.sax.saxutils import escape

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from manchette.core.models import SiteIdentity
from manchette.core.pagecache import add_cache_tags
from manchette.core.sites import site_for_request
from manchette.core.text import xml_safe

from .metadata import locale_codes
from .models import ArticlePage, SectionPage
from .selectors import (
    live_locale_ids,
    news_sitemap_rows,
    sitemap_article_chunks,
    sitemap_article_rows,
    sitemap_listing_rows,
    sitemap_page_rows,
    tag_index_get,
)
from .selectors.translations import translation_alternates
from .tags import LATEST

CHUNK_SIZE = 50_000
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
NEWS_LANGUAGE = "fr"
LISTINGS = ("sections", "authors", "tags")

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XML_TYPE = "application/xml; charset=utf-8"


def _site(request):
    """Return the Wagtail site serving ``request`` (the default one as a fallback).

    Every sitemap lists articles or pages whose set and dates change when an
    article does (``listing:latest``) or when a page is added, withdrawn,
    renamed or moved (``site``): the response carries both tags.
    """
    add_cache_tags(request, LATEST, "site")
    return site_for_request(request)


def _url_maker(site):
    """Return a function turning a page's ``url_path`` into its absolute URL on
    ``site`` (translations under their language prefix, such as ``/ar/``); pages
    outside the site give None.
    """
    roots = [(site.root_page.url_path, site.root_url)]
    for root in Site.get_site_root_paths():
        if root.site_id != site.pk or root.root_path == roots[0][0]:
            continue
        with translation.override(root.language_code):
            prefix = reverse("wagtail_serve", args=("",))
        roots.append((root.root_path, site.root_url + prefix.rstrip("/")))

    def absolute(url_path: str) -> str | None:
        for root_path, base in roots:
            if url_path.startswith(root_path):
                # Arabic slugs are percent-encoded, as sitemaps require.
                return escape(iri_to_uri(base + url_path[len(root_path) - 1 :]))
        return None

    return absolute


def w3c_datetime(value) -> str:
    """Return ``value`` as a W3C datetime in UTC, with seconds and the ``+00:00``
    offset (converting 50,000 values to local time would cost a tenth of a second).
    """
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _response(parts: list[str]) -> HttpResponse:
    return HttpResponse(xml_safe("".join(parts)), content_type=XML_TYPE)


def _urlset(rows, absolute, alternates: dict | None = None) -> list[str]:
    """Return the parts of a ``<urlset>`` of ``rows`` (``url_path, lastmod``);
    a page with translations (``alternates``, from ``translation_alternates``)
    names every version with ``<xhtml:link rel="alternate" hreflang>``.
    """
    alternates = alternates or {}
    xhtml = f' xmlns:xhtml="{XHTML_NS}"' if alternates else ""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<urlset xmlns="{SITEMAP_NS}"{xhtml}>\n',
    ]
    append = parts.append
    codes = locale_codes() if alternates else {}
    for url_path, lastmod in rows:
        loc = absolute(url_path)
        if loc is None:
            continue
        stamp = f"<lastmod>{w3c_datetime(lastmod)}</lastmod>" if lastmod else ""
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{codes.get(locale_id, "")}" '
            f'href="{href}"/>'
            for locale_id, path in alternates.get(url_path, ())
            if (href := absolute(path)) is not None
        )
        append(f"<url><loc>{loc}</loc>{stamp}{links}</url>\n")
    append("</urlset>\n")
    return parts


def _alternates(pages) -> dict:
    """Return the translations of ``pages`` (a page queryset) for ``_urlset``:
    none, and no query, on a site in one language.
    """
    if len(live_locale_ids()) < 2:
        return {}
    return translation_alternates(pages)


@require_safe
@cache_control(max_age=900, public=True)
def index(request):
    """Serve ``/sitemap.xml``: the sitemap index naming every other sitemap."""
    site = _site(request)
    if site is None:
        raise Http404
    root = site.root_url
    entries = [(f"{root}/sitemap-pages.xml", None)]
    # An empty news sitemap is not valid against the schema: list it only when
    # the last 48 hours have articles.
    if news_sitemap_rows(since=timezone.now() - NEWS_WINDOW, limit=1).exists():
        entries.append((f"{root}/sitemap-news.xml", None))
    entries += [
        (f"{root}/sitemap-articles-{chunk}.xml", lastmod)
        for chunk, lastmod in sitemap_article_chunks(size=CHUNK_SIZE)
    ]
    for kind in LISTINGS:
        entries += [
            (f"{root}/sitemap-{kind}-{chunk}.xml", lastmod)
            for chunk, lastmod in _listing_chunks(site, kind)
        ]
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<sitemapindex xmlns="{SITEMAP_NS}">\n',
    ]
    for loc, lastmod in entries:
        stamp = f"<lastmod>{w3c_datetime(lastmod)}</lastmod>" if lastmod else ""
        parts.append(f"<sitemap><loc>{escape(loc)}</loc>{stamp}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return _response(parts)


@require_safe
@cache_control(max_age=900, public=True)
def pages(request):
    """Serve ``/sitemap-pages.xml``: home, indexes and content pages."""
    site = _site(request)
    if site is None:
        raise Http404
    rows = list(sitemap_page_rows())
    listed = Page.objects.filter(url_path__in=[url_path for url_path, _ in rows])
    return _response(_urlset(rows, _url_maker(site), _alternates(listed)))


@require_safe
@cache_control(max_age=900, public=True)
def articles(request, chunk: int):
    """Serve ``/sitemap-articles-<chunk>.xml``: at most ``CHUNK_SIZE`` articles."""
    site = _site(request)
    rows = list(sitemap_article_rows(chunk=chunk, size=CHUNK_SIZE))
    if site is None or not rows:
        raise Http404
    in_chunk = ArticlePage.objects.live().filter(
        pk__gte=chunk * CHUNK_SIZE, pk__lt=(chunk + 1) * CHUNK_SIZE
    )
    return _response(_urlset(rows, _url_maker(site), _alternates(in_chunk)))


def _listing_rows(site, kind: str) -> list[tuple[int, str, object]]:
    """Return ``(id, url_path, lastmod)`` of the listing pages of ``kind`` on
    ``site``; tag pages get the ``url_path`` they would have under the tag index.
    """
    # One grouped pass over the articles per kind (0.1 to 0.5 s at 100,000
    # articles); the shared HTTP cache keeps the sitemaps until an article
    # changes (``listing:latest``).
    rows = sitemap_listing_rows(kind)
    if kind != "tags":
        return rows
    index = tag_index_get(site=site)
    if index is None:
        return []
    return [(pk, f"{index.url_path}{slug}/", lastmod) for pk, slug, lastmod in rows]


def _listing_chunks(site, kind: str) -> list[tuple[int, object]]:
    """Return ``(chunk, lastmod)`` of each non-empty chunk of listing pages of ``kind``."""
    chunks: dict[int, object] = {}
    for pk, _, lastmod in _listing_rows(site, kind):
        chunk = pk // CHUNK_SIZE
        if chunk not in chunks or (
            lastmod is not None and (chunks[chunk] is None or lastmod > chunks[chunk])
        ):
            chunks[chunk] = lastmod
    return sorted(chunks.items())


@require_safe
@cache_control(max_age=900, public=True)
def listings(request, kind: str, chunk: int):
    """Serve ``/sitemap-<kind>-<chunk>.xml``: section, author or tag pages, at most
    ``CHUNK_SIZE``, each with the date of its newest article.
    """
    site = _site(request)
    if site is None or kind not in LISTINGS:
        raise Http404
    rows = [
        (url_path, lastmod)
        for pk, url_path, lastmod in _listing_rows(site, kind)
        if pk // CHUNK_SIZE == int(chunk)
    ]
    if not rows:
        raise Http404
    alternates = {}
    if kind == "sections":
        start, end = int(chunk) * CHUNK_SIZE, (int(chunk) + 1) * CHUNK_SIZE
        alternates = _alternates(
            SectionPage.objects.live().filter(pk__gte=start, pk__lt=end)
        )
    return _response(_urlset(rows, _url_maker(site), alternates))


@require_safe
@cache_control(max_age=300, public=True)
def news(request):
    """Serve ``/sitemap-news.xml``: the Google News sitemap of the last 48 hours
    (at most 1,000 articles), newest first.
    """
    site = _site(request)
    if site is None:
        raise Http404
    absolute = _url_maker(site)
    name = escape(SiteIdentity.for_site(site).publisher_name)
    rows = news_sitemap_rows(since=timezone.now() - NEWS_WINDOW, limit=NEWS_LIMIT)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n',
    ]
    codes = locale_codes()
    for url_path, title, published, locale_id in rows:
        language = codes.get(locale_id) or NEWS_LANGUAGE
        loc = absolute(url_path)
        if loc is None:
            continue
        parts.append(
            f"<url><loc>{loc}</loc><news:news><news:publication>"
            f"<news:name>{name}</news:name>"
            f"<news:language>{language}</news:language></news:publication>"
            f"<news:publication_date>{w3c_datetime(published)}</news:publication_date>"
            f"<news:title>{escape(title)}</news:title></news:news></url>\n"
        )
    parts.append("</urlset>\n")
    return _response(parts)


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Serve ``/robots.txt``: keep crawlers out of the admin and search, name the sitemaps."""
    site = site_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        "",
        f"Sitemap: {root}/sitemap.xml",
        f"Sitemap: {root}/sitemap-news.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
