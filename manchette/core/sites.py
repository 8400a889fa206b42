"""Which Wagtail site serves a request."""

from wagtail.models import Site


def site_for_request(request) -> Site | None:
    """Return the Wagtail site serving ``request`` (``Site.find_for_request``),
    else the default site (a request of an unknown host, or none at all).
    """
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()
