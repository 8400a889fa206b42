"""Reads of published content, each a QuerySet (or list) with its joins done,
by concern: ``listings`` (what pages list), ``related`` (an article's related
box), ``api`` (the read API and feeds), ``sitemaps``; search is in
``manchette.news.search_backends``. Re-exported here for callers.
"""

from ..search_backends import article_search
from .api import (
    SECTION_TOP_DEPTH,
    article_get_public,
    article_is_live,
    article_list_filtered,
    author_get_public,
    author_list,
    section_feed_path,
    section_get_public,
    tag_get_used,
    tag_index_get,
    tag_list_used,
)
from .base import (
    CARD_FIELDS,
    CARD_RENDITIONS,
    article_cards,
    live_locale_ids,
    locale_id_for,
)
from .listings import (
    article_bylines,
    article_cards_by_ids,
    article_count,
    article_get_by_path,
    article_list_for_author,
    article_list_for_section,
    article_list_for_tag,
    article_list_latest,
    article_tags,
    page_ancestors_below_home,
    section_blocks,
    section_get_by_path,
    section_list,
    section_subtree,
    tag_list_popular,
)
from .related import RELATED_LIMIT, article_list_related
from .sitemaps import (
    news_sitemap_rows,
    sitemap_article_chunks,
    sitemap_article_rows,
    sitemap_listing_rows,
    sitemap_page_rows,
)

__all__ = [
    "CARD_FIELDS",
    "CARD_RENDITIONS",
    "RELATED_LIMIT",
    "SECTION_TOP_DEPTH",
    "article_bylines",
    "article_cards",
    "article_cards_by_ids",
    "article_count",
    "article_get_by_path",
    "article_get_public",
    "article_is_live",
    "article_list_filtered",
    "article_list_for_author",
    "article_list_for_section",
    "article_list_for_tag",
    "article_list_latest",
    "article_list_related",
    "article_search",
    "article_tags",
    "author_get_public",
    "author_list",
    "live_locale_ids",
    "locale_id_for",
    "news_sitemap_rows",
    "page_ancestors_below_home",
    "section_blocks",
    "section_feed_path",
    "section_get_by_path",
    "section_get_public",
    "section_list",
    "section_subtree",
    "sitemap_article_chunks",
    "sitemap_article_rows",
    "sitemap_listing_rows",
    "sitemap_page_rows",
    "tag_get_used",
    "tag_index_get",
    "tag_list_popular",
    "tag_list_used",
]
