"""Text helpers of the imports: summaries, bylines, comment text, fingerprints."""

import hashlib
import re

from django.conf import settings

from manchette.core.text import excerpt, plain_text, reading_minutes, sentences

BYLINE_PREFIX = re.compile(r"^\s*(par|by)\s+", re.IGNORECASE)
BYLINE_SPLIT = re.compile(r"\s*(?:,|;|\bet\b|\band\b|&)\s*", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)


def summary_from(text: str, *, max_sentences: int = 2, max_chars: int = 400) -> str:
    """Return the first sentences of ``text`` as an "En bref" (at most three sentences)."""
    picked = []
    for sentence in sentences(text)[:max_sentences]:
        if picked and len(" ".join([*picked, sentence])) > max_chars:
            break
        picked.append(sentence)
    return " ".join(picked)[:max_chars]


def byline_names(byline: str) -> list[str]:
    """Return the people named in a byline such as "Par A. Auteur et B. Autrice"."""
    byline = BYLINE_PREFIX.sub("", byline or "")
    return [name.strip() for name in BYLINE_SPLIT.split(byline) if name.strip()][:5]


def comment_text(html: str) -> str:
    """Return a comment's HTML as plain text, paragraphs and line breaks kept."""
    text = _BR.sub("\n", html or "")
    lines = [plain_text(line) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def blocks_reading_minutes(blocks: list[dict]) -> int:
    """Return the reading time of raw body blocks, by the rule of
    ``ArticlePage.compute_reading_minutes`` (without building the StreamField)."""
    parts = []
    for block in blocks:
        if block["type"] == "paragraph":
            parts.append(plain_text(block["value"]))
        elif block["type"] in {"heading", "quote"}:
            parts.append(block["value"]["text"])
    return reading_minutes(
        " ".join(part for part in parts if part),
        words_per_minute=settings.MANCHETTE_WORDS_PER_MINUTE,
    )


def fingerprint(*parts) -> str:
    """Return a hash of ``parts``: an item whose hash did not change is skipped."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def title_or_fallback(title: str, html: str, *, fallback: str) -> str:
    """Return ``title`` tidied, else the start of the text, else ``fallback``."""
    title = " ".join((title or "").split())
    if title:
        return title[:255]
    text = plain_text(html)
    return excerpt(text, length=80) if text else fallback
