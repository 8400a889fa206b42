from django.conf import settings


def site_meta(request):
    """Expose the public base URL and site name to every template."""
    return {
        "MANCHETTE_BASE_URL": settings.MANCHETTE_BASE_URL,
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
