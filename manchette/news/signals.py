"""Keeps denormalised article fields and cached navigation right when pages change."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import NAV_CACHE_KEY


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
    cache.delete(NAV_CACHE_KEY)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    cache.delete(NAV_CACHE_KEY)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        cache.delete(NAV_CACHE_KEY)
