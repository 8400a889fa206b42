"""Keeps denormalised article fields and tag slugs right when pages change."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import Page
from wagtail.signals import post_page_move

from manchette.core.text import ascii_slug, has_arabic, slug_for, unique_slug


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
    """Give every tag an ASCII slug (``numerique`` for « numérique »), unique among
    tags; an Arabic tag keeps an Arabic slug (``manchette.core.text.slug_for``).
    """
    if instance.slug and (instance.slug.isascii() or has_arabic(instance.slug)):
        return
    instance.slug = tag_slug_unique(instance.name, exclude_pk=instance.pk)


@receiver(pre_save)
def page_slug_ascii(sender, instance, **kwargs):
    """Keep French and English page slugs ASCII although Unicode slugs are allowed
    (for Arabic pages): the admin's slug of « Économie » becomes ``economie``,
    unique among its siblings. Arabic pages keep their Arabic slugs.
    """
    if not isinstance(instance, Page) or not instance.slug or instance.slug.isascii():
        return
    if has_arabic(instance.slug):
        return
    base = ascii_slug(instance.slug, max_length=80) or "page"
    parent = instance.get_parent() if instance.path else None
    if parent is None:
        instance.slug = base
        return
    taken = set(
        parent.get_children()
        .exclude(pk=instance.pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    instance.slug = unique_slug(base, taken)


def tag_slug_unique(name: str, *, exclude_pk: int | None = None) -> str:
    """Return a slug for a tag name that no other tag uses."""
    base = slug_for(name, max_length=90) or "sujet"
    taken = set(
        Tag.objects.exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    return unique_slug(base, taken)
