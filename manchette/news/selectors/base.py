"""What every news selector shares: public live articles, locales, card columns.

Every selector costs a fixed number of queries whatever the number of
articles: listings select the section and featured image with the article,
and prefetch card renditions in one query.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from manchette.core.pagecache.fragments import fragment
from manchette.core.privacy import any_view_restriction

from ..metadata import locale_codes
from ..models import ArticlePage, ArticlePageTag

CARD_RENDITIONS = ("fill-640x360|format-webp",)


def public(queryset: QuerySet) -> QuerySet:
    """Return ``queryset`` without private pages (under a view restriction); a site
    with no private page at all (the usual case, cached) needs no per-row check.
    """
    return queryset.exclude(_restricted()) if any_view_restriction() else queryset


def _restricted():
    """Return a condition true for pages under a view restriction (private pages)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def locale_id_for(language: str | None = None) -> int | None:
    """Return the id of the Wagtail locale of ``language`` (the site's default
    language, French, when None), or None when no such locale exists.
    """
    code = language or settings.LANGUAGE_CODE
    for pk, value in locale_codes().items():
        if value == code:
            return pk
    return None


def live_locale_ids() -> set[int]:
    """Return the ids of the locales having live pages, from the fragment cache
    (``news/cache.py`` invalidates ``site`` when a language gets its first live
    page or loses its last): a site in one language looks for no translation
    (``hreflang``) at all.
    """
    return fragment(
        "news:live-locales",
        ["site"],
        lambda: {
            pk
            for pk in locale_codes()
            if Page.objects.filter(locale_id=pk, live=True, depth__gt=1).exists()
        },
    )


def in_locale(queryset: QuerySet, locale_id: int | None) -> QuerySet:
    """Return the pages of ``queryset`` in locale ``locale_id`` (default: French):
    listings never mix the languages of the site.
    """
    live = live_locale_ids()
    if len(live) <= 1 and (locale_id is None or locale_id in live):
        # A site in one language (the usual case): nothing to tell apart, and
        # no condition on the page table for the listing to pay for.
        return queryset
    if locale_id is None:
        locale_id = locale_id_for()
        if locale_id is None:
            return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
    return queryset.filter(locale_id=locale_id)


def live_articles() -> QuerySet:
    """Return the public live articles as a query on the article table alone when
    the site has no private page: "not among the few pages that are not live"
    (a short list, from a partial index) instead of a join to every page row.
    Meant for counts and id subqueries, which then read only this table's indexes.
    """
    if any_view_restriction():
        return public(ArticlePage.objects.live())
    # NOT IN (a short list), not NOT EXISTS: SQLite then builds the list once
    # instead of probing the page table for every article.
    return ArticlePage.objects.exclude(pk__in=not_live())


def not_live() -> QuerySet:
    """Return the ids of the pages that are not live: few, read from the partial
    index ``news_page_not_live``.
    """
    return Page.objects.filter(live=False).values("pk")


# The columns a card (includes/card.html) reads; page listings load only these
# instead of every column of the article, its page row and its section's.
# ``body`` stays deferred: "En bref" is required to publish, so the excerpt's
# fallback to the body almost never runs (it then costs one query, as before).
CARD_FIELDS = (
    "title",
    "url_path",
    "summary",
    "published_at",
    "comment_count",
    "section__title",
    "section__url_path",
    "featured_image",
)


def card_fields(queryset: QuerySet) -> QuerySet:
    return queryset.only(*CARD_FIELDS)


def article_cards(*, tags: bool = False, private_pages: bool = True) -> QuerySet:
    """Return public, live articles with what a card shows, newest first; with
    ``tags``, their tags too (``tagged_items``, one more query), which a card
    does not show but related articles, feeds and the API do.

    ``private_pages=False`` is for callers that checked the site has none.
    """
    rendition_model = get_image_model().get_rendition_model()
    live = ArticlePage.objects.live()
    queryset = (
        (public(live) if private_pages else live)
        .select_related("section", "featured_image")
        .defer("body")
        .prefetch_related(
            Prefetch(
                "featured_image__renditions",
                queryset=rendition_model.objects.filter(
                    filter_spec__in=CARD_RENDITIONS
                ),
            ),
        )
        .order_by("-published_at", "-pk")
    )
    if tags:
        queryset = queryset.prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=ArticlePageTag.objects.select_related("tag").order_by("pk"),
            )
        )
    return queryset
