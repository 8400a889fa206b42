from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from manchette.core.identity import identity_for_site
from manchette.core.pagecache import add_cache_tags
from manchette.core.sites import site_for_request
from manchette.news import metadata, metadata_live
from manchette.news.models import (
    ArticlePage,
    AuthorPage,
    HomePage,
    LiveBlogPage,
    SectionPage,
    TagIndexPage,
)
from manchette.news.selectors import live_locale_ids, section_feed_path
from manchette.news.selectors.live import live_update_latest
from manchette.news.selectors.translations import page_versions
from manchette.news.templatetags.news_tags import breadcrumb

register = template.Library()

DESCRIPTION_LENGTH = 300


def _feeds(label: str, kind: str = "", slug: str = "") -> list[dict]:
    """Return the RSS and Atom autodiscovery links of a feed: the site's, or the
    ``kind`` ("section", "tag", "author") feed of ``slug``.
    """
    prefix, args = (f"feed_{kind}", [slug]) if kind else ("feed", [])
    return [
        {
            "type": "application/rss+xml",
            "title": f"{label} (RSS)",
            "url": reverse(f"{prefix}_rss", args=args),
        },
        {
            "type": "application/atom+xml",
            "title": f"{label} (Atom)",
            "url": reverse(f"{prefix}_atom", args=args),
        },
    ]


def _translations(page, request) -> list[dict]:
    """Return the ``hreflang`` alternates of ``page`` when it has live translations:
    each version (itself included) with its absolute URL, then ``x-default`` (the
    version in the default language, French); nothing for an untranslated page.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    if len(live_locale_ids()) < 2:
        return []
    others = page_versions(page)
    if not others:
        return []
    versions = sorted([page, *others], key=lambda item: item.locale_id)
    alternates = [
        {"lang": metadata.page_language(item), "url": item.get_full_url(request)}
        for item in versions
    ]
    default = next(
        (item for item in alternates if item["lang"] == settings.LANGUAGE_CODE), None
    )
    if default is not None:
        alternates.append({"lang": "x-default", "url": default["url"]})
    return alternates


@register.simple_tag(takes_context=True)
def html_language(context) -> dict:
    """Return ``{"lang", "dir"}`` for the ``<html>`` element: the language of the
    page shown (else the active one), ``rtl`` for Arabic.
    """
    page = context.get("page")
    code = (
        metadata.page_language(page)
        if getattr(page, "locale_id", None)
        else get_language() or settings.LANGUAGE_CODE
    )
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    return {"lang": code, "dir": "rtl" if bidi else "ltr"}


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Render the ``<head>`` metadata of the current page: description, canonical
    URL, OpenGraph and Twitter tags, JSON-LD and feed autodiscovery links.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return ""
    page = getattr(page, "specific", page)
    site = site_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    identity = context.get("identity") or identity_for_site(site)
    # The publisher's name and logo are the site's.
    add_cache_tags(request, "site")
    return _page_meta(context, request, page, root_url, identity)


def _page_meta(context, request, page, root_url, identity) -> str:
    publisher_name = identity.publisher_name
    logo = metadata.image_info(identity.logo, metadata.LOGO_SPEC, root_url)
    publisher = metadata.organization(
        name=publisher_name, url=root_url + "/", logo=logo
    )
    url = page.get_full_url(request)
    tag = context.get("tag")
    language = metadata.page_language(page)
    data = {
        "url": url,
        "title": page.seo_title or page.title,
        "site_name": publisher_name,
        "og_locale": metadata.OG_LOCALES.get(language, metadata.OG_LOCALE),
        "og_type": "website",
        "image": None,
        "json_ld": [],
        "feeds": _feeds(publisher_name),
        "alternates": _translations(page, request),
    }
    description = page.search_description

    if isinstance(page, ArticlePage):
        description = description or page.summary
        image = metadata.image_info(
            page.featured_image, metadata.SHARE_IMAGE_SPEC, root_url
        )
        authors = [
            (author.title, author.get_full_url(request)) for author in page.author_list
        ]
        keywords = [tag.name for tag in page.tag_list]
        data.update(
            og_type="article",
            image=image,
            article=page,
            authors=authors,
            keywords=keywords,
            published=metadata.iso_datetime(page.published_at),
            modified=metadata.iso_datetime(
                metadata_live.modified_at(page, page.note_list)
            ),
        )
        data["json_ld"] = [
            metadata.news_article(
                page=page,
                url=url,
                description=description,
                image=image,
                authors=authors,
                publisher=publisher,
                keywords=keywords,
            )
        ]
        data["json_ld"][0] = metadata_live.with_notes(
            data["json_ld"][0], page=page, notes=page.note_list
        )
        if isinstance(page, LiveBlogPage):
            data["json_ld"][0] = metadata_live.live_blog_posting(
                data["json_ld"][0],
                page=page,
                notes=page.note_list,
                updates=live_update_latest(page.pk, limit=50),
                url=url,
            )
        if page.section_id:
            data["feeds"] += _feeds(
                page.section.title, "section", section_feed_path(page.section)
            )
    elif isinstance(page, HomePage):
        # The identity's tagline is written in the site's own language.
        tagline = identity.tagline if get_language() == settings.LANGUAGE_CODE else ""
        description = description or page.intro or tagline
        data["title"] = publisher_name
        data["json_ld"] = [
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": publisher_name,
                "url": root_url + "/",
                "inLanguage": language,
                "publisher": publisher,
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": root_url
                        + reverse("search")
                        + "?q={search_term_string}",
                    },
                    "query-input": "required name=search_term_string",
                },
            },
            {"@context": "https://schema.org", **publisher},
        ]
    elif isinstance(page, SectionPage):
        description = description or page.description
        data["feeds"] += _feeds(page.title, "section", section_feed_path(page))
        data["json_ld"] = [
            {
                "@context": "https://schema.org",
                "@type": "CollectionPage",
                "name": page.title,
                "url": url,
                "inLanguage": language,
                "isPartOf": {
                    "@type": "WebSite",
                    "name": publisher_name,
                    "url": root_url + "/",
                },
            }
        ]
    elif isinstance(page, AuthorPage):
        description = description or page.bio or page.role
        data["og_type"] = "profile"
        data["feeds"] += _feeds(page.title, "author", page.slug)
        person = {"@type": "Person", "name": page.title, "url": url}
        if page.role:
            person["jobTitle"] = page.role
        data["json_ld"] = [
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "url": url,
                "mainEntity": person,
            }
        ]
    elif isinstance(page, TagIndexPage) and tag is not None:
        data["url"] = url = metadata.absolute(
            root_url, page.url + page.reverse_subpage("tag_detail", args=[tag.slug])
        )
        data["title"] = tag.name
        description = description or _("Les articles sur le sujet %(name)s") % {
            "name": tag.name
        }
        data["feeds"] += _feeds(tag.name, "tag", tag.slug)

    if not isinstance(page, HomePage):
        crumbs = breadcrumb(context, page, tag=tag)
        data["json_ld"].append(metadata.breadcrumb_list(crumbs, root_url))
    for feed in data["feeds"]:
        feed["url"] = root_url + feed["url"]
    data["description"] = " ".join((description or "").split())[:DESCRIPTION_LENGTH]
    data["json_ld"] = [metadata.json_ld(item) for item in data["json_ld"]]
    template_name = (
        "includes/meta_article.html"
        if data["og_type"] == "article"
        else "includes/meta_page.html"
    )
    return render_to_string(template_name, data)
