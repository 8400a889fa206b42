"""Turns WordPress post content into plain HTML: blocks, shortcodes, wpautop. No database.

The output still has to be sanitized (``html_to_blocks`` does it); these
functions only undo WordPress's own conventions so that the sanitizer sees
ordinary paragraphs, figures and links.
"""

import json
import re
from collections.abc import Callable
from html import escape, unescape

AttachmentUrl = Callable[[str], "str | None"]

ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li"
    r"|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend"
    r"|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details"
    r"|menu|summary)"
)
_BLOCK_OPEN = re.compile(r"(<" + ALLBLOCKS + r"[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"(</" + ALLBLOCKS + r">)", re.IGNORECASE)
_BLOCK_TAG = r"(</?" + ALLBLOCKS + r"[^>]*>)"
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)

_GUTENBERG_EMBED = re.compile(
    r"<!--\s*wp:(?:core-embed/[\w-]+|embed)\s+(\{.*?\})\s*/?-->.*?"
    r"<!--\s*/wp:(?:core-embed/[\w-]+|embed)\s*-->",
    re.DOTALL,
)
_GUTENBERG_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_MORE = re.compile(r"<!--\s*(more|nextpage|noteaser)\b.*?-->", re.IGNORECASE)

_ATTRS = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_CAPTION = re.compile(
    r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL
)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.IGNORECASE)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_MEDIA = re.compile(
    r"\[(audio|video|playlist)([^\]]*)\](?:.*?\[/\1\])?", re.IGNORECASE | re.DOTALL
)
_ENCLOSED = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*)?\](.*?)\[/\1\]", re.DOTALL)
_OPENING_WITH_ATTRS = re.compile(r"\[/?[a-zA-Z][\w-]*\s+[\w-]+\s*=[^\]]*\]")
_SELF_CLOSING = re.compile(r"\[[a-zA-Z][\w-]*(\s[^\]]*)?/\]")
_KNOWN_NAMES = re.compile(
    r"\[/?(?:caption|wp_caption|gallery|embed|audio|video|playlist|contact-form(?:-7)?"
    r"|vc_[\w-]+|et_pb_[\w-]+|fusion_[\w-]+|su_[\w-]+|av_[\w-]+|row|column|col"
    r"|one_half|one_third|two_third|one_fourth|three_fourth|button|tweet|soundcloud"
    r"|youtube|vimeo|googlemaps|instagram|facebook|twitter|ad|adsense|sharethis"
    r"|wpdm_[\w-]+|ngg[\w-]*|recent-posts|toc|fb_[\w-]+|smart_[\w-]+)\b[^\]]*\]",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]+>")
_ESCAPED = re.compile(r"\[\[([^\[\]]+)\]\]")
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.MULTILINE)
_FIGURE = re.compile(r"<figure\b.*?</figure>", re.IGNORECASE | re.DOTALL)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.IGNORECASE)


def shortcode_attrs(text: str) -> dict[str, str]:
    """Return the ``key="value"`` attributes of a shortcode's opening tag."""
    return {
        match.group(1).lower(): next(
            value for value in match.groups()[1:] if value is not None
        )
        for match in _ATTRS.finditer(text or "")
    }


def _link(url: str) -> str:
    url = url.strip()
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'


def _embed(url: str, title: str = "") -> str:
    """Return a media embed as a figure holding only a link (and its title as the
    caption), which ``html_to_blocks`` turns into an embed block."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        return f"\n\n<p>{escape(url)}</p>\n\n" if url else ""
    caption = f"<figcaption>{escape(title)}</figcaption>" if title.strip() else ""
    return (
        f'\n\n<figure><a href="{escape(url)}">{escape(url)}</a>{caption}</figure>\n\n'
    )


def _caption(match: re.Match) -> str:
    attrs = shortcode_attrs(match.group(2))
    inner = match.group(3)
    images = _LINKED_IMG.sub(r"\1", inner)
    image = _IMG.search(images)
    caption = attrs.get("caption", "")
    if image:
        caption = (images[: image.start()] + images[image.end() :]).strip() or caption
        return f"\n\n<figure>{image.group(0)}<figcaption>{caption}</figcaption></figure>\n\n"
    return f"<p>{inner.strip()}</p>" if inner.strip() else ""


def _gallery(match: re.Match, attachment_url: AttachmentUrl | None) -> str:
    ids = [
        part.strip()
        for part in shortcode_attrs(match.group(1)).get("ids", "").split(",")
        if part.strip()
    ]
    figures = []
    for wp_id in ids:
        url = attachment_url(wp_id) if attachment_url else None
        if url:
            figures.append(f'<figure><img src="{escape(url)}" alt=""></figure>')
    return "\n\n" + "\n\n".join(figures) + "\n\n" if figures else ""


def _media(match: re.Match) -> str:
    attrs = shortcode_attrs(match.group(2))
    for key in ("src", "mp4", "mp3", "m4a", "ogg", "webm", "wav"):
        if attrs.get(key, "").startswith(("http://", "https://")):
            return _link(attrs[key])
    return ""


_FIGCAPTION = re.compile(
    r"<figcaption[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL
)


def _embed_url(match: re.Match) -> str:
    try:
        url = json.loads(match.group(1)).get("url", "")
    except (ValueError, AttributeError):
        url = ""
    if url.startswith("//"):
        url = "https:" + url
    caption = _FIGCAPTION.search(match.group(0))
    title = " ".join(_TAGS.sub(" ", caption.group(1)).split()) if caption else ""
    return _embed(url, unescape(title))


def strip_block_comments(text: str) -> str:
    """Return ``text`` without Gutenberg's ``<!-- wp:… -->`` comments (embeds become links)."""
    text = _GUTENBERG_EMBED.sub(_embed_url, text or "")
    text = _GUTENBERG_COMMENT.sub("", text)
    return _MORE.sub("", text)


