"""StreamField blocks of an article body, "Lire aussi" included."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from manchette.core.text import plain_text

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


class ReadAlsoBlock(blocks.StructBlock):
    """A link to another article of the site, shown as ``Lire aussi : <title>``."""

    article = blocks.PageChooserBlock(label=_("article"), page_type="news.ArticlePage")

    class Meta:
        icon = "link"
        label = _("Lire aussi")
        template = "blocks/read_also.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Média intégré"), icon="media", template="blocks/embed.html"
    )
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
