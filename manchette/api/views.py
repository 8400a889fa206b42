"""The read API's endpoints: articles, sections, tags and authors, all read-only."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from manchette.core.pagecache import add_cache_tags, page_tag
from manchette.news import selectors

from . import serializers as s

router = Router()

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
ERRORS = {400: s.ErrorOut, 404: s.ErrorOut}
# Slugs are ASCII (the site's rule); anything else is a 400, never a query.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
# Lists are in one language at a time (French unless asked), never mixed.
LANGUAGE_PATTERN = "^(" + "|".join(code for code, _ in settings.LANGUAGES) + ")$"


class PageParams(Schema):
    page: int = Field(
        1, ge=1, le=MAX_PAGE, description="Numéro de page, à partir de 1."
    )
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description="Éléments par page (100 au plus)."
    )


class LanguageParams(Schema):
    language: str = Field(
        "fr",
        pattern=LANGUAGE_PATTERN,
        description="Langue des contenus (fr, ar ou en) ; fr par défaut.",
    )


class ArticleFilters(PageParams, LanguageParams):
    section: str | None = Field(
        None, max_length=255, pattern=SLUG_PATTERN, description="Slug de rubrique."
    )
    tag: str | None = Field(
        None, max_length=255, pattern=SLUG_PATTERN, description="Slug de sujet."
    )
    author: str | None = Field(
        None, max_length=255, pattern=SLUG_PATTERN, description="Slug d’auteur."
    )
    since: date | None = Field(
        None, description="Publiés ce jour ou après (AAAA-MM-JJ)."
    )
    until: date | None = Field(
        None, description="Publiés ce jour ou avant (AAAA-MM-JJ)."
    )


class SectionListParams(PageParams, LanguageParams):
    pass


def _page(request, items, params: PageParams, serialize) -> dict:
    """Return one page of ``items`` in the list envelope; a page past the last is 404."""
    paginator = Paginator(items, params.page_size)
    if params.page > max(1, paginator.num_pages):
        raise HttpError(404, _("Cette page n’existe pas."))
    page = paginator.page(params.page)

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "num_pages": paginator.num_pages,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(item) for item in page.object_list],
    }


def _tagged(request, kind: str, item, serialize):
    """Return ``serialize(request, item)``, the response then showing ``item``."""
    add_cache_tags(request, page_tag(kind, item.pk))
    return serialize(request, item)


def _locale_id(language: str) -> int:
    """Return the id of the locale of ``language``; 400 when the site has none."""
    locale_id = selectors.locale_id_for(language)
    if locale_id is None:
        raise HttpError(400, _("Cette langue n’est pas publiée sur le site."))
    return locale_id


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@router.get(
    "/articles",
    response={200: s.ArticleListOut, **ERRORS},
    summary="Articles publiés, les plus récents d’abord",
)
def article_list(request, filters: Query[ArticleFilters]):
    section = tag = author = None
    locale_id = _locale_id(filters.language)
    if filters.section is not None:
        section = selectors.section_get_public(filters.section, locale_id=locale_id)
        if section is None:
            raise HttpError(404, _("Cette rubrique n’existe pas."))
    if filters.tag is not None:
        tag = selectors.tag_get_used(filters.tag)
        if tag is None:
            raise HttpError(404, _("Ce sujet n’existe pas."))
    if filters.author is not None:
        author = selectors.author_get_public(filters.author)
        if author is None:
            raise HttpError(404, _("Cet auteur n’existe pas."))
    if filters.since and filters.until and filters.since > filters.until:
        raise HttpError(400, _("« since » doit précéder « until »."))
    for value in (filters.since, filters.until):
        if value and not (1900 <= value.year <= 9998):
            raise HttpError(400, _("Les dates vont de 1900 à 9998."))
    articles = selectors.article_list_filtered(
        section=section,
        tag=tag,
        author=author,
        since=_start_of(filters.since) if filters.since else None,
        until=_start_of(filters.until + timedelta(days=1)) if filters.until else None,
        locale_id=locale_id,
    )
    # Any article published or withdrawn may enter the list; each shown is tagged.
    add_cache_tags(request, "listing:latest")
    return _page(
        request,
        articles,
        filters,
        lambda item: _tagged(request, "article", item, s.article_summary),
    )


@router.get(
    "/articles/{article_id}",
    response={200: s.ArticleOut, **ERRORS},
    summary="Un article publié, avec son corps",
)
def article_detail(request, article_id: int):
    if not (1 <= article_id <= 2**31 - 1):
        raise HttpError(404, _("Cet article n’existe pas."))
    article = selectors.article_get_public(article_id)
    if article is None:
        raise HttpError(404, _("Cet article n’existe pas."))
    return _tagged(request, "article", article, s.article_data)


@router.get(
    "/sections",
    response={200: s.SectionListOut, **ERRORS},
    summary="Rubriques, dans l’ordre du site",
)
def section_list(request, params: Query[SectionListParams]):
    # Sections are named in the navigation: a change of one invalidates ``site``.
    add_cache_tags(request, "site")
    return _page(
        request,
        selectors.section_list(locale_id=_locale_id(params.language)),
        params,
        lambda item: s.section_data(request, item),
    )


@router.get(
    "/sections/{slug}",
    response={200: s.SectionOut, **ERRORS},
    summary="Une rubrique",
)
def section_detail(
    request,
    params: Query[LanguageParams],
    slug: str = Path(..., pattern=SLUG_PATTERN, max_length=255),
):
    section = selectors.section_get_public(slug, locale_id=_locale_id(params.language))
    if section is None:
        raise HttpError(404, _("Cette rubrique n’existe pas."))
    add_cache_tags(request, "site")
    return _tagged(request, "section", section, s.section_data)


def _tag_index_url(request) -> str:
    index = selectors.tag_index_get()
    return index.get_url(request) if index else ""


@router.get(
    "/tags",
    response={200: s.TagListOut, **ERRORS},
    summary="Sujets portés par au moins un article publié",
)
def tag_list(request, params: Query[PageParams]):
    # The tags' counts move with every article published or withdrawn.
    add_cache_tags(request, "listing:latest", "site")
    base = _tag_index_url(request)
    return _page(
        request,
        selectors.tag_list_used(),
        params,
        lambda item: s.tag_data(request, item, tag_index_url=base),
    )


@router.get("/tags/{slug}", response={200: s.TagOut, **ERRORS}, summary="Un sujet")
def tag_detail(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=255)):
    tag = selectors.tag_get_used(slug)
    if tag is None:
        raise HttpError(404, _("Ce sujet n’existe pas."))
    add_cache_tags(request, "listing:latest", "site")
    return s.tag_data(request, tag, tag_index_url=_tag_index_url(request))


@router.get(
    "/authors",
    response={200: s.AuthorListOut, **ERRORS},
    summary="Auteurs, par nom",
)
def author_list(request, params: Query[PageParams]):
    # A new or renamed author invalidates ``site`` (bylines name them).
    add_cache_tags(request, "site")
    return _page(
        request,
        selectors.author_list(),
        params,
        lambda item: _tagged(request, "author", item, s.author_data),
    )


@router.get(
    "/authors/{slug}", response={200: s.AuthorOut, **ERRORS}, summary="Un auteur"
)
def author_detail(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=255)):
    author = selectors.author_get_public(slug)
    if author is None:
        raise HttpError(404, _("Cet auteur n’existe pas."))
    return _tagged(request, "author", author, s.author_data)
