"""Breaking news and trust: correction notes, alert banners, live blogs.

Each of these is an ordinary row, outside the page revisions: a correction
survives later edits of its article, and two editors posting to one live blog
write two rows instead of saving one StreamField over each other. Every change
invalidates the cache tags of what shows it (``manchette.core.pagecache``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale

from manchette.core.pagecache import add_cache_tags, invalidate, page_tag

from .blocks import RICH_TEXT_FEATURES, EmbedBlock, FigureBlock, QuoteBlock
from .models import ArticlePage, paginate

# Tags of the shared responses added here (see docs/architecture.md).
CORRECTIONS_TAG = "corrections"
ALERT_TAG = "alert"


LIVE_PAGE_SIZE = 20


def live_blog_tag(page_id: int) -> str:
    """Return the one tag of everything that shows a live blog's updates or its
    badge: its page, update endpoint and feed, and every listing showing its card
    (a card carries its article's tag).
    """
    return page_tag("article", page_id)


class CorrectionNote(models.Model):
    """A dated note on an article: a correction of an error, or an update."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Mise à jour")

    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION
    )
    noted_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(
        _("ce qui a changé"),
        max_length=1000,
        help_text=_(
            "Ce qui était faux ou ce qui a été ajouté, en une ou deux phrases."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("article"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("noted_at")]),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("correction ou mise à jour")
        verbose_name_plural = _("corrections et mises à jour")
        ordering = ["-noted_at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "noted_at"], name="news_note_kind_date"),
            models.Index(fields=["article", "noted_at"], name="news_note_article"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.article.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        invalidate(page_tag("article", self.article_id), CORRECTIONS_TAG)

    def delete(self, *args, **kwargs):
        invalidate(page_tag("article", self.article_id), CORRECTIONS_TAG)
        return super().delete(*args, **kwargs)

    @property
    def is_correction(self) -> bool:
        return self.kind == self.Kind.CORRECTION


def validate_alert_link(value: str) -> None:
    """Accept a path on the site (``/politique/...``) or an http(s) address."""
    if not value:
        return
    if value.startswith("//") or not value.startswith(("/", "https://", "http://")):
        raise ValidationError(
            _("Indiquez une adresse du site (/…) ou une adresse http(s)://…")
        )


class Alert(models.Model):
    """A short banner across every page of one edition until it expires."""

    class Kind(models.TextChoices):
        ALERT = "alert", _("Alerte")
        BREAKING = "breaking", _("Dernière minute")

    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.BREAKING
    )
    text = models.CharField(_("texte"), max_length=200)
    link = models.CharField(
        _("lien"),
        max_length=500,
        blank=True,
        validators=[validate_alert_link],
        help_text=_("Adresse de l’article ou de la page (facultatif)."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("édition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("fin de l’alerte"))
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("locale")]),
        FieldPanel("text"),
        FieldPanel("link"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        verbose_name = _("alerte")
        verbose_name_plural = _("alertes")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["locale", "expires_at"], name="news_alert_locale_expiry"
            )
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        invalidate(ALERT_TAG)

    def delete(self, *args, **kwargs):
        invalidate(ALERT_TAG)
        return super().delete(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


class LiveUpdateBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()


class LiveBlogPage(ArticlePage):
    """A live blog ("En direct"): an article whose updates are separate rows.

    It is an ``ArticlePage`` (its introduction is the "En bref"), so it is listed,
    searched and syndicated wherever articles are, with an "En direct" badge
    while its coverage is live.
    """

    class Status(models.TextChoices):
        LIVE = "live", _("En direct")
        ENDED = "ended", _("Terminé")

    status = models.CharField(
        _("couverture"), max_length=10, choices=Status.choices, default=Status.LIVE
    )
    coverage_start = models.DateTimeField(
        _("début de la couverture"),
        null=True,
        blank=True,
        help_text=_("Vide : la date de publication."),
    )
    coverage_end = models.DateTimeField(
        _("fin de la couverture"),
        null=True,
        blank=True,
        help_text=_("Vide : la date à laquelle la couverture est dite terminée."),
    )

    content_panels = [
        *ArticlePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel(
                    [FieldPanel("coverage_start"), FieldPanel("coverage_end")]
                ),
            ],
            heading=_("Couverture en direct"),
        ),
        *ArticlePage.content_panels[2:],
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    template = "news/live_blog_page.html"

    class Meta:
        verbose_name = _("direct")
        verbose_name_plural = _("directs")

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    def save(self, *args, **kwargs):
        if self.coverage_start is None:
            self.coverage_start = self.first_published_at or timezone.now()
        if self.status == self.Status.ENDED and self.coverage_end is None:
            self.coverage_end = timezone.now()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors.live import live_update_list
        from .tags import article_page_tags

        context = super().get_context(request, *args, **kwargs)
        add_cache_tags(request, live_blog_tag(self.pk), article_page_tags(self))
        context["updates"] = paginate(
            request, live_update_list(self.pk), per_page=LIVE_PAGE_SIZE
        )
        return context


class LiveUpdate(models.Model):
    """One dated update of a live blog, published as soon as it is saved."""

    page = models.ForeignKey(
        LiveBlogPage,
        verbose_name=_("direct"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    posted_at = models.DateTimeField(_("heure"), default=timezone.now)
    title = models.CharField(_("titre"), max_length=200, blank=True)
    body = StreamField(LiveUpdateBodyBlock(), verbose_name=_("contenu"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pinned = models.BooleanField(
        _("épinglée"), default=False, help_text=_("Reste en tête du direct.")
    )
    edited_at = models.DateTimeField(_("corrigée le"), null=True, editable=False)

    panels = [
        FieldPanel("page"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("pinned"), FieldPanel("posted_at")]),
    ]

    class Meta:
        verbose_name = _("mise à jour du direct")
        verbose_name_plural = _("mises à jour des directs")
        ordering = ["-pinned", "-posted_at", "-pk"]
        indexes = [
            models.Index(
                fields=["page", "pinned", "posted_at"], name="news_liveupdate_page"
            )
        ]

    def __str__(self):
        return self.title or timezone.localtime(self.posted_at).strftime("%H:%M")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.edited_at = timezone.now()
        super().save(*args, **kwargs)
        invalidate(live_blog_tag(self.page_id))

    def delete(self, *args, **kwargs):
        invalidate(live_blog_tag(self.page_id))
        return super().delete(*args, **kwargs)
