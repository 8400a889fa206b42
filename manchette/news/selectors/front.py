"""Reads of the reader's front: the home page blocks, listing cards, author boxes.

Every function here costs a fixed number of queries however large the archive:
cards come with their image renditions prefetched (``FRONT_RENDITIONS``), so a
``{% srcset_image %}`` of one of those specs reads no row.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

from manchette.news.models import (
    ArticlePage,
    AuthorPage,
    ContentPage,
    HomePage,
    HomePagePick,
)

from .base import article_cards, in_locale
from .listings import section_blocks

# The renditions the reader templates ask for (templates/includes/picture_*.html):
# keep both lists equal, or a card costs one query per image.
LARGE = ("fill-480x270", "fill-800x450", "fill-1200x675")
MEDIUM = ("fill-320x180", "fill-640x360")
THUMB = ("fill-160x120", "fill-320x240")
# The large sizes also in AVIF (docs/decisions.md: AVIF for lead images only).
FRONT_RENDITIONS = (
    *(f"{spec}|format-webp" for spec in (*LARGE, *MEDIUM, *THUMB)),
    *(f"{spec}|format-avif" for spec in LARGE),
)
AUTHOR_RENDITIONS = ("fill-96x96|format-webp", "fill-192x192|format-webp")

FRONT_LEAD_SIZE = 5  # The lead story and up to four secondary ones.
LATEST_SIZE = 10
# The rail beside listings: five "Dernières infos", then "Les plus lus" topped
# up with the next five newest (never a repeat of the list above it).
RAIL_LATEST_SIZE = 10
SECTION_BLOCK_SIZE = 4  # One lead item and three compact ones.


def _renditions(specs) -> Prefetch:
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        "featured_image__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=specs),
    )


def with_front_renditions(queryset: QuerySet) -> QuerySet:
    """Return article cards with every rendition the reader templates show,
    instead of the single one ``article_cards`` prefetches.
    """
    return queryset.prefetch_related(None).prefetch_related(
        _renditions(FRONT_RENDITIONS)
    )


def front_cards(*, locale_id: int | None = None) -> QuerySet:
    return with_front_renditions(in_locale(article_cards(), locale_id))


def front_cards_by_ids(
    ids: list[int], *, locale_id: int | None = None
) -> list[ArticlePage]:
    """Return the public live articles ``ids`` as front cards, in that order
    (only those of ``locale_id`` when given: an edition shows its own articles).
    """
    if not ids:
        return []
    cards = {
        card.pk: card for card in front_cards(locale_id=locale_id).filter(pk__in=ids)
    }
    return [cards[pk] for pk in ids if pk in cards]


@dataclass
class FrontPage:
    lead: ArticlePage | None = None
    secondary: list[ArticlePage] = field(default_factory=list)
    latest: list[ArticlePage] = field(default_factory=list)
    sections: list = field(default_factory=list)

    @property
    def articles(self) -> list[ArticlePage]:
        """Every article the blocks show (for their cache tags)."""
        shown = [self.lead, *self.secondary, *self.latest]
        for _section, cards in self.sections:
            shown += cards
        return [article for article in shown if article is not None]


def front_picks(home: HomePage) -> list[int]:
    """Return the ids of the articles the editors put "À la une", in their order."""
    return list(
        HomePagePick.objects.filter(page=home)
        .order_by("sort_order", "pk")
        .values_list("article_id", flat=True)
    )


def front_page(home: HomePage) -> FrontPage:
    """Return the home page's blocks: "À la une" (the editors' picks, topped up
    with the newest articles), "Dernières infos" (the newest) and one block
    per section. Fixed cost: picks, newest, sections (plus their prefetches).
    """
    latest = list(
        front_cards(locale_id=home.locale_id)[: LATEST_SIZE + FRONT_LEAD_SIZE]
    )
    picks = front_picks(home)
    chosen = front_cards_by_ids(picks, locale_id=home.locale_id)[:FRONT_LEAD_SIZE]
    chosen_ids = {card.pk for card in chosen}
    chosen += [card for card in latest if card.pk not in chosen_ids]
    chosen = chosen[:FRONT_LEAD_SIZE]
    sections = section_blocks(per_section=SECTION_BLOCK_SIZE, locale_id=home.locale_id)
    return FrontPage(
        lead=chosen[0] if chosen else None,
        secondary=chosen[1:],
        latest=latest[:LATEST_SIZE],
        sections=sections,
    )


def rail_latest(*, locale_id: int | None = None) -> list[ArticlePage]:
    """Return the newest articles for the rail beside a listing: titles and
    times only, so one query of three columns, no join and no rendition.
    """
    cards = (
        in_locale(article_cards(), locale_id)
        .select_related(None)
        .prefetch_related(None)
        .only("title", "url_path", "published_at")
    )
    return list(cards[:RAIL_LATEST_SIZE])


def listing_cards(queryset: QuerySet) -> QuerySet:
    """Return a listing's cards (section, tag, author) with the front renditions."""
    return with_front_renditions(queryset)


def author_boxes(article: ArticlePage) -> list[AuthorPage]:
    """Return the article's authors with their role, bio and photo, in byline order."""
    ids = [author.pk for author in article.author_list]
    if not ids:
        return []
    rendition_model = get_image_model().get_rendition_model()
    authors = {
        author.pk: author
        for author in AuthorPage.objects.live()
        .filter(pk__in=ids)
        .select_related("photo")
        .prefetch_related(
            Prefetch(
                "photo__renditions",
                queryset=rendition_model.objects.filter(
                    filter_spec__in=AUTHOR_RENDITIONS
                ),
            )
        )
    }
    return [authors[pk] for pk in ids if pk in authors]


def footer_pages(*, locale_id: int | None = None) -> list[dict]:
    """Return the content pages shown in the footer (Wagtail's "show in menus"),
    in the page tree's order, as ``{"pk", "title", "url"}``.
    """
    pages = in_locale(
        ContentPage.objects.live().public().filter(show_in_menus=True), locale_id
    ).order_by("path")
    return [{"pk": p.pk, "title": p.title, "url": p.url} for p in pages]
