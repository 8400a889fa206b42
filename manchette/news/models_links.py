"""The ordered links between pages: bylines, related articles, front-page picks.

Imported at the end of ``models.py``, whose page models they point at.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .models import ArticlePage, AuthorPage, HomePage


class ArticlePageAuthor(Orderable):
    page = ParentalKey(
        ArticlePage, related_name="article_authors", on_delete=models.CASCADE
    )
    author = models.ForeignKey(
        AuthorPage, verbose_name=_("auteur"), on_delete=models.CASCADE, related_name="+"
    )
    # The article's ``published_at``, as on ArticlePageTag: an author's page
    # lists their articles from this table's index alone.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")
        indexes = [
            models.Index(
                fields=["author", "published_at", "page"],
                name="news_author_published",
            )
        ]


class ArticlePageRelated(Orderable):
    page = ParentalKey(
        ArticlePage, related_name="related_links", on_delete=models.CASCADE
    )
    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("article lié")
        verbose_name_plural = _("articles liés")


class HomePagePick(Orderable):
    """An article the editors put "À la une" on the home page, in their order."""

    page = ParentalKey(HomePage, related_name="front_picks", on_delete=models.CASCADE)
    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("article à la une")
        verbose_name_plural = _("articles à la une")
