from django.db import models
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    """A reader's comment on an article; only approved ones are shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        APPROVED = "approved", _("Approuvé")
        REJECTED = "rejected", _("Rejeté")
        SPAM = "spam", _("Indésirable")

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("réponse à"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author_name = models.CharField(_("nom"), max_length=100)
    author_email = models.EmailField(_("e-mail"), max_length=254)
    author_url = models.URLField(_("site web"), max_length=300, blank=True)
    body = models.TextField(_("commentaire"))
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("date"), db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Where an imported comment came from (e.g. "wxr:<site>:<comment_id>").
    source_id = models.CharField(
        max_length=200, blank=True, db_index=True, editable=False
    )

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self):
        return f"{self.author_name} — {self.body[:40]}"
