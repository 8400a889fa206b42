"""Reads per article and hour, for the audience report: kept 48 hours.

The daily totals (``ArticleReadCount``) are kept 400 days. Neither holds
anything about the reader.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleReadHour(models.Model):
    """Reads of an article during one hour (its start, UTC)."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    hour = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("lectures d’un article par heure")
        verbose_name_plural = _("lectures des articles par heure")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour"], name="newsletter_read_per_hour"
            )
        ]
        indexes = [models.Index(fields=["hour"], name="newsletter_read_hour")]

    def __str__(self):
        return f"{self.article_id} {self.hour:%Y-%m-%d %H}h: {self.count}"
