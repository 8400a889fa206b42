from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteIdentity(ClusterableModel, BaseSiteSetting):
    """The newsroom's name, logo and social accounts, edited in Wagtail's settings."""

    publisher_name = models.CharField(
        _("nom de la publication"), max_length=120, default="Manchette"
    )
    tagline = models.CharField(_("slogan"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(
        _("couleur de la marque"),
        max_length=7,
        default="#b3121f",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$",
                _("Une couleur au format #rrggbb, par exemple #b3121f."),
            )
        ],
        help_text=_(
            "Couleur d’accent du site, de l’icône et de la barre du navigateur (#rrggbb)."
        ),
    )
    newsletter_title = models.CharField(
        _("titre de la newsletter"),
        max_length=120,
        default=gettext_noop("La newsletter qui vous briefe en 5 min"),
    )
    newsletter_text = models.CharField(
        _("texte de la newsletter"),
        max_length=250,
        default=gettext_noop(
            "Chaque jour, recevez l’essentiel de l’information pour ne rien rater de l’actualité"
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("brand_colour"),
            ],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [FieldPanel("newsletter_title"), FieldPanel("newsletter_text")],
            heading=_("Newsletter"),
        ),
        InlinePanel("social_links", label=_("Réseaux sociaux")),
    ]

    class Meta:
        verbose_name = _("identité du site")

    def _in_language(self, field: str) -> str:
        """Return ``field`` as the editors wrote it in the site's language; the
        other editions show its default, translated (the texts are written once,
        in the site's language).
        """
        if get_language() == settings.LANGUAGE_CODE:
            return getattr(self, field)
        return gettext(self._meta.get_field(field).default)

    @property
    def newsletter_title_shown(self) -> str:
        return self._in_language("newsletter_title")

    @property
    def newsletter_text_shown(self) -> str:
        return self._in_language("newsletter_text")


class SocialLink(Orderable):
    NETWORKS = [
        ("facebook", "Facebook"),
        ("x", "X (Twitter)"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("youtube", "YouTube"),
        ("tiktok", "TikTok"),
        ("whatsapp", "WhatsApp"),
        ("telegram", "Telegram"),
        ("threads", "Threads"),
        ("bluesky", "Bluesky"),
        ("mastodon", "Mastodon"),
        ("other", _("Autre")),
    ]

    settings = ParentalKey(
        SiteIdentity, related_name="social_links", on_delete=models.CASCADE
    )
    network = models.CharField(_("réseau"), max_length=20, choices=NETWORKS)
    url = models.URLField(_("adresse"))
    label = models.CharField(_("libellé"), max_length=60, blank=True)

    panels = [FieldPanel("network"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("lien social")
        verbose_name_plural = _("liens sociaux")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.label or self.get_network_display()
