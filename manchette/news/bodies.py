"""Turns sanitized HTML into article body blocks, "Lire aussi" paragraphs included."""

import re
from collections.abc import Callable
from html import escape

import lxml.html

from manchette.core.html import sanitize_html
from manchette.core.text import plain_text

READ_ALSO = re.compile(
    r"^\s*(lire aussi|à lire aussi|voir aussi)\s*[:：]", re.IGNORECASE
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
INLINE_TAGS = {"strong", "b", "em", "i", "u", "sup", "sub", "a", "br", "cite"}
RICH_TAGS = {"p", "ul", "ol"}

ArticleResolver = Callable[[str], "int | None"]
ImageResolver = Callable[[str], "int | None"]


def _outer_html(element) -> str:
    return lxml.html.tostring(element, encoding="unicode", method="html").strip()


def _rich_text(element) -> str:
    """Return an element as Wagtail rich text: bold/italic normalised, links kept external."""
    for node in element.iter():
        if node.tag == "strong":
            node.tag = "b"
        elif node.tag == "em":
            node.tag = "i"
        elif node.tag in {"u", "cite"}:
            node.drop_tag()
    html = _outer_html(element)
    # Wagtail's rich text format (and its editor) wants self-closed line breaks.
    html = _BR.sub("<br/>", html)
    if element.tag not in RICH_TAGS:
        return f"<p>{html}</p>"
    return html


def _read_also_target(element, resolve_article: ArticleResolver) -> int | None:
    """Return the article id a "Lire aussi : <a>" paragraph points at, if it is one."""
    if element.tag != "p" or not READ_ALSO.match(element.text_content() or ""):
        return None
    links = element.findall(".//a")
    if len(links) != 1 or not links[0].get("href"):
        return None
    return resolve_article(links[0].get("href"))


def _image_blocks(element, resolve_image: ImageResolver) -> list[dict]:
    """Return an ``image`` block for each ``<img>`` of ``element`` that resolves.

    The caption is the ``<figcaption>`` of a figure, else the image's ``alt``.
    """
    images = [element] if element.tag == "img" else element.findall(".//img")
    figcaption = element.find(".//figcaption") if element.tag != "img" else None
    caption = (
        figcaption.text_content().strip()
        if figcaption is not None and element.tag == "figure"
        else ""
    )
    blocks = []
    for image in images:
        image_id = resolve_image(image.get("src") or "")
        if image_id is None:
            continue
        text = caption or (image.get("alt") or "").strip()
        blocks.append(
            {
                "type": "image",
                "value": {"image": image_id, "caption": text[:300], "credit": ""},
            }
        )
    return blocks


_HTTP_URL = re.compile(r"^https?://\S+$")


def _embed_block(element) -> dict | None:
    """Return an ``embed`` block for a figure that holds a media URL and no image:
    a link (or the bare URL, as in Gutenberg's embed markup) and an optional
    caption, taken as the media's title."""
    if element.tag != "figure" or element.find(".//img") is not None:
        return None
    caption = element.find(".//figcaption")
    title = caption.text_content().strip() if caption is not None else ""
    if caption is not None:
        caption.drop_tree()
    links = element.findall(".//a")
    text = " ".join(element.text_content().split())
    if len(links) == 1:
        url = (links[0].get("href") or "").strip()
        if text not in {url, links[0].text_content().strip()}:
            return None
    elif not links:
        url = text
    else:
        return None
    if not _HTTP_URL.match(url):
        return None
    return {
        "type": "embed",
        "value": {"url": url[:2000], "provider": "", "title": title[:255]},
    }


def html_to_blocks(
    html: str,
    *,
    resolve_article: ArticleResolver | None = None,
    resolve_image: ImageResolver | None = None,
) -> list[dict]:
    """Return StreamField raw data (``[{"type", "value"}]``) for an HTML body.

    The HTML is sanitized first. Paragraphs and lists become paragraph blocks,
    ``h2``–``h6`` headings, ``blockquote`` quotes, a figure holding a media URL
    and no image (an embed) an ``embed`` block; a paragraph reading
    ``Lire aussi : <a href=URL>`` whose URL ``resolve_article`` maps to an article
    id becomes a ``read_also`` block. Loose text is wrapped in paragraphs.

    Without ``resolve_image``, images are dropped (a figure's caption is kept as
    text). With it, each ``<img>`` whose ``src`` it maps to an image id becomes an
    ``image`` block, with the figure's caption; the others are dropped.
    """
    resolve_article = resolve_article or (lambda url: None)
    clean = sanitize_html(html).strip()
    if not clean:
        return []
    blocks: list[dict] = []
    container = lxml.html.fragment_fromstring(clean, create_parent="div")
    if container.text and container.text.strip():
        blocks.append(
            {"type": "paragraph", "value": f"<p>{escape(container.text.strip())}</p>"}
        )
    for element in container:
        tail = (element.tail or "").strip()
        element.tail = None
        tag = element.tag if isinstance(element.tag, str) else ""
        text = plain_text(_outer_html(element))
        if tag in {"h2", "h3", "h4", "h5", "h6"}:
            if text:
                level = "h2" if tag == "h2" else "h3"
                blocks.append(
                    {"type": "heading", "value": {"text": text[:200], "level": level}}
                )
        elif tag == "blockquote":
            if text:
                blocks.append(
                    {"type": "quote", "value": {"text": text, "attribution": ""}}
                )
        elif tag == "figure" and (embed := _embed_block(element)) is not None:
            blocks.append(embed)
        elif tag in {"figure", "img"} and resolve_image is not None:
            found = _image_blocks(element, resolve_image)
            blocks.extend(found)
            caption = element.find(".//figcaption") if tag == "figure" else None
            if not found and caption is not None and caption.text_content().strip():
                blocks.append(
                    {
                        "type": "paragraph",
                        "value": f"<p><i>{escape(caption.text_content().strip())}</i></p>",
                    }
                )
        elif tag in {"figure", "img"}:
            # Images of wire copy and imports are handled by the importers
            # (they need files); a caption alone is kept as text.
            caption = element.find(".//figcaption")
            if caption is not None and caption.text_content().strip():
                blocks.append(
                    {
                        "type": "paragraph",
                        "value": f"<p><i>{escape(caption.text_content().strip())}</i></p>",
                    }
                )
        elif tag in INLINE_TAGS or tag in RICH_TAGS or tag == "li":
            if resolve_image is not None and element.find(".//img") is not None:
                blocks.extend(_image_blocks(element, resolve_image))
                for image in list(element.iter("img")):
                    parent = image.getparent()
                    image.drop_tree()
                    # A link that only wrapped the image goes with it.
                    if (
                        parent is not None
                        and parent is not element
                        and parent.tag == "a"
                        and len(parent) == 0
                        and not parent.text_content().strip()
                    ):
                        parent.drop_tree()
                text = plain_text(_outer_html(element))
            target = _read_also_target(element, resolve_article)
            if target is not None:
                blocks.append({"type": "read_also", "value": {"article": target}})
            elif text:
                blocks.append({"type": "paragraph", "value": _rich_text(element)})
        if tail:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(tail)}</p>"})
    return blocks
