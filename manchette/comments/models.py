from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def close_after_days_default() -> int:
    """Return the default number of days comments stay open (a setting)."""
    return settings.MANCHETTE_COMMENTS_CLOSE_AFTER_DAYS


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
    # Never published; blank once the commenter has been forgotten.
    author_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    author_url = models.URLField(_("site web"), max_length=300, blank=True)
    body = models.TextField(_("commentaire"))
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("date"), db_index=True, default=timezone.now)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Where an imported comment came from (e.g. "wxr:<site>:<comment_id>").
    source_id = models.CharField(
        max_length=200, blank=True, db_index=True, editable=False
    )
    # Why the rules held the comment for moderation (shown to moderators).
    moderation_reason = models.CharField(
        _("motif de modération"), max_length=200, blank=True, editable=False
    )
    # When editors were told about this pending comment (batched e-mails).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["author_email", "status"]),
        ]

    def __str__(self):
        return f"{self.author_name} — {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.article.url}#commentaire-{self.pk}"

    @property
    def excerpt(self) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= 120 else text[:119] + "…"

    excerpt.fget.short_description = _("commentaire")


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """The moderation rules, edited in Paramètres › Commentaires."""

    close_after_days = models.PositiveIntegerField(
        _("fermer les commentaires après (jours)"),
        default=close_after_days_default,
        help_text=_(
            "Les commentaires d’un article ferment ce nombre de jours après sa "
            "publication ; 0 : jamais."
        ),
    )
    moderate_all = models.BooleanField(
        _("modérer tous les commentaires"),
        default=False,
        help_text=_("Chaque commentaire attend l’approbation d’un modérateur."),
    )
    trust_previously_approved = models.BooleanField(
        _("approuver les auteurs déjà approuvés"),
        default=True,
        help_text=_(
            "Un commentaire est publié aussitôt si son adresse e-mail a déjà un "
            "commentaire approuvé ; sinon il attend la modération."
        ),
    )
    max_links = models.PositiveIntegerField(
        _("nombre de liens autorisés"),
        default=1,
        help_text=_(
            "Au-delà de ce nombre de liens, un commentaire attend la modération."
        ),
    )
    moderation_keys = models.TextField(
        _("mots à modérer"),
        blank=True,
        help_text=_(
            "Un mot ou une expression par ligne : un commentaire qui en contient un "
            "(texte, nom, site web ou e-mail) attend la modération."
        ),
    )
    disallowed_keys = models.TextField(
        _("mots interdits"),
        blank=True,
        help_text=_(
            "Un mot ou une expression par ligne : un commentaire qui en contient un "
            "est classé indésirable, sans le dire à son auteur."
        ),
    )
    notify_emails = models.TextField(
        _("adresses à prévenir"),
        blank=True,
        help_text=_(
            "Une adresse par ligne, en plus des utilisateurs qui peuvent modérer ; "
            "ils reçoivent un e-mail groupé quand des commentaires attendent."
        ),
    )

    panels = [
        FieldPanel("close_after_days"),
        MultiFieldPanel(
            [
                FieldPanel("moderate_all"),
                FieldPanel("trust_previously_approved"),
                FieldPanel("max_links"),
                FieldPanel("moderation_keys"),
                FieldPanel("disallowed_keys"),
            ],
            heading=_("Règles de modération"),
        ),
        FieldPanel("notify_emails"),
    ]

    class Meta:
        verbose_name = _("commentaires")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def moderation_key_list(self) -> list[str]:
        return self._lines(self.moderation_keys)

    @property
    def disallowed_key_list(self) -> list[str]:
        return self._lines(self.disallowed_keys)

    @property
    def notify_email_list(self) -> list[str]:
        return self._lines(self.notify_emails)
