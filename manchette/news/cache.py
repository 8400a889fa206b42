"""Invalidates the page cache when news content changes.

Until news pages declare the content they show as tags, a change to news
content invalidates ``site``, which every page carries: correct, if coarse.
The page tree's own invalidations (``page:<pk>``, restrictions, moves) live in
``manchette.core.pagecache.pages``.
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.signals import page_published, page_unpublished, post_page_move

from manchette.core.models import SiteIdentity
from manchette.core.pagecache import invalidate

from .models import ArticlePage

SITE = "site"


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    invalidate(SITE)


@receiver(pre_delete, sender=ArticlePage)
def article_deleting(sender, instance, **kwargs):
    invalidate(SITE)


@receiver(post_save, sender=Tag)
@receiver(post_save, sender=SiteIdentity)
def shown_everywhere_changed(sender, instance, created, **kwargs):
    # A new one is on no page yet (identities are created on first read).
    if not created:
        invalidate(SITE)
