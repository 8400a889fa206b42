"""Whether any page of the site is private, cached until a restriction changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from manchette.core.sites import state

RESTRICTIONS_KEY = "core:any-view-restriction"
# Short on purpose: a reader that looked before a restriction was committed
# may store the old answer just after the purge; it cannot outlive a minute.
RESTRICTIONS_TIMEOUT = 60


def any_view_restriction() -> bool:
    """Return whether any page of the site is private (has a view restriction).

    Most newsrooms have none, so page serving and listings can skip their
    per-page privacy checks, which cost queries and per-row subqueries.
    """
    value = state.get(RESTRICTIONS_KEY)
    if value is None:
        value = PageViewRestriction.objects.exists()
        state.set(RESTRICTIONS_KEY, value, RESTRICTIONS_TIMEOUT)
    return value


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restrictions_changed(sender, **kwargs):
    # Now for this transaction's own reads, again once others can see it.
    state.delete(RESTRICTIONS_KEY)


class ViewRestrictionsMixin:
    """For page models: skip Wagtail's look-up of a page's and its ancestors' view
    restrictions (two queries on every page served) when the site has none.
    """

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
