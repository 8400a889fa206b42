"""The site's identity (name, logo, social links), cached for every page render."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

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
    identity = cache.get(key)
    if identity is None:
        identity = SiteIdentity.for_site(site)
        identity.social_links_list = list(identity.social_links.all())
        if identity.logo_id:
            identity.logo  # noqa: B018 - load the logo into the cached object.
        cache.set(key, identity, CACHE_SECONDS)
    return identity


@receiver([post_save, post_delete], sender=SiteIdentity)
@receiver([post_save, post_delete], sender=SocialLink)
def identity_changed(sender, instance, **kwargs):
    site_id = instance.site_id if sender is SiteIdentity else instance.settings.site_id
    cache.delete(CACHE_KEY.format(site_id=site_id))
