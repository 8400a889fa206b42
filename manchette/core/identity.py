"""The site's identity (name, logo, social links), cached for every page render."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from manchette.core.sites import state

from .models import SiteIdentity, SocialLink

CACHE_KEY = "core:site-identity:{site_id}"
CACHE_SECONDS = 24 * 3600


def identity_for_site(site: Site | None) -> SiteIdentity | None:
    """Return the site's identity with its social links prefetched, from the cache
    when possible (one entry per site, dropped whenever an editor saves it).
    """
    if site is None:
        return None
    key = CACHE_KEY.format(site_id=site.pk)
    identity = state.get(key)
    if identity is None:
        identity = SiteIdentity.for_site(site)
        identity.social_links_list = list(identity.social_links.all())
        if identity.logo_id:
            identity.logo  # noqa: B018 - load the logo into the cached object.
        state.set(key, identity, CACHE_SECONDS)
    return identity


@receiver([post_save, post_delete], sender=SiteIdentity)
@receiver([post_save, post_delete], sender=SocialLink)
def identity_changed(sender, instance, created=False, **kwargs):
    if created and sender is SiteIdentity:
        # Made with its defaults by the first page view (``for_site``): no
        # worker holds another identity.
        return
    site_id = instance.site_id if sender is SiteIdentity else instance.settings.site_id
    state.delete(CACHE_KEY.format(site_id=site_id))