def render_shortcodes(text: str, *, attachment_url: AttachmentUrl | None = None) -> str:
    """Return ``text`` with shortcodes converted or removed.

    ``[caption]`` becomes a ``<figure>`` with its caption; ``[gallery ids=…]`` one
    figure per image ``attachment_url`` knows; ``[embed]URL[/embed]``, ``[video]``
    and ``[audio]`` a link; any other shortcode is unwrapped (its content kept) or
    removed. A bracketed word that is not a shortcode (``[sic]``) stays.
    """
    text = text or ""
    escaped: list[str] = []

    def keep(match: re.Match) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = _ESCAPED.sub(keep, text)
    text = _CAPTION.sub(_caption, text)
    text = _GALLERY.sub(lambda match: _gallery(match, attachment_url), text)
    text = _EMBED.sub(lambda match: _embed(match.group(1)), text)
    text = _MEDIA.sub(_media, text)
    for _ in range(5):
        unwrapped = _ENCLOSED.sub(lambda match: match.group(3), text)
        if unwrapped == text:
            break
        text = unwrapped
    text = _OPENING_WITH_ATTRS.sub("", text)
    text = _SELF_CLOSING.sub("", text)
    text = _KNOWN_NAMES.sub("", text)
    return re.sub(
        r"\x00(\d+)\x00", lambda match: f"[{escaped[int(match.group(1))]}]", text
    )


def wpautop(text: str, *, br: bool = True) -> str:
    """Return ``text`` with double line breaks turned into paragraphs, like WordPress.

    A port of WordPress's ``wpautop()``: block-level tags are left alone, blank
    lines separate paragraphs and single line breaks become ``<br />``.
    """
    if not (text or "").strip():
        return ""
    pre_blocks: list[str] = []

    def protect(match: re.Match) -> str:
        pre_blocks.append(match.group(0))
        return f"<pre wp-pre-tag-{len(pre_blocks) - 1}></pre>"

    text = _PRE.sub(protect, text + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.IGNORECASE)
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = re.sub(r"<hr\s*?/?>", "<hr />\n\n", text, flags=re.IGNORECASE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = re.split(r"\n\s*\n", text)
    text = "".join(
        "<p>" + part.strip("\n") + "</p>\n" for part in paragraphs if part.strip()
    )
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*" + _BLOCK_TAG + r"\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(
        r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE
    )
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*" + _BLOCK_TAG, r"\1", text)
    text = re.sub(_BLOCK_TAG + r"\s*</p>", r"\1", text)
    if br:
        text = re.sub(r"<br\s*/?>", "<br />", text, flags=re.IGNORECASE)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(_BLOCK_TAG + r"\s*<br />", r"\1", text)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    for index, block in enumerate(pre_blocks):
        text = text.replace(f"<pre wp-pre-tag-{index}></pre>", block)
    return text.strip()


def has_blocks(text: str) -> bool:
    """Return True when ``text`` was written in the block editor (Gutenberg)."""
    return "<!-- wp:" in (text or "")


def wp_content_to_html(
    text: str, *, attachment_url: AttachmentUrl | None = None
) -> str:
    """Return post content as plain HTML: block comments removed, shortcodes
    rendered, and classic-editor line breaks made into paragraphs (Gutenberg
    content already has its paragraphs, as in WordPress).
    """
    text = text or ""
    gutenberg = has_blocks(text)
    text = strip_block_comments(text)
    text = render_shortcodes(text, attachment_url=attachment_url)
    text = _BARE_URL_LINE.sub(lambda match: _embed(match.group(1)), text)
    if gutenberg:
        return text.strip()
    # Figures are whole blocks: keep wpautop from splitting them at <figcaption>.
    figures: list[str] = []

    def protect(match: re.Match) -> str:
        figures.append(match.group(0))
        return f"\n\n<hr wp-figure-{len(figures) - 1}>\n\n"

    text = wpautop(_FIGURE.sub(protect, text))
    for index, figure in enumerate(figures):
        text = text.replace(f"<hr wp-figure-{index}>", figure)
    return text
