"""Reader search helpers: query cleaning, accent folding and highlighting. No database.

The search backends only ever receive plain words: quotes, operators and FTS5
or tsquery syntax typed by a reader are dropped here, so no query can reach a
backend's parser as syntax (and fail with a 500).
"""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from manchette.core.text import normalize_arabic

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8
MIN_PREFIX = 4

_WORD = re.compile(r"\w+", re.UNICODE)
_SEGMENTS = re.compile(r"(\w+)", re.UNICODE)


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents (``Numérique`` -> ``numerique``);
    ligatures are opened (``œ`` -> ``oe``), so readers may type either form.
    Arabic loses its tashkeel and tatweel, and its alef variants, ى/ي and ة/ه
    are folded (``manchette.core.text.normalize_arabic``): both the indexed
    text (``ArticlePage.search_text_folded``) and the query go through here.
    """
    text = normalize_arabic((text or "").lower().replace("œ", "oe").replace("æ", "ae"))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_terms(query: str) -> list[str]:
    """Return the folded words of a reader's query, at most ``MAX_QUERY_TERMS``,
    without duplicates; underscores and anything that is not a letter or a digit
    are separators, so ``"a" OR b*`` gives ``["a", "or", "b"]``.
    """
    terms = []
    for word in _WORD.findall(fold((query or "")[: MAX_QUERY_LENGTH * 5])):
        for part in word.split("_"):
            if part and part not in terms:
                terms.append(part[:MAX_QUERY_LENGTH])
    return terms[:MAX_QUERY_TERMS]


# A results page folds the same few hundred words of titles and excerpts.
_fold_word = functools.lru_cache(maxsize=4096)(fold)


def _matches(word: str, terms: list[str]) -> bool:
    """True when ``word`` is a form of one of ``terms``: the same word, or (for
    words long enough) one starting with the other, so plurals and feminine
    forms (``président``/``présidentes``) are highlighted too.
    """
    folded = _fold_word(word)
    for term in terms:
        short, long = sorted((folded, term), key=len)
        if folded == term or (
            len(short) >= MIN_PREFIX
            and long.startswith(short)
            and len(long) - len(short) <= 3
        ):
            return True
    return False


def highlight(text: str, terms: list[str]) -> SafeString:
    """Return ``text`` HTML-escaped, with the words matching ``terms`` in ``<mark>``.

    Each piece of the text is escaped before any markup is added, so nothing in
    ``text`` can become HTML.
    """
    parts = []
    for index, segment in enumerate(_SEGMENTS.split(text or "")):
        escaped = escape(segment)
        if index % 2 and terms and _matches(segment, terms):
            parts.append(f"<mark>{escaped}</mark>")
        else:
            parts.append(escaped)
    # Every piece was escaped above.
    return mark_safe("".join(parts))
