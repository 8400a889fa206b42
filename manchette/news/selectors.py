"""Reads of published content, each a QuerySet (or list) with its joins done.

Every selector costs a fixed number of queries whatever the number of
articles: listings select the section and featured image with the article,
and prefetch tags and card renditions in one query each.
"""

from collections import defaultdict

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Length, RowNumber, Substr
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from .models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageRelated,
    ArticlePageTag,
    AuthorPage,
    SectionPage,
)

CARD_RENDITIONS = ("fill-640x360|format-webp",)
NAV_CACHE_KEY = "news:navigation"


def _restricted():
    """Return a condition true for pages under a view restriction (private pages)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def article_cards() -> QuerySet:
    """Return public, live articles with what a card shows, newest first."""
    rendition_model = get_image_model().get_rendition_model()
    return (
        ArticlePage.objects.live()
        .exclude(_restricted())
        .select_related("section", "featured_image")
        .defer("body")
        .prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=ArticlePageTag.objects.select_related("tag").order_by("pk"),
            ),
            Prefetch(
                "featured_image__renditions",
                queryset=rendition_model.objects.filter(
                    filter_spec__in=CARD_RENDITIONS
                ),
            ),
        )
        .order_by("-first_published_at", "-pk")
    )


def article_list_latest(*, limit: int = 10) -> list[ArticlePage]:
    """Return the newest articles, featured ones first among the very latest."""
    return list(article_cards()[:limit])


def article_list_for_section(section: SectionPage) -> QuerySet:
    """Return the articles of a section, newest first."""
    return article_cards().filter(section=section)


def article_list_for_tag(tag: Tag) -> QuerySet:
    """Return the articles carrying a tag, newest first."""
    return article_cards().filter(
        Exists(ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag=tag))
    )


def article_list_for_author(author: AuthorPage) -> QuerySet:
    """Return the articles signed by an author, newest first."""
    return article_cards().filter(
        Exists(ArticlePageAuthor.objects.filter(page=OuterRef("pk"), author=author))
    )


def article_list_related(
    article: ArticlePage, *, limit: int = 8, tags: list[Tag] | None = None
) -> list[ArticlePage]:
    """Return the related articles of ``article``: editor picks first (in their order),
    then articles sharing a tag, then articles of the same section, each newest first.

    The article itself never appears. Each card gets ``label``: the tag it shares
    with ``article`` when there is one, else its section's title. Pass the article's
    ``tags`` when they are already loaded, to save a query.
    """
    picks = ArticlePageRelated.objects.filter(page_id=article.pk)
    own_tags = ArticlePageTag.objects.filter(content_object_id=article.pk).values(
        "tag_id"
    )
    shares_tag = Exists(
        ArticlePageTag.objects.filter(
            content_object=OuterRef("pk"), tag_id__in=own_tags
        )
    )
    candidates = (
        article_cards()
        .exclude(pk=article.pk)
        .annotate(
            pick_order=Subquery(
                picks.filter(article_id=OuterRef("pk")).values("sort_order")[:1]
            ),
            shares_tag=shares_tag,
        )
        .filter(
            Q(pk__in=picks.values("article_id"))
            | Q(shares_tag=True)
            | Q(section_id=article.section_id)
        )
        .annotate(
            priority=Case(
                When(pick_order__isnull=False, then=Value(0)),
                When(shares_tag=True, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "priority",
            F("pick_order").asc(nulls_last=True),
            "-first_published_at",
            "-pk",
        )
    )
    cards = list(candidates[:limit])
    if tags is None:
        tags = list(Tag.objects.filter(pk__in=own_tags))
    own_tag_ids = {tag.pk for tag in tags}
    for card in cards:
        shared = [
            item.tag for item in card.tagged_items.all() if item.tag_id in own_tag_ids
        ]
        card.label = shared[0].name if shared else card_label(card)
    return cards


def card_label(card: ArticlePage) -> str:
    """Return the label of a card: its section, else its first tag."""
    if card.section_id:
        return card.section.title
    items = list(card.tagged_items.all())
    return items[0].tag.name if items else ""


def section_list() -> QuerySet:
    """Return the live sections in the editors' order (their order in the page tree)."""
    return SectionPage.objects.live().exclude(_restricted()).order_by("path")


def section_blocks(
    *, per_section: int = 4
) -> list[tuple[SectionPage, list[ArticlePage]]]:
    """Return each live section with its newest ``per_section`` articles, in two queries
    (plus the card prefetches), however many sections and articles exist.
    """
    sections = list(section_list())
    ranked = (
        article_cards()
        .filter(section__in=[section.pk for section in sections])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=per_section)
    )
    by_section = defaultdict(list)
    for card in ranked:
        by_section[card.section_id].append(card)
    return [
        (section, by_section[section.pk])
        for section in sections
        if by_section[section.pk]
    ]


def tag_list_popular(*, limit: int = 100) -> QuerySet:
    """Return the tags used by live articles, most used first."""
    return (
        Tag.objects.filter(news_articlepagetag_items__content_object__live=True)
        .annotate(article_count=Count("news_articlepagetag_items"))
        .order_by("-article_count", "name")[:limit]
    )
