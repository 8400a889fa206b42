"""The site's identity (name, logo, social links), shown by every page."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from manchette.core.pagecache import invalidate
from manchette.core.pagecache.fragments import fragment

from .models import SiteIdentity, SocialLink


def identity_for_site(site: Site | None) -> SiteIdentity | None:
    """Return the site's identity with its social links and logo loaded, from the
    fragment cache (renewed with the ``site`` tag).
    """
    if site is None:
        return None

    def load():
        identity = SiteIdentity.for_site(site)
        identity.social_links_list = list(identity.social_links.all())
        if identity.logo_id:
            identity.logo  # noqa: B018 - load the logo into the kept object.
        return identity

    return fragment(f"core:identity:{site.pk}", ["site"], load)


@receiver([post_save, post_delete], sender=SiteIdentity)
@receiver([post_save, post_delete], sender=SocialLink)
def identity_changed(sender, instance, created=False, **kwargs):
    if created and sender is SiteIdentity:
        # Made with its defaults by the first page view (``for_site``): no
        # page showed another identity.
        return
    # The name, logo and social links are on every page.
    invalidate("site")
