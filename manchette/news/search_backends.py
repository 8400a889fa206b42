"""Full-text search of articles: the database backends' own queries, ranked
then blended with recency.

Wagtail's database backends rank every match with a correlated query, which
takes seconds once a word is in thousands of articles; these read the same
index Wagtail maintains in one pass (``manchette.news.search`` folds the words).
"""

import functools
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from .metadata import locale_codes
from .models import ArticlePage
from .search_index import search_config
from .selectors.base import locale_id_for

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
    # The articles of one edition are indexed with its language's configuration.
    config = search_config(locale_codes().get(locale_id))
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
    if section_id is None:
        # The newest articles of the edition from one index of the page table
        # (news_page_live_newest; published_at is a copy of first_published_at).
        window_conditions = ["p.content_type_id = %s", "p.live", "p.locale_id = %s"]
        window_params: list = [content_type, locale_id]
        if since is not None:
            window_conditions.append("p.first_published_at >= %s")
            window_params.append(since)
        if until is not None:
            window_conditions.append("p.first_published_at < %s")
            window_params.append(until)
        window = (
            f"SELECT p.id::text AS id FROM {page_table} p "
            f"WHERE {' AND '.join(window_conditions)} "
            f"ORDER BY p.first_published_at DESC, p.id DESC LIMIT %s"
        )
    else:
        # A section's newest, from the article table's (section, date) index.
        window_params = [content_type, *page_params]
        window = (
            f"SELECT p.id::text AS id FROM {page_table} p "
            f"JOIN {article_table} a ON a.page_ptr_id = p.id "
            f"WHERE p.content_type_id = %s AND {pages_where} "
            f"ORDER BY a.published_at DESC, p.id DESC LIMIT %s"
        )
    # The window is materialized (2,000 rows at most), so the planner picks how
    # to meet it: a word in few articles is read from the GIN index and joined
    # by hash; a word in most of them probes the window's 2,000 entries.
    windowed = (
        f"WITH win AS MATERIALIZED ({window}) "
        f"SELECT e.object_id::integer FROM {entry_table} e "
        f"JOIN win ON win.id = e.object_id "
        f"WHERE e.content_type_id = %s AND e.body @@ {tsquery} "
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
                *window_params,
                SEARCH_WINDOW,
                content_type,
                *query_params,
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
        "manchette.news.search_index",
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
