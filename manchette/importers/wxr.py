"""Parses WordPress eXtended RSS (WXR 1.0–1.2) exports into dataclasses. No database.

The file is read incrementally with ``lxml.etree.iterparse``: each ``<item>`` is
turned into a :class:`WxrPost` and freed before the next one is read, so memory
stays flat whatever the size of the export. Entity expansion, DTD loading and
network access are disabled, and a document that declares a DOCTYPE (the
vehicle of XML bombs and external-entity tricks) is refused before parsing.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from django.utils import timezone
from lxml import etree

from manchette.core.text import xml_safe

PROLOG_LIMIT = 1024 * 1024
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
ZERO_DATE = "0000-00-00 00:00:00"
ENTRY_TAGS = {
    ("", "item"),
    ("wp", "author"),
    ("wp", "category"),
    ("wp", "tag"),
    ("wp", "term"),
}
CHANNEL_FIELDS = {
    ("", "title"),
    ("", "link"),
    ("", "language"),
    ("wp", "wxr_version"),
    ("wp", "base_site_url"),
    ("wp", "base_blog_url"),
}


class WxrError(ValueError):
    """A WXR file that cannot be read at all, with a message for the operator."""


class WxrItemError(ValueError):
    """One item of the export that cannot be imported (the rest goes on)."""


@dataclass
class WxrChannel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    language: str = ""


@dataclass
class WxrAuthor:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: str = ""


@dataclass
class WxrTerm:
    """A category (``kind="category"``) or a tag (``kind="tag"``)."""

    kind: str
    slug: str
    name: str = ""
    parent: str = ""
    description: str = ""
    wp_id: str = ""


@dataclass
class WxrComment:
    wp_id: str
    author: str = ""
    email: str = ""
    url: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent: str = "0"


@dataclass
class WxrPost:
    """An ``<item>``: a post, a page, an attachment or anything else WordPress stores."""

    wp_id: str
    post_type: str = "post"
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: str = "0"
    is_sticky: bool = False
    comment_status: str = ""
    password: str = ""
    attachment_url: str = ""
    categories: list[WxrTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[WxrComment] = field(default_factory=list)
    line: int = 0


WxrEntry = WxrChannel | WxrAuthor | WxrTerm | WxrPost


_TAG_NAMES: dict[str, tuple[str, str]] = {}


def _split(tag) -> tuple[str, str]:
    """Return (short namespace name, local name) of a tag: ``("wp", "post_id")``.

    The namespace is named by what it is, whatever its WXR version
    (``http://wordpress.org/export/1.1/`` and ``/1.2/`` are both "wp").
    Cached: an export has a few dozen distinct tags and millions of elements.
    """
    if not isinstance(tag, str):
        return ("", "")
    found = _TAG_NAMES.get(tag)
    if found is not None:
        return found
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        # WordPress.com writes its namespaces with https (the theme unit test
        # data does): same names.
        bare = uri.removeprefix("https://").removeprefix("http://")
        if bare.startswith("wordpress.org/export/"):
            prefix = "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
        elif bare.startswith("purl.org/rss/1.0/modules/content"):
            prefix = "content"
        elif bare.startswith("purl.org/dc/elements"):
            prefix = "dc"
        else:
            prefix = "other"
    else:
        prefix, local = "", tag
    _TAG_NAMES[tag] = (prefix, local)
    return prefix, local


def _local(tag) -> str:
    return _split(tag)[1]


def _prefix(tag) -> str:
    """Return a short name for the namespace of ``tag`` (wp, content, excerpt, dc)."""
    return _split(tag)[0]


def _text(element) -> str:
    return xml_safe(element.text or "").strip() if element is not None else ""


def _raw(element) -> str:
    return xml_safe(element.text or "") if element is not None else ""


def _children(element) -> dict[str, etree._Element]:
    """Return the first child element of each ``prefix:localname`` of ``element``."""
    found = {}
    for child in element:
        prefix, local = _split(child.tag)
        found.setdefault(f"{prefix}:{local}", child)
    return found


def _check_prolog(path: Path) -> None:
    """Refuse a file whose prolog declares a DOCTYPE or entities."""
    with open(path, "rb") as handle:
        head = b""
        while len(head) < PROLOG_LIMIT:
            chunk = handle.read(65536)
            if not chunk:
                break
            head += chunk
            start = _ROOT_START.search(head)
            if start:
                head = head[: start.start()]
                break
    if _DOCTYPE.search(head):
        raise WxrError(
            "the file declares a DOCTYPE or entities (a possible XML bomb or "
            "external-entity attack): refused. A WordPress export never has one."
        )


def _author(element) -> WxrAuthor:
    c = _children(element)
    return WxrAuthor(
        login=_text(c.get("wp:author_login")),
        display_name=_text(c.get("wp:author_display_name")),
        email=_text(c.get("wp:author_email")),
        first_name=_text(c.get("wp:author_first_name")),
        last_name=_text(c.get("wp:author_last_name")),
        wp_id=_text(c.get("wp:author_id")),
    )


def _category(element) -> WxrTerm:
    c = _children(element)
    return WxrTerm(
        kind="category",
        slug=_text(c.get("wp:category_nicename")),
        name=_text(c.get("wp:cat_name")),
        parent=_text(c.get("wp:category_parent")),
        description=_text(c.get("wp:category_description")),
        wp_id=_text(c.get("wp:term_id")),
    )


def _tag(element) -> WxrTerm:
    c = _children(element)
    return WxrTerm(
        kind="tag",
        slug=_text(c.get("wp:tag_slug")),
        name=_text(c.get("wp:tag_name")),
        description=_text(c.get("wp:tag_description")),
        wp_id=_text(c.get("wp:term_id")),
    )


def _term(element) -> WxrTerm | None:
    """Return a ``<wp:term>`` (WXR 1.2) when it is a category or a tag."""
    c = _children(element)
    taxonomy = _text(c.get("wp:term_taxonomy"))
    kind = {"category": "category", "post_tag": "tag"}.get(taxonomy)
    if kind is None:
        return None
    return WxrTerm(
        kind=kind,
        slug=_text(c.get("wp:term_slug")),
        name=_text(c.get("wp:term_name")),
        parent=_text(c.get("wp:term_parent")),
        description=_text(c.get("wp:term_description")),
        wp_id=_text(c.get("wp:term_id")),
    )


def _comment(element) -> WxrComment:
    c = _children(element)
    return WxrComment(
        wp_id=_text(c.get("wp:comment_id")),
        author=_text(c.get("wp:comment_author")),
        email=_text(c.get("wp:comment_author_email")),
        url=_text(c.get("wp:comment_author_url")),
        date=_text(c.get("wp:comment_date")),
        date_gmt=_text(c.get("wp:comment_date_gmt")),
        content=_raw(c.get("wp:comment_content")),
        approved=_text(c.get("wp:comment_approved")) or "0",
        type=_text(c.get("wp:comment_type")),
        parent=_text(c.get("wp:comment_parent")) or "0",
    )


def _post(element) -> WxrPost:
    c = _children(element)
    post = WxrPost(
        wp_id=_text(c.get("wp:post_id")),
        post_type=_text(c.get("wp:post_type")) or "post",
        title=_text(c.get(":title")),
        link=_text(c.get(":link")),
        guid=_text(c.get(":guid")),
        creator=_text(c.get("dc:creator")),
        content=_raw(c.get("content:encoded")),
        excerpt=_raw(c.get("excerpt:encoded")),
        post_date=_text(c.get("wp:post_date")),
        post_date_gmt=_text(c.get("wp:post_date_gmt")),
        post_modified=_text(c.get("wp:post_modified")),
        post_modified_gmt=_text(c.get("wp:post_modified_gmt")),
        post_name=_text(c.get("wp:post_name")),
        status=_text(c.get("wp:status")),
        post_parent=_text(c.get("wp:post_parent")) or "0",
        is_sticky=_text(c.get("wp:is_sticky")) == "1",
        comment_status=_text(c.get("wp:comment_status")),
        password=_text(c.get("wp:post_password")),
        attachment_url=_text(c.get("wp:attachment_url")),
        line=element.sourceline or 0,
    )
    for child in element:
        prefix, name = _split(child.tag)
        if prefix == "" and name == "category":
            domain = child.get("domain", "")
            kind = {"category": "category", "post_tag": "tag"}.get(domain)
            if kind:
                post.categories.append(
                    WxrTerm(
                        kind=kind, slug=child.get("nicename", ""), name=_text(child)
                    )
                )
        elif prefix == "wp" and name == "postmeta":
            meta = _children(child)
            key = _text(meta.get("wp:meta_key"))
            if key:
                post.meta[key] = _raw(meta.get("wp:meta_value"))
        elif prefix == "wp" and name == "comment":
            post.comments.append(_comment(child))
    return post


def _free(element) -> None:
    """Drop ``element`` and the siblings already read, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def iter_wxr(path: Path | str) -> Iterator[WxrEntry]:
    """Yield the channel, then authors, terms and items of a WXR file, in file order.

    Raise :class:`WxrError` (with the line and column) when the file is not
    well-formed XML, is not a WordPress export, or declares a DOCTYPE.
    """
    path = Path(path)
    try:
        _check_prolog(path)
    except OSError as exc:
        raise WxrError(f"{path}: cannot read the file ({exc.strerror})") from exc
    context = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    channel = WxrChannel()
    channel_sent = False
    depth = 0
    in_item = False
    seen_root = False
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if not seen_root:
                    seen_root = True
                    docinfo = element.getroottree().docinfo
                    if docinfo.doctype or docinfo.internalDTD is not None:
                        raise WxrError(
                            "the file declares a DOCTYPE (a possible XML bomb or "
                            "external-entity attack): refused."
                        )
                    if _local(element.tag) != "rss":
                        raise WxrError(
                            f"not a WordPress export: the root element is "
                            f"<{_local(element.tag)}>, not <rss>"
                        )
                if _local(element.tag) == "item" and depth == 3:
                    in_item = True
                continue
            depth -= 1
            if in_item and depth > 2:
                continue
            name = _local(element.tag)
            prefix = _prefix(element.tag)
            if depth == 2 and not channel_sent and ((prefix, name) in ENTRY_TAGS):
                # The channel's own fields come before its first entry.
                channel_sent = True
                yield channel
            if depth == 2 and name == "item" and prefix == "":
                in_item = False
                yield _post(element)
                _free(element)
            elif depth == 2 and prefix == "wp" and name == "author":
                yield _author(element)
                _free(element)
            elif depth == 2 and prefix == "wp" and name == "category":
                yield _category(element)
                _free(element)
            elif depth == 2 and prefix == "wp" and name == "tag":
                yield _tag(element)
                _free(element)
            elif depth == 2 and prefix == "wp" and name == "term":
                term = _term(element)
                if term is not None:
                    yield term
                _free(element)
            elif depth == 2 and not channel_sent and (prefix, name) in CHANNEL_FIELDS:
                setattr(channel, name, _text(element))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, exc.offset)
        message = str(exc.msg or exc).split(", line ")[0]
        raise WxrError(
            f"{path}: invalid XML at line {line}, column {column}: {message}"
        ) from exc
    if not seen_root:
        raise WxrError(f"{path}: the file is empty")
    if not channel_sent:
        yield channel


def parse_wp_date(value: str, *, gmt: str = "", tz: tzinfo) -> datetime | None:
    """Return an aware datetime for a WordPress date pair.

    ``gmt`` (``post_date_gmt``) wins when set; otherwise the local ``value`` is
    read in ``tz``, the export's time zone. Empty or zero dates give None; a date
    that cannot be read raises :class:`WxrItemError`.
    """
    if gmt and gmt != ZERO_DATE:
        try:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError as exc:
            raise WxrItemError(f"unreadable date {gmt!r}") from exc
    if not value or value == ZERO_DATE:
        return None
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError as exc:
        raise WxrItemError(f"unreadable date {value!r}") from exc
    return timezone.make_aware(naive, tz)
