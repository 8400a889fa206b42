"""Keeps ``ArticlePage.comment_count`` right when an older revision is published.

A page revision stores every field of the article, the count included, so
publishing a revision made before new comments were approved would bring back
the old count; the count is recomputed after each publication.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from manchette.news.models import ArticlePage

from .services import comment_count_refresh


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        comment_count_refresh(instance)
