"""HTML sanitizing for imported and editor-supplied markup (nh3, an allow-list)."""

import nh3

# What an article body may keep: structure and light emphasis, plain links.
BODY_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sup",
    "sub",
    "a",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "cite",
}
BODY_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Return ``html`` with only the allowed tags and attributes; scripts, styles,
    event handlers and ``javascript:`` URLs are removed.
    """
    return nh3.clean(
        html or "",
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "template",
            "noscript",
        },
        link_rel=None,
        strip_comments=True,
    )
