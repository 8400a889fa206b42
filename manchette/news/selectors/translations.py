"""Reads about translations: which pages are versions of one another."""

from django.db.models import QuerySet
from wagtail.models import Page

from manchette.core.pagecache.fragments import fragment
from manchette.core.privacy import any_view_restriction

from .base import live_locale_ids


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


def translations_tag(translation_key) -> str:
    """Return the cache tag of the versions of one page (its translation key),
    renewed when one of them is published, withdrawn, moved or deleted.
    """
    return f"translations:{translation_key}"


def page_versions(page: Page) -> list[Page]:
    """Return the live public versions of ``page`` in the other languages (plain
    pages, by locale), from the fragment cache: no query for a page whose
    versions have not changed (``translations_tag``; ``site`` for privacy).
    """
    key = page.translation_key

    def versions() -> list[Page]:
        found = Page.objects.live().filter(translation_key=key).order_by("locale_id")
        return list(found.public() if any_view_restriction() else found)

    found = fragment(f"news:versions:{key}", [translations_tag(key), "site"], versions)
    return [version for version in found if version.pk != page.pk]


def edition_homes() -> list[Page]:
    """Return the live home pages of the editions having live pages, from the
    fragment cache (``home`` is renewed when a home page changes, ``site`` when
    a language gets its first live page).
    """
    from ..models import HomePage

    return fragment(
        "news:edition-homes",
        ["site", "home"],
        lambda: list(
            HomePage.objects.live()
            .filter(locale_id__in=live_locale_ids())
            .order_by("locale_id")
        ),
    )
