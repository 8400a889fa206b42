"""Keeps denormalised article fields right when the page tree changes."""

from django.dispatch import receiver
from wagtail.signals import post_page_move


@receiver(post_page_move)
def article_moved(sender, instance, parent_page_after, **kwargs):
    """Point a moved article at its new section."""
    from .models import ArticlePage, SectionPage

    if not issubclass(instance.specific_class or object, ArticlePage):
        return
    section_id = (
        parent_page_after.pk
        if parent_page_after.specific_class is SectionPage
        else None
    )
    ArticlePage.objects.filter(pk=instance.pk).update(section_id=section_id)
