"""The related box of an article ("À lire aussi sur le même sujet")."""

from taggit.models import Tag

from manchette.core.privacy import any_view_restriction

from ..models import ArticlePage, ArticlePageRelated, ArticlePageTag
from .base import article_cards, card_fields, live_articles, live_locale_ids, not_live

# Cards in an article's related box.
RELATED_LIMIT = 8


def article_list_related(
    article: ArticlePage, *, limit: int = RELATED_LIMIT, tags: list[Tag] | None = None
) -> list[ArticlePage]:
    """Return the related articles of ``article``: editor picks first (in their order),
    then articles sharing a tag, then articles of the same section, each newest first.

    The article itself never appears. Each card gets ``label``: the tag it shares
    with ``article`` when there is one (the first it was given), else its section's title. Pass the article's ``tags`` when they are already
    loaded, to save a query.

    Four queries whatever the size of the archive (the picks, the newest
    articles sharing a tag, the newest of the section, then the winners as
    cards): each reads a few dozen rows through an index. The newest ``limit +
    1`` articles sharing any of the tags are among the tag links read newest
    first (``news_tag_published``), so no other article sharing a tag could rank.
    """
    if tags is None:
        tags = list(
            Tag.objects.filter(
                news_articlepagetag_items__content_object_id=article.pk
            ).order_by("news_articlepagetag_items__id")
        )
    several_languages = len(live_locale_ids()) > 1
    picks = list(
        ArticlePageRelated.objects.filter(page_id=article.pk)
        .exclude(article_id=article.pk)
        .order_by("sort_order", "pk")
        .values_list("article_id", flat=True)
    )
    tagged, labels = _sharing_a_tag(
        article, tags, count=limit + 1, same_locale=several_languages
    )
    newest = live_articles().exclude(pk=article.pk).order_by("-published_at", "-pk")
    if several_languages:
        newest = newest.filter(locale_id=article.locale_id)
    section = (
        list(
            newest.filter(section_id=article.section_id).values_list("pk", flat=True)[
                : limit + 1
            ]
        )
        if article.section_id is not None
        else []
    )
    ranked = list(dict.fromkeys([*picks, *tagged, *section]))
    # Picks may be drafts or private (the card query drops them): keep spares.
    ids = ranked[: limit + len(picks)]
    found = {card.pk: card for card in card_fields(article_cards()).filter(pk__in=ids)}
    cards = [found[pk] for pk in ids if pk in found][:limit]
    for card in cards:
        # Without a shared tag, ArticlePage.card_label falls back to the section.
        card.label = labels.get(card.pk, "")
    return cards


def _sharing_a_tag(
    article: ArticlePage, tags: list[Tag], *, count: int, same_locale: bool
) -> tuple[list[int], dict[int, str]]:
    """Return the ``count`` newest live articles sharing one of ``tags`` with
    ``article``, newest first, and for each the name of the first of ``tags`` it
    carries, in its own order (the card's label), from the tag links' own date
    index.

    An article's links to ``tags`` share its date, so they come together in that
    order: ``count`` articles need at most ``count × len(tags)`` links.
    """
    if not tags:
        return [], {}
    links = (
        ArticlePageTag.objects.filter(
            tag_id__in=[tag.pk for tag in tags], published_at__isnull=False
        )
        .exclude(content_object_id=article.pk)
        .order_by("-published_at", "-content_object_id")
    )
    if any_view_restriction():
        links = links.filter(content_object_id__in=live_articles().values("pk"))
    else:
        links = links.exclude(content_object_id__in=not_live())
    if same_locale:
        # Tags are shared by every language: keep to the article's own.
        links = links.filter(content_object__locale_id=article.locale_id)
    names = {tag.pk: tag.name for tag in tags}
    ranked: list[int] = []
    first_link: dict[int, tuple[int, int]] = {}  # article -> (link id, tag id)
    rows = links.values_list("content_object_id", "pk", "tag_id")
    for pk, link_id, tag_id in rows[: count * len(tags)]:
        if pk not in first_link:
            if len(ranked) == count:
                break
            ranked.append(pk)
            first_link[pk] = (link_id, tag_id)
        else:
            first_link[pk] = min(first_link[pk], (link_id, tag_id))
    return ranked, {pk: names[tag_id] for pk, (_, tag_id) in first_link.items()}
