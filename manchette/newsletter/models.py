"""The daily brief: subscribers, issues, their items and one delivery per recipient."""

import secrets

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from manchette.core.editions import edition_name


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de confirmation")
        ACTIVE = "active", _("inscrit")
        UNSUBSCRIBED = "unsubscribed", _("désinscrit")
        DEACTIVATED = "deactivated", _("désactivé (rejets)")

    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status, default=Status.PENDING
    )
    # Opaque, per recipient: the unsubscribe links carry it, never the address.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    # Changes at each confirmation, so a confirmation link works once.
    confirm_nonce = models.CharField(max_length=32, default=new_token)
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    consent_at = models.DateTimeField(_("consentement le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désinscrit le"), null=True, blank=True)
    hard_bounces = models.PositiveSmallIntegerField(_("rejets définitifs"), default=0)
    # The edition whose brief this reader receives (chosen at sign-up).
    language = models.CharField(_("langue"), max_length=8, default="fr")

    class Meta:
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.email


class BriefIssueQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate each issue with its deliveries: sent, failed, total."""
        return self.annotate(
            progress_sent=Count(
                "deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)
            ),
            progress_failed=Count(
                "deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)
            ),
            progress_total=Count("deliveries"),
        )


class BriefIssue(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("prêt, pas encore envoyé")
        SENDING = "sending", _("envoi en cours")
        SENT = "sent", _("envoyé")
        EMPTY = "empty", _("pas de numéro : aucun article")

    day = models.DateField(_("jour"))
    # Each edition has its own brief, composed from its articles.
    language = models.CharField(_("langue"), max_length=8, default="fr")
    status = models.CharField(
        _("statut"), max_length=20, choices=Status, default=Status.DRAFT
    )
    intro = models.TextField(_("introduction"), blank=True)
    since = models.DateTimeField(_("articles publiés depuis"))
    until = models.DateTimeField(_("jusqu’à"))
    composed_at = models.DateTimeField(_("composé le"), auto_now_add=True)
    send_started_at = models.DateTimeField(
        _("envoi commencé le"), null=True, blank=True
    )
    send_finished_at = models.DateTimeField(
        _("envoi terminé le"), null=True, blank=True
    )

    objects = BriefIssueQuerySet.as_manager()

    panels = [
        FieldPanel("intro"),
        InlinePanel("items", label=_("Articles"), min_num=0),
    ]

    class Meta:
        verbose_name = _("numéro du brief")
        verbose_name_plural = _("numéros du brief")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language"], name="newsletter_one_issue_per_edition"
            )
        ]

    def __str__(self):
        return _("Brief du %(day)s") % {"day": self.day.strftime("%d/%m/%Y")}

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def language_name(self) -> str:
        return edition_name(self.language)

    def progress(self) -> dict[str, int]:
        """Return the counts of this issue's deliveries: sent, failed, total."""
        return self.deliveries.aggregate(
            sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
            total=Count("pk"),
        )


class BriefItem(Orderable):
    issue = ParentalKey(BriefIssue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("article du brief")
        verbose_name_plural = _("articles du brief")


class Delivery(models.Model):
    """One issue for one subscriber: claimed by one worker, then sent or failed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("à envoyer")
        CLAIMED = "claimed", _("en cours")
        SENT = "sent", _("envoyé")
        FAILED = "failed", _("échec")

    issue = models.ForeignKey(
        BriefIssue, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    claim_token = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue_id}/{self.subscriber_id}: {self.status}"


class ArticleReadCount(models.Model):
    """Reads of an article on one day, counted by the page's beacon: no cookie, no person."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("lectures d’un article")
        verbose_name_plural = _("lectures des articles")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="newsletter_read_per_day"
            )
        ]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"


from .models_audience import ArticleReadHour  # noqa: E402, F401
