"""Keeps ``ArticlePage.comment_count`` right when an older revision is published,
and invalidates the pages showing the comment rules when they change.

A page revision stores every field of the article, the count included, so
publishing a revision made before new comments were approved would bring back
the old count; the count is recomputed after each publication.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from manchette.core.pagecache import invalidate
from manchette.news.models import ArticlePage

from .models import CommentSettings
from .services import comment_count_refresh


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        comment_count_refresh(instance)


@receiver([post_save, post_delete], sender=CommentSettings)
def comment_settings_changed(sender, instance, created=False, **kwargs):
    if created:
        # Made with its defaults by the first page view (``for_site``): no
        # page showed other rules.
        return
    # Every article's comment form follows the rules.
    invalidate("site")
