from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def site_meta(request):
    """Expose the public base URL, the site name and the site's identity (cached)."""
    from .identity import identity_for_site

    def identity():
        return identity_for_site(Site.find_for_request(request))

    return {
        "MANCHETTE_BASE_URL": settings.MANCHETTE_BASE_URL,
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        # The identity's texts (tagline) are written in the site's own language.
        "SITE_LANGUAGE": settings.LANGUAGE_CODE,
        "identity": SimpleLazyObject(identity),
    }
