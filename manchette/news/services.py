"""Writes to the page tree: site set-up, sections, authors and articles."""

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from manchette.core.text import ascii_slug, slug_for, unique_slug

from .models import (
    ArticlePage,
    ArticlePageAuthor,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
    TagIndexPage,
)


def _unique_child_slug(
    parent: Page, base: str, *, exclude_pk: int | None = None
) -> str:
    """Return ``base``, or ``base-2``, ``base-3``… so that no sibling has it."""
    base = base or "article"
    taken = set(
        parent.get_children()
        .exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    return unique_slug(base, taken)


@transaction.atomic
def site_ensure(*, site_name: str | None = None) -> HomePage:
    """Return the home page, creating it (and pointing the default site at it) if needed.

    Wagtail's own "Welcome" page is replaced. The author and tag indexes are created
    under the home page too.
    """
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    base = urlsplit(settings.MANCHETTE_BASE_URL)
    if site is None:
        site = Site(is_default_site=True)
    wanted = {
        "root_page_id": home.pk,
        "hostname": base.hostname or "localhost",
        "port": base.port or (443 if base.scheme == "https" else 80),
        "site_name": site_name or settings.WAGTAIL_SITE_NAME,
    }
    # Saving an unchanged site would invalidate every cached page.
    if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    # Remove Wagtail's placeholder page from a fresh install.
    for page in root.get_children().exclude(pk=home.pk):
        if page.specific_class is Page and page.slug == "home":
            page.delete()
    if not AuthorIndexPage.objects.exists():
        home.add_child(
            instance=AuthorIndexPage(title="Auteurs", slug="auteurs")
        ).save_revision().publish()
    if not TagIndexPage.objects.exists():
        home.add_child(
            instance=TagIndexPage(title="Sujets", slug="sujets")
        ).save_revision().publish()
    return home


def translation_ensure(
    page: Page, locale: Locale, *, exclude_fields: list | None = None, **fields
) -> Page:
    """Return the translation of ``page`` into ``locale``; when missing, make it
    the Wagtail way (``copy_for_translation``, leaving ``exclude_fields`` out),
    set ``fields`` and publish it.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.specific.copy_for_translation(locale, exclude_fields=exclude_fields)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@transaction.atomic
def edition_ensure(
    language_code: str,
    *,
    home_fields: dict | None = None,
    index_fields: dict | None = None,
) -> HomePage:
    """Return the home page of the edition of ``language_code``, creating what it
    lacks as published translations of the default edition's pages: its home
    page (without the default edition's "À la une" picks) and its tag and
    author indexes, titled in the edition's language (slugs from the titles).

    ``home_fields`` sets fields of a new home page (``{"intro": …}``);
    ``index_fields`` maps an index model to the fields of its new translation
    (``{TagIndexPage: {"slug": …, "title": …}}``). What exists is kept. The
    default language gets ``site_ensure()``'s home page. The new home page's
    permissions and workflow are copied from its source when it is saved
    (``manchette.news.editions``).
    """
    source = site_ensure()
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    if source.locale_id == locale.pk:
        return source
    with translation.override(language_code):
        titles = {
            HomePage: gettext("Accueil"),
            TagIndexPage: gettext("Sujets"),
            AuthorIndexPage: gettext("Auteurs"),
        }
    home = translation_ensure(
        source,
        locale,
        exclude_fields=["front_picks"],
        **{"title": titles[HomePage], "intro": "", **(home_fields or {})},
    )
    for model in (TagIndexPage, AuthorIndexPage):
        index = model.objects.child_of(source).first()
        if index is None or model.objects.filter(locale=locale).exists():
            continue
        fields = {
            "title": titles[model],
            "slug": slug_for(titles[model], max_length=60) or index.slug,
            **(index_fields or {}).get(model, {}),
        }
        translation_ensure(index, locale, **fields)
    return home


def section_ensure(
    *, home: HomePage, slug: str, title: str, description: str = ""
) -> SectionPage:
    """Return the section with ``slug`` under ``home`` (an edition's home page),
    creating and publishing it if missing.
    """
    section = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if section is None:
        section = home.add_child(
            instance=SectionPage(title=title, slug=slug, description=description)
        )
        section.save_revision().publish()
    return section


def author_ensure(
    *,
    name: str,
    slug: str | None = None,
    role: str = "",
    bio: str = "",
    locale: Locale | None = None,
) -> AuthorPage:
    """Return the author page for ``slug`` (derived from ``name``) in the edition
    of ``locale`` (default: the site's language), creating it if missing.
    """
    slug = slug or ascii_slug(name, max_length=60) or "auteur"
    locale = locale or Locale.get_default()
    author = AuthorPage.objects.filter(slug=slug, locale=locale).first()
    if author is None:
        site_ensure()
        index = AuthorIndexPage.objects.get(locale=locale)
        author = index.add_child(
            instance=AuthorPage(title=name, slug=slug, role=role, bio=bio)
        )
        author.save_revision().publish()
    return author


@dataclass
class ArticleData:
    """What an article is made of, whatever its source (demo, wire, import)."""

    title: str
    summary: str
    body: list[dict]
    tags: list[str]
    authors: list[AuthorPage]
    first_published_at: datetime | None = None
    updated_at: datetime | None = None
    featured: bool = False
    slug: str = ""
    source_uri: str = ""
    search_description: str = ""


@transaction.atomic
def article_save(
    *,
    section: SectionPage,
    data: ArticleData,
    article: ArticlePage | None = None,
    publish: bool = True,
    user=None,
) -> tuple[ArticlePage, bool]:
    """Create (or update ``article``) under ``section`` and publish it; return it and
    whether it was created. A new article keeps ``first_published_at`` if given.
    """
    created = article is None
    if created:
        article = ArticlePage(title=data.title)
        article.slug = _unique_child_slug(
            section, data.slug or slug_for(data.title, max_length=70)
        )
    article.title = data.title
    article.summary = data.summary
    article.body = json.dumps(data.body)
    article.featured = data.featured
    article.source_uri = data.source_uri
    article.updated_at = data.updated_at
    article.search_description = data.search_description
    if data.first_published_at is not None:
        article.first_published_at = data.first_published_at
    if created:
        article.live = False
        section.add_child(instance=article)
    article.tags.set(data.tags, clear=True)
    article.article_authors.set(
        [
            ArticlePageAuthor(author=author, sort_order=index)
            for index, author in enumerate(data.authors)
        ]
    )
    revision = article.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        # Publishing stamps "now"; a dated source (wire, archive, demo) keeps its
        # own dates so the page does not claim an update that never happened.
        stamp = data.updated_at or (data.first_published_at if created else None)
        if stamp is not None:
            ArticlePage.objects.filter(pk=article.pk).update(last_published_at=stamp)
        article.refresh_from_db()
    return article, created


def article_for_url(url: str) -> ArticlePage | None:
    """Return the live article a URL of this site points at, or None."""
    parts = urlsplit(url or "")
    base = urlsplit(settings.MANCHETTE_BASE_URL)
    site_hosts = {base.hostname, *Site.objects.values_list("hostname", flat=True)}
    if parts.scheme not in {"", "http", "https"} or (
        parts.hostname and parts.hostname not in site_hosts
    ):
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    for site in Site.objects.select_related("root_page"):
        found = (
            ArticlePage.objects.live()
            .filter(url_path=site.root_page.url_path.rstrip("/") + path)
            .first()
        )
        if found:
            return found
    return None
