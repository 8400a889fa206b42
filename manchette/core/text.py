"""Pure text helpers: word counts, reading time, excerpts, sentences. No database."""

import math
import re
import unicodedata
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import slugify

# A word is a whitespace-separated token holding at least one letter or digit,
# so punctuation standing alone (French « », –, :) is not counted.
_TOKEN = re.compile(r"\S+")
_WORDLIKE = re.compile(r"\w")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(]?[A-ZÀ-ÖØ-Þ0-9])")
_SPACES = re.compile(r"\s+")
# Characters XML 1.0 forbids: C0 controls except tab, LF and CR; lone surrogates;
# U+FFFE and U+FFFF. PostgreSQL also refuses NUL, which is among them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text):
    """Return ``text`` without the characters XML 1.0 forbids (None stays None).

    Every way text comes in (admin forms, importers) and every XML writer
    (feeds, sitemaps) passes text through here, so one control character in a
    headline can neither be stored nor break a feed.
    """
    if text is None:
        return None
    return _XML_INVALID.sub("", str(text))


def plain_text(html: str) -> str:
    """Return the visible text of an HTML fragment, whitespace collapsed."""
    text = strip_tags(html or "")
    return _SPACES.sub(" ", unescape(text).replace("\xa0", " ")).strip()


def word_count(text: str) -> int:
    """Return the number of words in plain text."""
    return sum(1 for token in _TOKEN.findall(text or "") if _WORDLIKE.search(token))


def reading_minutes(text: str, *, words_per_minute: int) -> int:
    """Return the minutes needed to read ``text``: words / rate, rounded up, at least 1.

    The rule: count the words of the text a reader reads (the body, without the
    "Lire aussi" links), divide by ``words_per_minute`` and round up. An empty
    text still reads in one minute, so the page never says 0.
    """
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    return max(1, math.ceil(word_count(text) / words_per_minute))


def excerpt(text: str, *, length: int = 140, ellipsis: str = "…") -> str:
    """Return ``text`` cut to about ``length`` characters at a word boundary, ending in "…".

    Text that already fits is returned whole, without an ellipsis.
    """
    text = _SPACES.sub(" ", text or "").strip()
    if len(text) <= length:
        return text
    cut = text[:length]
    # Prefer the last word boundary unless it would drop most of the excerpt.
    boundary = cut.rfind(" ")
    if boundary >= length * 0.6:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:.-–—(«\"'") + ellipsis


def sentences(text: str) -> list[str]:
    """Return the sentences of plain text, split after ., ! ? or … before a capital."""
    text = _SPACES.sub(" ", text or "").strip()
    if not text:
        return []
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


# Arabic spelling variants that readers type either way: short vowels and other
# marks (tashkeel, Quranic annotations), the tatweel stretching a word, the
# hamza forms of alef, alef maqsura and ta marbuta.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
# A final ه is read as ة (ta marbuta is only ever final): PostgreSQL's Arabic
# stemmer strips ة (الرقمية -> رقم) but keeps ه after the article (الرقميه).
_FINAL_HA = re.compile(r"\u0647\b")
_ARABIC = re.compile("[\u0600-\u06ff]")


def normalize_arabic(text: str) -> str:
    """Return ``text`` with Arabic spelling variants folded, for search: no
    tashkeel or tatweel, alef variants (أ إ آ ٱ) as ا, ى as ي, a final ه as ة, so
    ``الرقميّة`` and ``الرقمية``, ``إقتصاد`` and ``اقتصاد`` are the same word.
    Text without Arabic letters is returned as it is.
    """
    if not text or not _ARABIC.search(text):
        return text or ""
    return _FINAL_HA.sub(
        "\u0629", _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    )


def has_arabic(text: str) -> bool:
    """True when ``text`` holds an Arabic letter."""
    return bool(_ARABIC.search(text or ""))


def slug_for(value: str, *, max_length: int = 80) -> str:
    """Return a URL slug for ``value``: Arabic titles keep their Arabic letters
    without their tashkeel (a Unicode slug, percent-encoded on the wire as
    browsers do), any
    other title gets an ASCII slug (``ascii_slug``).
    """
    if has_arabic(value):
        value = _ARABIC_MARKS.sub("", value)
        slug = slugify(value, allow_unicode=True)[:max_length].strip("-")
        if slug:
            return slug
    return ascii_slug(value, max_length=max_length)


def ascii_slug(value: str, *, max_length: int = 80) -> str:
    """Return an ASCII slug for ``value`` (accents dropped, lowercase, hyphens)."""
    value = re.sub(r"[\s’'`´]+", " ", unicodedata.normalize("NFKD", value or ""))
    value = value.encode("ascii", "ignore").decode("ascii").lower()
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")
    return value[:max_length].strip("-")


def unique_slug(base: str, taken: set[str]) -> str:
    """Return ``base``, or ``base-2``, ``base-3``…: the first one not in ``taken``."""
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
