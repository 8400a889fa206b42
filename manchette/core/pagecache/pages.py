"""Wagtail pages in the page cache: the tags every page carries, and the generic
invalidations of the page tree (publish, unpublish, move, delete, restriction).

Every page response carries ``site``, ``page:<pk>`` and one ``tree:<path>``
tag per level of the page tree above it and itself (``path`` is treebeard's
materialised path, so no query names the ancestors). A view restriction
added, changed or removed on a page invalidates ``tree:<its path>``: the page
and everything under it. Domain apps add what the page shows (``article:12``,
``section:3``...) and invalidate it when it changes.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, pre_page_move

from .invalidation import invalidate
from .middleware import LAST_MODIFIED_ATTRIBUTE, PUBLIC_PAGE_ATTRIBUTE
from .tags import SITE, add_cache_tags, page_tag


def tree_tags(path: str) -> list[str]:
    """Return the ``tree:`` tags of the page at treebeard ``path`` and of its
    ancestors below the root (``tree:00010001``, ``tree:000100010002``...).
    """
    step = Page.steplen
    return [
        page_tag("tree", path[:end]) for end in range(2 * step, len(path) + 1, step)
    ]


def page_tags(page: Page) -> list[str]:
    """Return the tags a response showing ``page`` carries because of the tree."""
    return [SITE, page_tag("page", page.pk), *tree_tags(page.path)]


def tag_served_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: tag the response, and say whether a shared
    cache may keep it (not when the page or an ancestor has a view restriction).
    """
    add_cache_tags(request, page_tags(page))
    public = not page.get_view_restrictions().exists()
    setattr(request, PUBLIC_PAGE_ATTRIBUTE, public)
    setattr(request, LAST_MODIFIED_ATTRIBUTE, page.last_published_at)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    invalidate(page_tag("page", instance.pk))


@receiver(pre_page_move)
def page_moving(sender, instance, **kwargs):
    """A move changes the address of the page and of everything under it, and
    the navigation: the old ones are purged.
    """
    invalidate(page_tag("tree", instance.path), SITE)


@receiver(pre_delete)
def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.path:
        invalidate(page_tag("tree", instance.path))


def _restriction_changed(restriction) -> None:
    path = Page.objects.filter(pk=restriction.page_id).values_list("path", flat=True)
    for found in path:
        invalidate(page_tag("tree", found))


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restriction_saved(sender, instance, **kwargs):
    _restriction_changed(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def view_restriction_groups_changed(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        _restriction_changed(instance)


@receiver([post_save, post_delete], sender=Site)
def site_changed(sender, **kwargs):
    invalidate(SITE)
