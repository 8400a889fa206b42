"""Parses IPTC ninjs documents (1.x and 2.0) into plain dataclasses. No database."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from django.utils.dateparse import parse_datetime

from manchette.core.text import plain_text, xml_safe

# Limits checked before anything is written: the columns they end up in.
MAX_DEPTH = 20
MAX_URI = 500
MAX_KEYWORD = 100


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
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise NinjsError(
            f"« {name} » n’est pas une date ISO 8601 : {str(value)[:60]!r}"
        )
    return parsed


def _names(entries, name: str) -> list[str]:
    if entries in (None, ""):
        return []
    if not isinstance(entries, list):
        raise NinjsError(f"« {name} » doit être une liste")
    names = []
    for entry in entries:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            names.append(entry["name"])
        else:
            raise NinjsError(f"« {name} » : chaque entrée doit être un texte ou un nom")
    return names


def _clean(value, name: str = "document", depth: int = 0):
    """Return ``value`` with the XML-invalid characters (NUL, C0 controls, lone
    surrogates) stripped from every string; raise NinjsError past MAX_DEPTH levels.
    """
    if depth > MAX_DEPTH:
        raise NinjsError(
            f"« {name} » : imbrication trop profonde (plus de {MAX_DEPTH} niveaux)"
        )
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_clean(item, name, depth + 1) for item in value]
    if isinstance(value, dict):
        return {
            xml_safe(key): _clean(item, key if depth == 0 else name, depth + 1)
            for key, item in value.items()
        }
    return value


def _optional_text(document: dict, *names: str) -> str:
    """Return the first of ``names`` that is set; raise NinjsError if it is not text."""
    for name in names:
        value = document.get(name)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            raise NinjsError(f"« {name} » doit être une chaîne")
        return value
    return ""


def parse_ninjs(document) -> NinjsItem:
    """Return the item of a decoded ninjs document; raise NinjsError when it lacks a
    headline or has fields of the wrong type.
    """
    if not isinstance(document, dict):
        raise NinjsError("le document ninjs doit être un objet JSON")
    document = _clean(document)
    headline = _optional_text(document, "headline") or _first_value(
        document.get("headlines"), prefer_role="main"
    )
    if not headline.strip():
        raise NinjsError("titre manquant (« headline » ou « headlines »)")
    body_html = _optional_text(document, "body_html")
    if not body_html.strip():
        body_html = _first_value(
            document.get("bodies"), prefer_role="main", contenttype="text/html"
        )
    if not body_html:
        text = _optional_text(document, "body_text") or _first_value(
            document.get("bodies"), contenttype="text/plain"
        )
        body_html = _text_to_html(text)
    if not plain_text(body_html):
        raise NinjsError("corps manquant (« body_html », « body_text » ou « bodies »)")
    summary = _optional_text(document, "description_text") or _first_value(
        document.get("descriptions"), prefer_role="summary", contenttype="text/plain"
    )
    if not summary:
        summary = _optional_text(document, "description_html") or _first_value(
            document.get("descriptions")
        )
    keywords = _names(document.get("keywords"), "keywords")
    subjects = _names(document.get("subject"), "subject") + _names(
        document.get("subjects"), "subjects"
    )
    for keyword in keywords + subjects:
        if len(keyword.strip()) > MAX_KEYWORD:
            raise NinjsError(
                f"« keywords » : un mot-clé dépasse {MAX_KEYWORD} caractères"
            )
    byline = _optional_text(document, "byline", "by")
    uri = _optional_text(document, "uri", "guid")
    if len(uri.strip()) > MAX_URI:
        raise NinjsError(f"« uri » dépasse {MAX_URI} caractères ({len(uri.strip())})")
    language = _optional_text(document, "language")
    if len(language) > 35:
        raise NinjsError("« language » n’est pas un code de langue")
    return NinjsItem(
        uri=uri.strip(),
        headline=" ".join(headline.split())[:255],
        body_html=body_html or "",
        summary=plain_text(summary),
        keywords=list(
            dict.fromkeys(tag.strip() for tag in keywords + subjects if tag.strip())
        ),
        byline=byline.strip(),
        firstcreated=_date(document.get("firstcreated"), "firstcreated"),
        versioncreated=_date(document.get("versioncreated"), "versioncreated"),
        language=language,
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
    except RecursionError as exc:
        raise NinjsError(f"{path} : imbrication JSON trop profonde") from exc
    except json.JSONDecodeError as exc:
        raise NinjsError(
            f"{path} : JSON invalide, ligne {exc.lineno} colonne {exc.colno} ({exc.msg})"
        ) from exc
    try:
        return parse_ninjs(document)
    except NinjsError as exc:
        raise NinjsError(f"{path} : {exc}") from exc
