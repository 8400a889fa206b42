"""Reads about translations: which pages are versions of one another."""

from django.db.models import QuerySet
from wagtail.models import Page


def translation_alternates(pages: QuerySet) -> dict[str, list[tuple[int, str]]]:
    """Return, for each page of ``pages`` that has live public translations, its
    ``url_path`` mapped to every version's ``(locale_id, url_path)``, itself
    included, by locale. Two queries' worth in one (``pages`` is a subquery).
    """
    versions = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=pages.values("translation_key"))
        .order_by("translation_key", "locale_id")
        .values_list("translation_key", "locale_id", "url_path")
    )
    groups: dict = {}
    for key, locale_id, url_path in versions:
        groups.setdefault(key, []).append((locale_id, url_path))
    return {
        url_path: group
        for group in groups.values()
        if len(group) > 1
        for _, url_path in group
    }
