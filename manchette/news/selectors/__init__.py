"""Reads of published content, each a QuerySet (or list) with its joins done.

Every selector costs a fixed number of queries whatever the number of
articles: listings select the section and featured image with the article,
and prefetch tags and card renditions in one query each.
"""

import functools
from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Substr
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from manchette.core.prepared import Ints, PreparedQuery
from manchette.core.privacy import any_view_restriction
from manchette.core.sites import state

from ..metadata import locale_codes
from ..models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageRelated,
    ArticlePageTag,
    AuthorPage,
    SectionPage,
)

CARD_RENDITIONS = ("fill-640x360|format-webp",)
NAV_CACHE_KEY = "news:navigation"
# Cards in an article's related box.
RELATED_LIMIT = 8
LIVE_LOCALES_CACHE_KEY = "news:live-locales"


def ids_union(*querysets: QuerySet) -> RawSQL:
    """Return one subquery yielding the ids of every ``querysets`` (each a sliced,
    ordered ``values("pk")`` queryset), as ``UNION ALL`` of derived tables.

    ``pk__in`` this union lets the database look each id up by primary key, where
    ``pk IN (a) OR pk IN (b)`` made PostgreSQL scan every article. Django refuses
    sliced members in ``.union()`` on SQLite; wrapping each in a derived table is
    valid SQL on both databases.
    """
    parts, params = [], []
    for number, queryset in enumerate(querysets):
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS ids_{number}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)


