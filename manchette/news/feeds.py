"""RSS 2.0 and Atom feeds of the latest articles: whole site, section, tag, author.

Every link is absolute (built from the Wagtail site's root URL), every entry has
a stable id that survives a change of slug (a ``tag:`` URI on the page id), and
the featured image travels as an enclosure.
"""

import mimetypes
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Site

from manchette.core.models import SiteIdentity
from manchette.core.pagecache import add_cache_tags
from manchette.core.xmlsafe import XmlSafeAtomFeed, XmlSafeRssFeed

from .editions import edition_locale_id
from .models import ArticlePage, TagIndexPage
from .selectors import (
    article_list_filtered,
    author_get_public,
    section_get_public,
)
from .tags import LATEST, article_tag, author_tag, section_tag, tag_tag

FEED_SIZE = 30


@dataclass
class FeedSubject:
    """What one feed request is about, with the absolute URLs it needs."""

    title: str
    description: str
    link: str
    feed_url: str
    root_url: str
    publisher: str
    articles: list
    # The cache tags of the list: what publishing an article in it invalidates.
    tags: list[str] = field(default_factory=lambda: [LATEST])


def site_root_url(request) -> str:
    """Return the root URL (scheme, host, port) of the Wagtail site serving ``request``."""
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def publisher_name(request) -> str:
    """Return the publication's name from the site settings."""
    return SiteIdentity.for_request(request).publisher_name


class ArticleFeed(Feed):
    """The latest articles of an edition, as RSS 2.0; its ``<language>`` is the
    edition's (Django's ``Feed`` gives the active language).
    """

    feed_type = XmlSafeRssFeed

    def get_object(self, request, *args, **kwargs):
        root = site_root_url(request)
        publisher = publisher_name(request)
        locale_id = edition_locale_id()
        subject = self.subject(
            request, root=root, publisher=publisher, locale_id=locale_id, **kwargs
        )
        subject.feed_url = root + request.path
        articles = list(subject.articles[:FEED_SIZE])
        # The publisher's name is the site's; each entry shows its article.
        add_cache_tags(
            request,
            "site",
            subject.tags,
            [article_tag(article.pk) for article in articles],
        )
        for article in articles:
            article.feed_link = article.get_full_url(request)
            article.feed_root = root
            article.feed_publisher = publisher
        subject.articles = articles
        return subject

    def subject(self, request, *, root, publisher, locale_id, **kwargs) -> FeedSubject:
        return FeedSubject(
            title=publisher,
            description=_("Les derniers articles de %(name)s") % {"name": publisher},
            link=root + request.path.split("flux/", 1)[0],
            feed_url="",
            root_url=root,
            publisher=publisher,
            articles=article_list_filtered(locale_id=locale_id),
        )

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def feed_url(self, obj):
        return obj.feed_url

    def feed_guid(self, obj):
        return obj.feed_url

    def author_name(self, obj):
        return obj.publisher

    def items(self, obj):
        return obj.articles

    def item_title(self, item: ArticlePage):
        return item.title

    def item_description(self, item: ArticlePage):
        # Both formats carry the description as HTML: the plain "En bref" is
        # escaped so that a "<" in it stays text.
        return escape(item.summary or item.excerpt)

    def item_link(self, item: ArticlePage):
        return item.feed_link

    def item_guid(self, item: ArticlePage):
        host = urlsplit(item.feed_root).hostname or "localhost"
        return f"tag:{host},2025:article:{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item: ArticlePage):
        return item.published_at.replace(microsecond=0)

    def item_updateddate(self, item: ArticlePage):
        return max(item.modified_at, item.published_at).replace(microsecond=0)

    def item_author_name(self, item: ArticlePage):
        names = [author.title for author in item.author_list]
        return ", ".join(names) if names else item.feed_publisher

    def item_categories(self, item: ArticlePage):
        categories = [item.section.title] if item.section_id else []
        return categories + [
            entry.tag.name
            for entry in item.tagged_items.all()
            if entry.tag.name not in categories
        ]

    def item_enclosures(self, item: ArticlePage):
        image = item.featured_image
        if image is None:
            return []
        try:
            size = image.file_size or image.get_file_size() or 0
        except OSError:
            return []
        url = image.file.url
        if not url.startswith(("http://", "https://")):
            url = item.feed_root + url
        mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
        return [Enclosure(url, str(size), mime_type)]


class SectionFeed(ArticleFeed):
    """The latest articles of one section and its subsections
    (``/flux/rubrique/<slug>/rss/``, ``/flux/rubrique/<parent>/<slug>/rss/``).
    """

    def subject(self, request, *, root, publisher, locale_id, slug) -> FeedSubject:
        section = section_get_public(slug, locale_id=locale_id)
        if section is None:
            raise Http404(_("Cette rubrique n’existe pas."))
        return FeedSubject(
            title=f"{section.title} — {publisher}",
            description=section.description
            or _("Les derniers articles de la rubrique %(name)s")
            % {"name": section.title},
            link=section.get_full_url(request),
            feed_url="",
            root_url=root,
            publisher=publisher,
            articles=article_list_filtered(section=section, locale_id=locale_id),
            tags=[section_tag(section.pk)],
        )


class TagFeed(ArticleFeed):
    """The latest articles carrying one tag (``/flux/sujet/<slug>/rss/``)."""

    def subject(self, request, *, root, publisher, locale_id, slug) -> FeedSubject:
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404(_("Ce sujet n’existe pas."))
        index = TagIndexPage.objects.live().filter(locale_id=locale_id).first()
        link = (
            index.get_full_url(request) + index.reverse_subpage("tag_detail", [slug])
            if index
            else root + "/"
        )
        return FeedSubject(
            title=f"{tag.name} — {publisher}",
            description=_("Les derniers articles sur le sujet %(name)s")
            % {"name": tag.name},
            link=link,
            feed_url="",
            root_url=root,
            publisher=publisher,
            articles=article_list_filtered(tag=tag, locale_id=locale_id),
            tags=[tag_tag(tag.pk)],
        )


class AuthorFeed(ArticleFeed):
    """The latest articles signed by one author (``/flux/auteur/<slug>/rss/``)."""

    def subject(self, request, *, root, publisher, locale_id, slug) -> FeedSubject:
        author = author_get_public(slug)
        if author is None:
            raise Http404(_("Cet auteur n’existe pas."))
        return FeedSubject(
            title=f"{author.title} — {publisher}",
            description=_("Les derniers articles de %(name)s") % {"name": author.title},
            link=author.get_full_url(request),
            feed_url="",
            root_url=root,
            publisher=publisher,
            articles=article_list_filtered(author=author, locale_id=locale_id),
            tags=[author_tag(author.pk)],
        )


class AtomMixin:
    feed_type = XmlSafeAtomFeed


class ArticleAtomFeed(AtomMixin, ArticleFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass
