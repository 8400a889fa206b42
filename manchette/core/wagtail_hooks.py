from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail import hooks
from wagtail.models import PageViewRestriction

from .middleware import mark_cacheable

RESTRICTIONS_KEY = "core:any-view-restriction"


def any_view_restriction() -> bool:
    """Return whether any page of the site is private, cached until one changes.

    Most newsrooms have none, so the per-page check (two queries) is skipped.
    """
    value = cache.get(RESTRICTIONS_KEY)
    if value is None:
        value = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, value, 3600)
    return value


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restrictions_changed(sender, **kwargs):
    cache.delete(RESTRICTIONS_KEY)


@hooks.register("before_serve_page")
def mark_public_page_cacheable(page, request, serve_args, serve_kwargs):
    """Let the page cache keep a page every anonymous reader may see."""
    if not any_view_restriction() or not page.get_view_restrictions().exists():
        mark_cacheable(request, last_modified=page.last_published_at)
