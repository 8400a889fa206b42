"""Keeps denormalised article fields and tag slugs right when pages change."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.signals import post_page_move

from manchette.core.text import ascii_slug, unique_slug


@receiver(post_page_move)
def article_moved(sender, instance, parent_page_after, **kwargs):
    """Point a moved article at its new section."""
    from .models import ArticlePage, SectionPage

    if issubclass(instance.specific_class or object, ArticlePage):
        section_id = (
            parent_page_after.pk
            if parent_page_after.specific_class is SectionPage
            else None
        )
        ArticlePage.objects.filter(pk=instance.pk).update(section_id=section_id)


@receiver(pre_save, sender=Tag)
def tag_ascii_slug(sender, instance, **kwargs):
    """Give every tag an ASCII slug (``numerique`` for « numérique »), unique among tags,
    so that tag URLs stay plain ASCII like every other URL of the site.
    """
    if instance.slug and instance.slug.isascii():
        return
    instance.slug = tag_slug_unique(instance.name, exclude_pk=instance.pk)


def tag_slug_unique(name: str, *, exclude_pk: int | None = None) -> str:
    """Return an ASCII slug for a tag name that no other tag uses."""
    base = ascii_slug(name, max_length=90) or "sujet"
    taken = set(
        Tag.objects.exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    return unique_slug(base, taken)