def _public(queryset: QuerySet) -> QuerySet:
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
    language, French, when None), or None when no such locale exists. Cached.
    """
    code = language or settings.LANGUAGE_CODE
    for refresh in (False, True):
        for pk, value in locale_codes(refresh=refresh).items():
            if value == code:
                return pk
    return None


def live_locale_ids() -> set[int]:
    """Return the ids of the locales having live pages, cached until a page is
    published, unpublished or deleted: a site in one language looks for no
    translation (``hreflang``) at all.
    """
    ids = state.get(LIVE_LOCALES_CACHE_KEY)
    if ids is None:
        ids = {
            pk
            for pk in locale_codes()
            if Page.objects.filter(locale_id=pk, live=True, depth__gt=1).exists()
        }
        state.set(LIVE_LOCALES_CACHE_KEY, ids, 3600)
    return ids


def _in_locale(queryset: QuerySet, locale_id: int | None) -> QuerySet:
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


def _live_articles() -> QuerySet:
    """Return the public live articles as a query on the article table alone when
    the site has no private page: "not among the few pages that are not live"
    (a short list, from a partial index) instead of a join to every page row.
    Meant for counts and id subqueries, which then read only this table's indexes.
    """
    if any_view_restriction():
        return _public(ArticlePage.objects.live())
    # NOT IN (a short list), not NOT EXISTS: SQLite then builds the list once
    # instead of probing the page table for every article.
    return ArticlePage.objects.exclude(pk__in=_not_live())


def _not_live() -> QuerySet:
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


def _card_fields(queryset: QuerySet) -> QuerySet:
    return queryset.only(*CARD_FIELDS)


def article_cards(*, tags: bool = False, private_pages: bool = True) -> QuerySet:
    """Return public, live articles with what a card shows, newest first; with
    ``tags``, their tags too (``tagged_items``, one more query), which a card
    does not show but related articles, feeds and the API do.

    ``private_pages=False`` is for callers that checked the site has none: the
    query then never depends on that check (``PreparedQuery``).
    """
    rendition_model = get_image_model().get_rendition_model()
    live = ArticlePage.objects.live()
    queryset = (
        (_public(live) if private_pages else live)
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


def article_list_latest(
    *, limit: int = 10, locale_id: int | None = None
) -> list[ArticlePage]:
    """Return the newest articles of a locale (default: French), featured ones first
    among the very latest.
    """
    return list(_in_locale(_card_fields(article_cards()), locale_id)[:limit])


def article_list_for_section(section: SectionPage) -> QuerySet:
    """Return the articles of a section and of its subsections, newest first (as
    a WordPress category archive lists its child categories' posts).
    """
    return _card_fields(article_cards()).filter(section_id__in=section_subtree(section))


def section_subtree(section: SectionPage) -> QuerySet:
    """Return the ids of ``section`` and of its subsections, at any depth."""
    return SectionPage.objects.filter(
        path__startswith=section.path, depth__gte=section.depth
    ).values("pk")


def article_list_for_tag(tag: Tag, *, locale_id: int | None = None) -> QuerySet:
    """Return the articles of a locale (default: French) carrying a tag, newest first.

    Read from the tag's links in the order of their copy of the date (index
    ``news_tag_published``): a page of the listing reads its own rows only,
    however rare the tag (filtering the newest articles of the whole site for
    the tag walked the archive for a rare one: 0.7 s at 100,000 articles).
    """
    return (
        _in_locale(_card_fields(article_cards()), locale_id)
        .filter(tagged_items__tag=tag)
        .order_by("-tagged_items__published_at", "-tagged_items__content_object_id")
    )


def article_list_for_author(author: AuthorPage) -> QuerySet:
    """Return the articles signed by an author, newest first, read from the
    author's links in the order of their copy of the date (index
    ``news_author_published``), as a tag's are.
    """
    return (
        _card_fields(article_cards())
        .filter(article_authors__author=author)
        .order_by("-article_authors__published_at", "-article_authors__page_id")
    )


def article_count(
    *,
    section: SectionPage | None = None,
    tag: Tag | None = None,
    author: AuthorPage | None = None,
    locale_id: int | None = None,
) -> int:
    """Return how many public live articles a listing holds (its paginator's count);
    a tag's are counted in one locale (default: French), as its page lists them.

    Counted on the article table alone (its section index), or on the tag's or
    author's links alone, minus the few pages that are not live, which a partial
    index on ``wagtailcore_page`` holds: joining every page row to read ``live``
    took 66 ms for a 12,500-article section on PostgreSQL, this takes about 3 ms.
    """
    queryset = _live_articles()
    if section is not None:
        queryset = queryset.filter(section_id__in=section_subtree(section))
    if section is None and not any_view_restriction():
        # The usual site: the tag's or the author's links, minus the pages
        # not live (an author's page lists every language, a tag's one).
        live = live_locale_ids()
        one_language = len(live) <= 1 and (locale_id is None or locale_id in live)
        if tag is not None and author is None and one_language:
            links = ArticlePageTag.objects.filter(tag=tag)
            return links.exclude(content_object_id__in=_not_live()).count()
        if author is not None and tag is None:
            links = ArticlePageAuthor.objects.filter(author=author)
            return links.exclude(page_id__in=_not_live()).count()
    if tag is not None:
        queryset = _in_locale(queryset, locale_id).filter(
            Exists(
                ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag=tag)
            )
        )
    if author is not None:
        queryset = queryset.filter(
            Exists(ArticlePageAuthor.objects.filter(page=OuterRef("pk"), author=author))
        )
    return queryset.count()


def article_list_related(
    article: ArticlePage, *, limit: int = RELATED_LIMIT, tags: list[Tag] | None = None
) -> list[ArticlePage]:
    """Return the related articles of ``article``: editor picks first (in their order),
    then articles sharing a tag, then articles of the same section, each newest first.

    The article itself never appears. Each card gets ``label``: the tag it shares
    with ``article`` when there is one, else its section's title. Pass the article's
    ``tags`` when they are already loaded, to save a query.

    Two steps: one query ranks the candidates (the picks, the ``limit + 1`` newest
    articles sharing a tag, the ``limit + 1`` newest of the section), then the
    winners are loaded as cards. A section article sharing a tag but not among
    the newest ``limit + 1`` sharing one is older than ``limit + 1`` of them, so
    it could never be shown: ranking it with the section's changes nothing.
    """
    own_tag_ids = {tag.pk for tag in tags} if tags is not None else None
    if tags is not None and not any_view_restriction() and len(live_locale_ids()) <= 1:
        # The usual case (tags loaded, no private page, one language): one
        # plain query over the indexes, built without the ORM.
        ranked, label_tags = _ranked_ids_plain(article, sorted(own_tag_ids), limit + 1)
    else:
        ranked, ranked_tag_ids = _ranked_ids_orm(article, limit)
        if own_tag_ids is None:
            own_tag_ids = ranked_tag_ids
        label_tags = None
    pick_count = sum(1 for _, kind in ranked if kind == 0)
    # Picks may be drafts or private (the card query drops them): keep spares.
    ids = [pk for pk, _ in ranked[: limit + pick_count]]
    # Unordered: ``ids`` gives the order (an ORDER BY would make Django hash
    # every one of the card query's selected columns).
    if label_tags is not None:  # No private page: the prepared card query.
        found = {card.pk: card for card in _related_cards(ids=ids)}
    else:
        found = {
            card.pk: card
            for card in _card_fields(article_cards()).filter(pk__in=ids).order_by()
        }
    cards = [found[pk] for pk in ids if pk in found][:limit]
    # Each card's first tag (in the order it was given) among the article's own:
    # given by the plain query, else a light query of ids and names, skipped
    # when the article has no tag.
    labels = {}
    if label_tags is not None:
        names = {tag.pk: tag.name for tag in tags}
        labels = {pk: names[tag_id] for pk, tag_id in label_tags.items()}
    elif own_tag_ids and cards:
        shared = (
            ArticlePageTag.objects.filter(
                content_object_id__in=[card.pk for card in cards],
                tag_id__in=own_tag_ids,
            )
            .order_by("pk")
            .values_list("content_object_id", "tag__name")
        )
        for card_id, name in shared:
            labels.setdefault(card_id, name)
    for card in cards:
        # Without a shared tag, ArticlePage.card_label falls back to the section.
        card.label = labels.get(card.pk, "")
    return cards


# The related box's card query when the site has no private page, compiled once
# per process (manchette/core/prepared.py); more ids than this use the ORM.
_related_cards = PreparedQuery(
    lambda ids: (
        _card_fields(article_cards(private_pages=False)).filter(pk__in=ids).order_by()
    ),
    ids=Ints(4 * RELATED_LIMIT),
)


def _ranked_ids_orm(
    article: ArticlePage, limit: int
) -> tuple[list[tuple[int, int]], set[int]]:
    """The related candidates of ``article`` (see ``_ranked_ids``) for any site:
    private pages and several languages included.
    """
    own_tags = ArticlePageTag.objects.filter(content_object_id=article.pk).values(
        "tag_id"
    )
    tagged = ArticlePageTag.objects.filter(tag_id__in=own_tags).values(
        "content_object_id"
    )
    newest = _live_articles().exclude(pk=article.pk).order_by("-published_at", "-pk")
    if len(live_locale_ids()) > 1:
        # Tags are shared by every language: keep to the article's own.
        newest = newest.filter(locale_id=article.locale_id)
    picks = (
        ArticlePageRelated.objects.filter(page_id=article.pk)
        .exclude(article_id=article.pk)
        .annotate(candidate=F("article_id"), published=F("article__published_at"))
        .values("candidate", "sort_order", "published")
    )
    return _ranked_ids(
        picks,
        _candidates(newest.filter(pk__in=tagged))[: limit + 1],
        _candidates(newest.filter(section_id=article.section_id))[: limit + 1],
        own_tags.annotate(candidate=F("tag_id")).values("candidate"),
    )


def _ranked_ids_plain(
    article: ArticlePage, tag_ids: list[int], count: int
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """The related candidates of ``article`` (see ``_ranked_ids``) on a site with
    no private page and one language, in one hand-written query: the editors'
    picks, the ``count`` newest articles of each of ``tag_ids`` (read from the
    tag links' own date index) and the ``count`` newest of the section. Also
    returns, for each candidate sharing one of ``tag_ids``, the first it shares
    (in the order it was given): the card's label.

    The ``count`` newest articles sharing any of the tags are among the union
    of each tag's ``count`` newest, so the union ranks the same as one query
    over every article sharing a tag would.
    """
    page = Page._meta.db_table
    not_live = f"SELECT id FROM {page} WHERE NOT live"
    links = ArticlePageTag._meta.db_table
    articles = ArticlePage._meta.db_table
    related = ArticlePageRelated._meta.db_table
    parts = [
        "SELECT r.article_id AS candidate, r.sort_order AS position, "
        f"a.published_at AS published, 0 AS kind FROM {related} r "
        f"JOIN {articles} a ON a.page_ptr_id = r.article_id "
        "WHERE r.page_id = %s AND r.article_id <> %s"
    ]
    params = [article.pk, article.pk]
    for tag_id in tag_ids:
        parts.append(
            f"SELECT * FROM (SELECT content_object_id, 0, published_at, 1 "
            f"FROM {links} WHERE tag_id = %s AND content_object_id <> %s "
            f"AND published_at IS NOT NULL AND content_object_id NOT IN ({not_live}) "
            "ORDER BY published_at DESC, content_object_id DESC LIMIT %s) AS t"
        )
        params += [tag_id, article.pk, count]
    if article.section_id is not None:
        parts.append(
            f"SELECT * FROM (SELECT page_ptr_id, 0, published_at, 2 FROM {articles} "
            f"WHERE section_id = %s AND page_ptr_id <> %s "
            f"AND page_ptr_id NOT IN ({not_live}) "
            "ORDER BY published_at DESC, page_ptr_id DESC LIMIT %s) AS s"
        )
        params += [article.section_id, article.pk, count]
    label = "NULL"
    if tag_ids:
        label = (
            f"(SELECT l.tag_id FROM {links} l WHERE l.content_object_id = c.candidate "
            f"AND l.tag_id IN ({', '.join(['%s'] * len(tag_ids))}) "
            "ORDER BY l.id LIMIT 1)"
        )
    sql = (
        f"SELECT c.candidate, c.kind, {label} "
        f"FROM ({' UNION ALL '.join(parts)}) AS c "
        "ORDER BY c.kind, c.position, c.published DESC, c.candidate DESC"
    )
    # The label's parameters come first: the subquery is in the select list.
    params = [*tag_ids, *params] if tag_ids else params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    seen, ranked, labels = set(), [], {}
    for pk, kind, tag_id in rows:
        if pk not in seen:
            seen.add(pk)
            ranked.append((pk, kind))
            if tag_id is not None:
                labels[pk] = tag_id
    return ranked, labels


def _candidates(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(candidate=F("pk"), published=F("published_at")).values(
        "candidate", "published"
    )


def _ranked_ids(
    picks: QuerySet, tagged: QuerySet, section: QuerySet, own_tags: QuerySet
) -> tuple[list[tuple[int, int]], set[int]]:
    """Return ``(id, kind)`` of the related candidates, best first and each id once
    (kind 0 for the editors' picks in their order, 1 for articles sharing a tag,
    2 for the section's, each newest first), and the ids of the article's own
    tags, in one query over a few dozen rows.
    """
    parts, params = [], []
    for kind, queryset, columns in (
        (0, picks, "candidate, sort_order, published"),
        (1, tagged, "candidate, 0, published"),
        (2, section, "candidate, 0, published"),
        (3, own_tags, "candidate, 0, NULL"),
    ):
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT {columns}, {kind} FROM ({sql}) AS part_{kind}")
        params.extend(part_params)
    sql = (
        f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS candidates "
        "ORDER BY 4, 2, 3 DESC, 1 DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    seen, ranked, own_tag_ids = set(), [], set()
    for pk, _order, _published, kind in rows:
        if kind == 3:
            own_tag_ids.add(pk)
        elif pk not in seen:
            seen.add(pk)
            ranked.append((pk, kind))
    return ranked, own_tag_ids


def section_list(*, locale_id: int | None = None) -> QuerySet:
    """Return the live sections of a locale (default: French) in the editors' order
    (their order in the page tree).
    """
    # The id filter makes SQLite start from the few section rows; ordered by
    # path alone, it walked every page of the tree (0.35 s at 100,000 articles).
    return (
        _in_locale(_public(SectionPage.objects.live()), locale_id)
        .filter(pk__in=SectionPage.objects.values("pk"))
        .order_by("path")
    )


def section_blocks(
    *, per_section: int = 4, locale_id: int | None = None
) -> list[tuple[SectionPage, list[ArticlePage]]]:
    """Return each live top-level section with the newest ``per_section`` articles
    of its subtree (its own and its subsections'), in two queries (plus the card
    prefetches), however many sections and articles exist.
    """
    sections = list(section_list(locale_id=locale_id))
    if not sections:
        return []
    top_depth = min(section.depth for section in sections)
    tops = [section for section in sections if section.depth == top_depth]
    subtrees = {
        top.pk: [
            section.pk for section in sections if section.path.startswith(top.path)
        ]
        for top in tops
    }
    owner = {pk: top_pk for top_pk, pks in subtrees.items() for pk in pks}
    # One "newest N of this section" subquery per section, ORed: each reads only
    # its section's rows through the section index, where a window function
    # would rank every article of the site.
    public = _live_articles()
    newest = ids_union(
        *(
            public.filter(section_id__in=pks)
            .order_by("-published_at", "-pk")
            .values("pk")[:per_section]
            for pks in subtrees.values()
        )
    )
    ranked = _card_fields(article_cards()).filter(pk__in=newest)
    by_section = defaultdict(list)
    for card in ranked:
        by_section[owner[card.section_id]].append(card)
    return [(top, by_section[top.pk]) for top in tops if by_section[top.pk]]


def tag_list_popular(*, limit: int = 100) -> QuerySet:
    """Return the tags used by live articles, most used first."""
    return (
        Tag.objects.filter(news_articlepagetag_items__content_object__live=True)
        .annotate(article_count=Count("news_articlepagetag_items"))
        .order_by("-article_count", "name")[:limit]
    )


# Discover: search, feeds, sitemaps and the read API read through these.

SEARCH_CANDIDATES = 200
SEARCH_HALF_LIFE_DAYS = 30
# PostgreSQL: rank only the matches among the newest articles when they are many.
SEARCH_WINDOW = 2000
SEARCH_WINDOW_MIN_HITS = 20


def article_search(
    terms: list[str],
    *,
    section_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = SEARCH_CANDIDATES,
    locale_id: int | None = None,
) -> list[int]:
    """Return the ids of the live articles matching every word of ``terms`` (already
    folded by ``manchette.news.search.query_terms``), best first; show a page of
    them with ``article_cards_by_ids``.

    The backend ranks the ``limit`` best matches by relevance; their order is then
    blended with recency (a fresh article weighs up to 1.67 times an old one,
    with a half-life of ``SEARCH_HALF_LIFE_DAYS``), as a news reader expects.
    Two queries.
    """
    if not terms:
        return []
    filters = {
        "section_id": section_id,
        "since": since,
        "until": until,
        "limit": limit,
        "locale_id": locale_id or locale_id_for(),
    }
    if connection.vendor == "sqlite" and _uses_database_search() and _has_fts5():
        ranked = _sqlite_search_ids(terms, **filters)
    elif connection.vendor == "postgresql" and _uses_database_search():
        ranked = _postgres_search_ids(terms, **filters)
    else:
        queryset = ArticlePage.objects.live().filter(locale_id=filters["locale_id"])
        if section_id is not None:
            queryset = queryset.filter(section_id=section_id)
        if since is not None:
            queryset = queryset.filter(published_at__gte=since)
        if until is not None:
            queryset = queryset.filter(published_at__lt=until)
        hits = queryset.only("pk").search(" ".join(terms), operator="and")[:limit]
        ranked = [hit.pk for hit in hits]
    now = timezone.now()
    position = {pk: index for index, pk in enumerate(ranked)}
    published = ArticlePage.objects.filter(pk__in=ranked).values_list(
        "pk", "published_at"
    )

    def score(row):
        pk, published_at = row
        age_days = max(0.0, (now - published_at).total_seconds() / 86400)
        relevance = 1 / (1 + position[pk] / 10)
        recency = 0.5 ** (age_days / SEARCH_HALF_LIFE_DAYS)
        return (-relevance * (0.6 + 0.4 * recency), -pk)

    return [pk for pk, _ in sorted(published, key=score)]


def _postgres_search_ids(
    terms: list[str],
    *,
    section_id: int | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    locale_id: int | None,
) -> list[int]:
    """Return the ids of the live articles matching every term, best first, from
    the ``body`` tsvector of Wagtail's index.

    Ranking is what costs: ``ts_rank`` reads each matching vector, and a common
    word is in 10 % of the archive (0.1 s for 10,000 vectors). So the newest
    ``SEARCH_WINDOW`` articles (with the filters) are searched first, read in
    publication order from the page index, and only their matches are ranked;
    when they hold fewer than ``SEARCH_WINDOW_MIN_HITS`` matches (a rarer word,
    whose matches are few everywhere), every match in the archive is ranked.

    Wagtail's PostgreSQL backend matches ``title || body``, an expression no
    index covers; ``body`` alone holds every word a reader can search, since
    ``search_text_folded`` repeats the title, tags and authors without accents.
    """
    from modelsearch.conf import get_app_config

    quote = connection.ops.quote_name
    entry_table = quote(get_app_config().get_model("IndexEntry")._meta.db_table)
    page_table = quote(Page._meta.db_table)
    article_table = quote(ArticlePage._meta.db_table)
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    tsquery = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"
    query_params = [config, " ".join(terms)] if config else [" ".join(terms)]
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    # Conditions on the pages (and their article row), shared by both queries.
    page_conditions = ["p.live", "p.locale_id = %s"]
    page_params: list = [locale_id]
    if section_id is not None:
        page_conditions.append("a.section_id = %s")
        page_params.append(section_id)
    if since is not None:
        page_conditions.append("a.published_at >= %s")
        page_params.append(since)
    if until is not None:
        page_conditions.append("a.published_at < %s")
        page_params.append(until)
    pages_where = " AND ".join(page_conditions)
    window = (
        f"SELECT p.id::text FROM {page_table} p "
        f"JOIN {article_table} a ON a.page_ptr_id = p.id "
        f"WHERE p.content_type_id = %s AND {pages_where} "
        f"ORDER BY a.published_at DESC, p.id DESC LIMIT %s"
    )
    windowed = (
        f"SELECT e.object_id::integer FROM {entry_table} e "
        f"WHERE e.content_type_id = %s AND e.body @@ {tsquery} "
        f"AND e.object_id = ANY(ARRAY({window})) "
        f"ORDER BY ts_rank(e.body, {tsquery}) DESC, e.object_id::integer DESC "
        f"LIMIT %s"
    )
    everywhere = (
        f"SELECT p.id FROM {entry_table} e "
        f"JOIN {page_table} p ON p.id = e.object_id::integer "
        f"JOIN {article_table} a ON a.page_ptr_id = p.id "
        f"WHERE e.content_type_id = %s AND e.body @@ {tsquery} AND {pages_where} "
        f"ORDER BY ts_rank(e.body, {tsquery}) DESC, p.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            windowed,
            [
                content_type,
                *query_params,
                content_type,
                *page_params,
                SEARCH_WINDOW,
                *query_params,
                limit,
            ],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) >= min(limit, SEARCH_WINDOW_MIN_HITS):
            return ids
        cursor.execute(
            everywhere,
            [content_type, *query_params, *page_params, *query_params, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def article_cards_by_ids(ids: list[int]) -> list[ArticlePage]:
    """Return the public live articles ``ids`` as cards, in the order of ``ids``."""
    cards = {card.pk: card for card in article_cards().filter(pk__in=ids)}
    return [cards[pk] for pk in ids if pk in cards]


@functools.cache
def _has_fts5() -> bool:
    """True when this SQLite has FTS5 (else Wagtail falls back to LIKE queries)."""
    from modelsearch.backends.database.sqlite.utils import fts5_available

    return fts5_available()


def _uses_database_search() -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    return backend in {
        "wagtail.search.backends.database",
        "modelsearch.backends.database",
    }


def _sqlite_search_ids(
    terms: list[str],
    *,
    section_id: int | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    locale_id: int | None,
) -> list[int]:
    """Return the ids of the live articles matching every term, best first, with
    one FTS5 query on the index Wagtail maintains.

    Wagtail's SQLite backend scores each hit with a correlated sub-query that
    runs the full-text match again per row, which takes seconds once a word is
    in thousands of articles; this reads the same index in one pass. Terms are
    plain words (``query_terms``), quoted as FTS5 strings and passed as a
    parameter, so nothing a reader types is FTS5 syntax.
    """
    from modelsearch.conf import get_app_config

    quote = connection.ops.quote_name
    entry_table = get_app_config().get_model("IndexEntry")._meta.db_table
    fts_table = f"{entry_table}_fts"
    page_table = Page._meta.db_table
    article_table = ArticlePage._meta.db_table
    match = "{title body} : (" + " AND ".join(f'"{term}"' for term in terms) + ")"
    conditions = [
        f"{quote(fts_table)} MATCH %s",
        "e.content_type_id = %s",
        "p.live",
        "p.locale_id = %s",
    ]
    params = [match, ContentType.objects.get_for_model(ArticlePage).pk, locale_id]
    if section_id is not None:
        conditions.append("a.section_id = %s")
        params.append(section_id)
    if since is not None:
        conditions.append("a.published_at >= %s")
        params.append(connection.ops.adapt_datetimefield_value(since))
    if until is not None:
        conditions.append("a.published_at < %s")
        params.append(connection.ops.adapt_datetimefield_value(until))
    # bm25 weights follow the FTS columns: autocomplete, body, title.
    rank = f"bm25({quote(fts_table)}, 0.0, 1.0, 2.0)"
    if len(conditions) == 4:
        # Without filters, rank in the FTS table alone first (joining pages to
        # thousands of hits costs more than ranking them), then keep the live
        # articles among the best hits.
        sql = (
            f"SELECT p.id FROM (SELECT rowid AS entry_id, {rank} AS score "
            f"FROM {quote(fts_table)} WHERE {conditions[0]} "
            f"ORDER BY score LIMIT %s) hits "
            f"JOIN {quote(entry_table)} e ON e.id = hits.entry_id "
            f"JOIN {quote(page_table)} p ON p.id = CAST(e.object_id AS INTEGER) "
            f"JOIN {quote(article_table)} a ON a.page_ptr_id = p.id "
            f"WHERE {' AND '.join(conditions[1:])} "
            f"ORDER BY hits.score, p.id DESC LIMIT %s"
        )
        params = [params[0], limit * 5, *params[1:]]
    else:
        sql = (
            f"SELECT p.id FROM {quote(fts_table)} "
            f"JOIN {quote(entry_table)} e ON e.id = {quote(fts_table)}.rowid "
            f"JOIN {quote(page_table)} p ON p.id = CAST(e.object_id AS INTEGER) "
            f"JOIN {quote(article_table)} a ON a.page_ptr_id = p.id "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {rank}, p.id DESC LIMIT %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def article_list_filtered(
    *,
    section: SectionPage | None = None,
    tag: Tag | None = None,
    author: AuthorPage | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    locale_id: int | None = None,
    any_locale: bool = False,
) -> QuerySet:
    """Return public live articles of a locale (default: French; every locale with
    ``any_locale``), newest first, with their authors prefetched, narrowed by any
    of section, tag, author and a publication date range.
    """
    queryset = article_cards(tags=True).prefetch_related(
        Prefetch(
            "article_authors",
            queryset=ArticlePageAuthor.objects.select_related("author").order_by(
                "sort_order"
            ),
        )
    )
    if not any_locale:
        queryset = _in_locale(queryset, locale_id)
    if section is not None:
        queryset = queryset.filter(section_id__in=section_subtree(section))
    if tag is not None:
        queryset = queryset.filter(
            Exists(
                ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag=tag)
            )
        )
    if author is not None:
        queryset = queryset.filter(
            Exists(ArticlePageAuthor.objects.filter(page=OuterRef("pk"), author=author))
        )
    if since is not None:
        queryset = queryset.filter(published_at__gte=since)
    if until is not None:
        queryset = queryset.filter(published_at__lt=until)
    return queryset


def article_get_public(pk: int) -> ArticlePage | None:
    """Return the live, public article ``pk`` with its body, tags and authors, or None."""
    return (
        article_list_filtered(any_locale=True)
        .defer(None)
        .select_related("section", "featured_image")
        .filter(pk=pk)
        .first()
    )


def section_get_public(
    slug: str, *, locale_id: int | None = None
) -> SectionPage | None:
    """Return the live, public section with ``slug`` in a locale (default: French),
    or None. ``slug`` may be a path under the home page (``politique/elections``,
    see ``section_feed_path``) to tell apart subsections sharing a slug; a bare
    slug gives the first such section in the editors' order (a top-level one
    before any subsection).
    """
    sections = section_list(locale_id=locale_id)
    if "/" not in slug:
        return sections.filter(slug=slug).first()
    parts = slug.split("/")
    return sections.filter(
        slug=parts[-1],
        depth=SECTION_TOP_DEPTH + len(parts) - 1,
        url_path__endswith=f"/{slug}/",
    ).first()


# Root (1), home page (2), top-level sections (3).
SECTION_TOP_DEPTH = 3


def section_feed_path(section: SectionPage) -> str:
    """Return the path of ``section`` under its home page, as its feed's URL
    names it: ``politique`` for a top-level section, ``politique/elections``
    for a subsection.
    """
    return "/".join(section.url_path.strip("/").split("/")[1:])


def author_list() -> QuerySet:
    """Return the live, public author pages by name, with their photos."""
    return (
        _public(AuthorPage.objects.live())
        .select_related("photo")
        .order_by("title", "pk")
    )


def author_get_public(slug: str) -> AuthorPage | None:
    """Return the live, public author page with ``slug``, or None."""
    return author_list().filter(slug=slug).first()


def tag_list_used() -> QuerySet:
    """Return the tags carried by at least one live article, by name, with
    ``article_count`` (live articles only).
    """
    return (
        Tag.objects.filter(news_articlepagetag_items__content_object__live=True)
        .annotate(
            article_count=Count(
                "news_articlepagetag_items",
                filter=Q(news_articlepagetag_items__content_object__live=True),
            )
        )
        .order_by("name", "pk")
    )


def tag_get_used(slug: str) -> Tag | None:
    """Return the tag with ``slug`` if a live article carries it, or None."""
    return tag_list_used().filter(slug=slug).first()


def sitemap_article_chunks(*, size: int) -> list[tuple[int, datetime | None]]:
    """Return ``(chunk, lastmod)`` for each non-empty chunk of ``size`` page ids
    holding public live articles, in one grouped query: chunk ``n`` holds the ids
    ``n * size`` to ``(n + 1) * size - 1``, so it never exceeds ``size`` entries
    and its URL stays the same as articles are added.
    """
    rows = (
        _public(ArticlePage.objects.live())
        .annotate(chunk=F("pk") / Value(size))
        .values("chunk")
        .annotate(lastmod=Max("last_published_at"))
        .order_by("chunk")
    )
    return [(row["chunk"], row["lastmod"]) for row in rows]


def sitemap_article_rows(*, chunk: int, size: int) -> QuerySet:
    """Return ``(url_path, last_published_at)`` of the public live articles in
    ``chunk`` (see ``sitemap_article_chunks``), by id, without building pages.
    """
    return (
        _public(ArticlePage.objects.live())
        .filter(pk__gte=chunk * size, pk__lt=(chunk + 1) * size)
        .order_by("pk")
        .values_list("url_path", "last_published_at")
    )


def sitemap_page_rows() -> QuerySet:
    """Return ``(url_path, last_published_at)`` of the public live pages that have
    no sitemap of their own (home, author index, tag index, content pages), by path:
    articles, sections and authors are listed by ``sitemap_listing_rows``.
    """
    own_sitemaps = [
        ContentType.objects.get_for_model(model)
        for model in (ArticlePage, SectionPage, AuthorPage)
    ]
    return (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .exclude(content_type__in=own_sitemaps)
        .order_by("path")
        .values_list("url_path", "last_published_at")
    )


def _newest_by(queryset: QuerySet, group: str, date: str) -> dict:
    """Return ``{group value: newest date}`` over ``queryset``, one grouped query
    cleared of the model's default ordering (which would split the groups).
    """
    return dict(
        queryset.order_by()
        .values(group)
        .annotate(lastmod=Max(date))
        .values_list(group, "lastmod")
    )


def sitemap_listing_rows(kind: str) -> list[tuple[int, str, datetime | None]]:
    """Return ``(id, url part, lastmod)`` of every listing page of ``kind``
    ("sections", "authors" or "tags"), by id, in two queries.

    The url part is the page's ``url_path`` (sections, authors) or the tag's slug
    (tags, served by the tag index). ``lastmod`` is the newest publication of the
    live articles the page lists, which is when its content last changed; sections
    and authors without an article keep their own publication date, tags without
    a live article are left out (their page is empty).
    """
    articles = _public(ArticlePage.objects.live())
    if kind == "tags":
        newest = _newest_by(
            ArticlePageTag.objects.filter(content_object__in=articles),
            "tag_id",
            "content_object__last_published_at",
        )
        tags = Tag.objects.filter(pk__in=newest).order_by("pk")
        return [(pk, slug, newest[pk]) for pk, slug in tags.values_list("pk", "slug")]
    if kind == "sections":
        newest = _newest_by(
            articles.filter(section_id__isnull=False), "section_id", "last_published_at"
        )
        pages = _public(SectionPage.objects.live())
    elif kind == "authors":
        newest = _newest_by(
            ArticlePageAuthor.objects.filter(page__in=articles),
            "author_id",
            "page__last_published_at",
        )
        pages = _public(AuthorPage.objects.live())
    else:
        raise ValueError(kind)
    return [
        (pk, url_path, newest.get(pk) or own)
        for pk, url_path, own in pages.order_by("pk").values_list(
            "pk", "url_path", "last_published_at"
        )
    ]


def news_sitemap_rows(*, since: datetime, limit: int = 1000) -> QuerySet:
    """Return ``(url_path, title, published_at, locale_id)`` of the public live
    articles (every language) first published since ``since``, newest first, at
    most ``limit``.
    """
    return (
        _public(ArticlePage.objects.live())
        .filter(published_at__gte=since)
        .order_by("-published_at", "-pk")
        .values_list("url_path", "title", "published_at", "locale_id")[:limit]
    )
