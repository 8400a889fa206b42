"""Wagtail's PostgreSQL search backend, with one text-search configuration per
edition: a page is indexed with its own language's configuration (``french``,
``arabic``, ``english``), so each edition's words are stemmed by the rules of
its language ("elections" finds "election" in English, "الانتخابات" finds
"الانتخاب" in Arabic).

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "manchette.news.search_index",
        "SEARCH_CONFIG": "french",  # pages without a language of their own
        "LANGUAGE_CONFIGS": {"fr": "french", "ar": "arabic", "en": "english"},
    }}

Readers search one edition (``manchette.news.search_backends``), with that
edition's configuration (``search_config``). Wagtail's own searches (the admin)
cover every language, so their query is the union of the query in each
configuration.
"""

from functools import reduce

from django.conf import settings
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from .metadata import locale_codes


def search_config(language: str | None) -> str | None:
    """Return the PostgreSQL text-search configuration for pages in ``language``
    (the backend's ``SEARCH_CONFIG`` for a language without one of its own).
    """
    params = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    configs = params.get("LANGUAGE_CONFIGS") or {}
    return configs.get(language or "", params.get("SEARCH_CONFIG"))


def _all_configs() -> list[str]:
    params = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    configs = [
        params.get("SEARCH_CONFIG"),
        *(params.get("LANGUAGE_CONFIGS") or {}).values(),
    ]
    return list(dict.fromkeys(config for config in configs if config))


class EditionsIndex(PostgresIndex):
    """Indexes each object with the configuration of its locale's language."""

    def add_items(self, model, objs):
        groups: dict[str | None, list] = {}
        codes = locale_codes()
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            config = self.backend.language_configs.get(
                codes.get(locale_id), self.backend.config
            )
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class EditionsQueryCompiler(PostgresSearchQueryCompiler):
    """Matches a query written in any of the editions' languages."""

    def build_tsquery(self, query, config=None):
        queries = [
            super(EditionsQueryCompiler, self).build_tsquery(query, config=other)
            for other in _all_configs() or [config]
        ]
        queries = [tsquery for tsquery in queries if tsquery is not None]
        return reduce(lambda a, b: a | b, queries) if queries else None


class EditionsSearchBackend(PostgresSearchBackend):
    index_class = EditionsIndex
    query_compiler_class = EditionsQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS") or {})
        self.config_backends: dict[str | None, PostgresSearchBackend] = {}

    def with_config(self, config: str | None) -> PostgresSearchBackend:
        """Return Wagtail's backend indexing with ``config``."""
        if config not in self.config_backends:
            self.config_backends[config] = PostgresSearchBackend(
                {**self.params, "SEARCH_CONFIG": config}
            )
        return self.config_backends[config]


SearchBackend = EditionsSearchBackend
