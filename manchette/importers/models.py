from django.db import models
from django.utils.translation import gettext_lazy as _


class WxrObject(models.Model):
    """What a WordPress object became here, so that a re-import updates it.

    Keyed on the export's site (``base_site_url``), the kind of object and its
    WordPress id (post and comment ids, term slugs, author logins).
    ``fingerprint`` is a hash of what was imported: an unchanged item is skipped.
    """

    class Kind(models.TextChoices):
        POST = "post", _("article")
        PAGE = "page", _("page")
        ATTACHMENT = "attachment", _("image")
        DOCUMENT = "document", _("document")
        CATEGORY = "category", _("catégorie")
        TAG = "tag", _("mot-clé")
        AUTHOR = "author", _("auteur")

    source = models.CharField(_("site d’origine"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    wp_id = models.CharField(_("identifiant WordPress"), max_length=200)
    object_id = models.PositiveBigIntegerField(_("objet importé"))
    fingerprint = models.CharField(max_length=64, blank=True)
    # Set when the "En bref" was derived from the body: an editor should check it.
    summary_derived = models.BooleanField(_("« En bref » à relire"), default=False)
    imported_at = models.DateTimeField(_("importé le"), auto_now=True)

    class Meta:
        verbose_name = _("objet WordPress importé")
        verbose_name_plural = _("objets WordPress importés")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="importers_wxr_unique_key"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.wp_id} ({self.source})"

    @property
    def target_title(self) -> str:
        """Return the title of the page (or the name of the tag or image) made."""
        from taggit.models import Tag
        from wagtail.documents import get_document_model
        from wagtail.images.models import Image
        from wagtail.models import Page

        model = {
            self.Kind.TAG: Tag,
            self.Kind.ATTACHMENT: Image,
            self.Kind.DOCUMENT: get_document_model(),
        }.get(self.kind, Page)
        found = model.objects.filter(pk=self.object_id).first()
        return str(found) if found else "—"
