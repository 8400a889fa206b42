"""StreamField blocks of an article body, "Lire aussi" included."""

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from manchette.core.text import plain_text

from .admin.choosers import article_chooser_viewset

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Intertitre (H2)")), ("h3", _("Sous-intertitre (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("crédit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"


# The newsroom's article chooser (newest first, by title, section and day).
ArticleChooserBlock = article_chooser_viewset.get_block_class(
    name="ArticleChooserBlock", module_path="manchette.news.blocks"
)


class ReadAlsoBlock(blocks.StructBlock):
    """A link to another article of the site, shown as ``Lire aussi : <title>``."""

    article = ArticleChooserBlock(label=_("article"))

    class Meta:
        icon = "link"
        label = _("Lire aussi")
        template = "blocks/read_also.html"

    def get_context(self, value, parent_context=None):
        """Link to the article's version in the language of the page shown, when
        there is one (a translation keeps its source's links until then).
        """
        from .editions import counterpart

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        article = value.get("article")
        if article is not None and getattr(page, "locale_id", None):
            context["value"] = {
                **value,
                "article": counterpart(article, page.locale_id),
            }
        return context


# Known providers by host (without "www."), for the card's label.
PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "m.youtube.com": "YouTube",
    "vimeo.com": "Vimeo",
    "player.vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
    "dai.ly": "Dailymotion",
    "twitter.com": "X (Twitter)",
    "x.com": "X (Twitter)",
    "instagram.com": "Instagram",
    "facebook.com": "Facebook",
    "soundcloud.com": "SoundCloud",
    "open.spotify.com": "Spotify",
    "tiktok.com": "TikTok",
    "flickr.com": "Flickr",
    "slideshare.net": "SlideShare",
    "wordpress.tv": "WordPress.tv",
    "ted.com": "TED",
    "reddit.com": "Reddit",
    "tumblr.com": "Tumblr",
    "mastodon.social": "Mastodon",
    "bsky.app": "Bluesky",
}


def embed_provider(url: str) -> str:
    """Return the name of the service a media URL belongs to (its host if unknown),
    or "" for a URL that is not http(s)."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return ""
    host = parts.hostname.lower().removeprefix("www.")
    return PROVIDERS.get(host) or host


class EmbedValue(blocks.StructValue):
    @property
    def safe_url(self) -> str:
        """The media URL if it is http(s), else "" (never a ``javascript:`` link).
        Templates must use this one: ``value.url`` is the raw stored value."""
        url = (self.get("url") or "").strip()
        return url if embed_provider(url) else ""

    @property
    def provider_name(self) -> str:
        if not self.safe_url:
            return ""
        return (self.get("provider") or "").strip() or embed_provider(self.safe_url)


class EmbedBlock(blocks.StructBlock):
    """A media of another site (video, post, sound), shown as a card linking to it.

    Nothing is fetched from the provider, neither when the page is rendered nor
    by the reader's browser before they click: no oEmbed call, no iframe, no
    third-party cookie. A value stored by Wagtail's former embed block (the URL
    alone) is read as ``{"url": …}``.
    """

    url = blocks.URLBlock(label=_("adresse (URL)"))
    provider = blocks.CharBlock(
        label=_("service"),
        required=False,
        max_length=80,
        help_text=_("Vide : déduit de l’adresse (YouTube, Vimeo…)."),
    )
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Média intégré")
        template = "blocks/embed.html"
        value_class = EmbedValue

    @staticmethod
    def _upgrade(value):
        return {"url": value} if isinstance(value, str) else value

    def to_python(self, value):
        return super().to_python(self._upgrade(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([self._upgrade(value) for value in values])


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    read_also = ReadAlsoBlock()


READ_TEXT_BLOCKS = {"paragraph", "heading", "quote"}


def body_plain_text(body) -> str:
    """Return the text a reader reads in a body StreamField, without "Lire aussi" links."""
    parts = []
    for block in body or []:
        if block.block_type == "paragraph":
            parts.append(plain_text(block.value.source))
        elif block.block_type == "heading" or block.block_type == "quote":
            parts.append(block.value["text"])
    return " ".join(part for part in parts if part)
