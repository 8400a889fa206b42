"""Pure helpers that normalise what readers type. No database."""

import re
import unicodedata

# Characters that reorder text (bidi embeddings, overrides and isolates).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters with no use in a name (zero-width space, BOM, word joiner).
INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def has_visible_text(value: str) -> bool:
    """Return True when ``value`` holds a letter, digit, punctuation or symbol."""
    return any(unicodedata.category(char)[0] in "LNPS" for char in value or "")


def has_control_chars(value: str) -> bool:
    """Return True when ``value`` holds a control character (newlines included)."""
    return any(unicodedata.category(char) == "Cc" for char in value or "")


def clean_line(value: str) -> str:
    """Return a one-line value (a name) in NFC, without invisible characters."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(char for char in value if char not in INVISIBLE)
    return " ".join(value.split())


def clean_body(value: str) -> str:
    """Return comment text in NFC with Unix newlines, control characters removed
    (tabs and newlines kept), trailing spaces and runs of blank lines trimmed.
    """
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(
        char
        for char in unicodedata.normalize("NFC", value)
        if char in "\n\t" or unicodedata.category(char) not in {"Cc", "Cs"}
    )
    value = _TRAILING_SPACE.sub("\n", value)
    return _BLANK_LINES.sub("\n\n", value).strip()


def body_fingerprint(value: str) -> str:
    """Return ``value`` reduced to compare comments for duplicates."""
    return " ".join(clean_body(value).casefold().split())
