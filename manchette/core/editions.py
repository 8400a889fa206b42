"""The site's editions: one per language (French at ``/``, Arabic at ``/ar/``,
English at ``/en/``), which of them are on, their direction and reading speed.

``settings.MANCHETTE_EDITIONS`` lists the editions that are on; ``LANGUAGES``
is built from it, so an edition that is off has no URL prefix at all. An
edition that is on but has no home page yet answers 404 too
(``manchette.news.models.HomePage.route``): a page is never served in another
language than its edition's.
"""

from django.conf import settings
from django.utils.translation import get_language_info


def editions() -> list[str]:
    """Return the language codes of the editions that are on, French first."""
    return list(settings.MANCHETTE_EDITIONS)


def edition_choices() -> list[tuple[str, str]]:
    """Return ``(code, name)`` of the editions that are on, the names in the
    active language (for the admin's forms and lists).
    """
    return [(code, edition_name(code)) for code in editions()]


def edition_name(language: str) -> str:
    """Return the name of ``language`` in the active language ("Arabe")."""
    try:
        return str(get_language_info(language)["name_translated"]).capitalize()
    except KeyError:
        return language


def is_edition(language: str | None) -> bool:
    """True when ``language`` is the code of an edition that is on."""
    return language in settings.MANCHETTE_EDITIONS


def text_direction(language: str | None) -> str:
    """Return ``"rtl"`` for a right-to-left language (Arabic), else ``"ltr"``."""
    try:
        return "rtl" if get_language_info(language or "")["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def words_per_minute(language: str | None) -> int:
    """Return the reading speed used for reading times in ``language``.

    The rule, in one place: an article's reading time is its body's words
    divided by its language's rate, rounded up, at least one minute
    (``manchette.core.text.reading_minutes``). French keeps 150 words per
    minute (the reference page reads in 3 minutes). The Arabic (105) and
    English (175) rates are French's scaled by measured reading speeds (IReST:
    French 195, Arabic 138, English 228 words per minute), so a reader of each
    edition is told the same share of their real reading speed. The rates are
    ``settings.MANCHETTE_READING_RATES`` (environment:
    ``MANCHETTE_WORDS_PER_MINUTE``, ``…_AR``, ``…_EN``); a language without
    a rate uses French's.
    """
    rates = settings.MANCHETTE_READING_RATES
    return rates.get(language or "", rates.get(settings.LANGUAGE_CODE, 150))
