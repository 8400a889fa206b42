"""Parses IPTC ninjs documents (1.x and 2.0) into plain dataclasses. No database."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from django.utils.dateparse import parse_datetime

from manchette.core.text import plain_text


class NinjsError(ValueError):
    """A ninjs document that cannot be imported, with a message for the operator."""


@dataclass
class NinjsItem:
    uri: str
    headline: str
    body_html: str
    summary: str
    keywords: list[str] = field(default_factory=list)
    byline: str = ""
    firstcreated: datetime | None = None
    versioncreated: datetime | None = None
    language: str = ""


def _first_value(
    entries, *, prefer_role: str | None = None, contenttype: str | None = None
) -> str:
    """Return the ``value`` of the first matching entry of a ninjs 2.0 list."""
    if not isinstance(entries, list):
        return ""
    candidates = [
        entry
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("value"), str)
    ]
    if contenttype:
        typed = [
            entry
            for entry in candidates
            if entry.get("contenttype", contenttype) == contenttype
        ]
        candidates = typed or candidates
    if prefer_role:
        preferred = [entry for entry in candidates if entry.get("role") == prefer_role]
        candidates = preferred or candidates
    return candidates[0]["value"] if candidates else ""


def _text_to_html(text: str) -> str:
    paragraphs = [
        part.strip()
        for part in text.replace("\r\n", "\n").split("\n\n")
        if part.strip()
    ]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def _date(value, name: str) -> datetime | None:
    if value in (None, ""):
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise NinjsError(
            f"« {name} » n’est pas une date ISO 8601 : {str(value)[:60]!r}"
        )
    return parsed


def _names(entries) -> list[str]:
    names = []
    for entry in entries or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            names.append(entry["name"])
    return names


def parse_ninjs(document) -> NinjsItem:
    """Return the item of a decoded ninjs document; raise NinjsError when it lacks a
    headline or has fields of the wrong type.
    """
    if not isinstance(document, dict):
        raise NinjsError("le document ninjs doit être un objet JSON")
    headline = document.get("headline") or _first_value(
        document.get("headlines"), prefer_role="main"
    )
    if not isinstance(headline, str) or not headline.strip():
        raise NinjsError("titre manquant (« headline » ou « headlines »)")
    body_html = document.get("body_html")
    if not isinstance(body_html, str) or not body_html.strip():
        body_html = _first_value(
            document.get("bodies"), prefer_role="main", contenttype="text/html"
        )
    if not body_html:
        text = document.get("body_text") or _first_value(
            document.get("bodies"), contenttype="text/plain"
        )
        body_html = _text_to_html(text) if isinstance(text, str) else ""
    summary = document.get("description_text") or _first_value(
        document.get("descriptions"), prefer_role="summary", contenttype="text/plain"
    )
    if not summary:
        summary = document.get("description_html") or _first_value(
            document.get("descriptions")
        )
    keywords = [
        value for value in document.get("keywords") or [] if isinstance(value, str)
    ]
    subjects = _names(document.get("subject")) + _names(document.get("subjects"))
    byline = document.get("byline") or document.get("by") or ""
    uri = document.get("uri") or document.get("guid") or ""
    if not isinstance(uri, str):
        raise NinjsError("« uri » doit être une chaîne")
    return NinjsItem(
        uri=uri.strip(),
        headline=" ".join(headline.split())[:255],
        body_html=body_html or "",
        summary=plain_text(summary) if isinstance(summary, str) else "",
        keywords=list(
            dict.fromkeys(tag.strip() for tag in keywords + subjects if tag.strip())
        ),
        byline=byline.strip() if isinstance(byline, str) else "",
        firstcreated=_date(document.get("firstcreated"), "firstcreated"),
        versioncreated=_date(document.get("versioncreated"), "versioncreated"),
        language=document.get("language")
        if isinstance(document.get("language"), str)
        else "",
    )


def load_ninjs_file(path: Path) -> NinjsItem:
    """Return the item of a ninjs file; raise NinjsError naming the file on bad input."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise NinjsError(f"{path} : lecture impossible ({exc.strerror})") from exc
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise NinjsError(f"{path} : le fichier n’est pas en UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise NinjsError(
            f"{path} : JSON invalide, ligne {exc.lineno} colonne {exc.colno} ({exc.msg})"
        ) from exc
    try:
        return parse_ninjs(document)
    except NinjsError as exc:
        raise NinjsError(f"{path} : {exc}") from exc
