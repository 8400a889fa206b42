"""Keeps ``ArticlePage.comment_count`` right when an older revision is published,
and purges the cached comment rules when they change.

A page revision stores every field of the article, the count included, so
publishing a revision made before new comments were approved would bring back
the old count; the count is recomputed after each publication.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from manchette.core.sites import state
from manchette.news.models import ArticlePage

from .models import CommentSettings
from .selectors import SETTINGS_CACHE_KEY
from .services import comment_count_refresh


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        comment_count_refresh(instance)


@receiver([post_save, post_delete], sender=CommentSettings)
def comment_settings_changed(sender, instance, created=False, **kwargs):
    if created:
        # Made with its defaults by the first page view (``for_site``): no
        # worker holds other rules, and renewing the sites version would make
        # every worker read the site again.
        return
    state.delete(SETTINGS_CACHE_KEY.format(site_id=instance.site_id))
