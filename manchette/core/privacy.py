"""Whether any page of the site is private, kept in the fragment cache."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from manchette.core.pagecache import invalidate
from manchette.core.pagecache.fragments import fragment


def any_view_restriction() -> bool:
    """Return whether any page of the site is private (has a view restriction).

    Most newsrooms have none, so page serving and listings can skip their
    per-page privacy checks, which cost queries and per-row subqueries.
    """
    return fragment(
        "core:any-view-restriction",
        ["site"],
        lambda: PageViewRestriction.objects.exists(),
    )


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restrictions_changed(sender, **kwargs):
    # Every listing filters private pages only when the site has some.
    invalidate("site")


class ViewRestrictionsMixin:
    """For page models: skip Wagtail's look-up of a page's and its ancestors' view
    restrictions (two queries on every page served) when the site has none.
    """

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
