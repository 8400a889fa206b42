"""Public endpoints of breaking news and trust: the corrections log, the alert
banner's shared endpoint and a live blog's update endpoint.

The two JSON endpoints have fixed URLs without any per-reader part, so that one
cached copy serves every reader; their cache tags let a change purge them.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from manchette.core.pagecache import add_cache_tags, page_tag

from .metadata import iso_datetime
from .models import paginate
from .models_live import ALERT_TAG, CORRECTIONS_TAG, live_blog_tag
from .selectors import locale_id_for
from .selectors.live import (
    alert_active,
    correction_list_public,
    live_blog_get_public,
    live_update_latest,
)

# Readers poll the live endpoint every 10 s; a shared cache keeps a copy this long
# at most (a purge replaces it at once), a browser a few seconds.
LIVE_MAX_AGE = 5
ALERT_MAX_AGE = 30


@require_safe
def corrections_page(request):
    """Show every correction of the site, newest first, linked to its article."""
    corrections = paginate(request, correction_list_public())
    add_cache_tags(
        request,
        "site",
        CORRECTIONS_TAG,
        {page_tag("article", note.article_id) for note in corrections},
    )
    return render(request, "news/corrections_page.html", {"corrections": corrections})


@require_safe
def alert_json(request, language):
    """Return the current alert of one edition as JSON (``{"alert": null}`` when
    none), cacheable by every reader until at most its expiry.
    """
    locale_id = locale_id_for(language)
    if locale_id is None:
        raise Http404(_("Cette édition n’existe pas."))
    alert = alert_active(locale_id=locale_id)
    max_age = ALERT_MAX_AGE
    data = None
    if alert is not None:
        data = {
            "id": alert.pk,
            "kind": alert.kind,
            "label": _label(alert, language),
            "text": alert.text,
            "link": alert.link,
            "expires": iso_datetime(alert.expires_at),
        }
        remaining = int((alert.expires_at - timezone.now()).total_seconds())
        max_age = max(0, min(ALERT_MAX_AGE, remaining))
    add_cache_tags(request, ALERT_TAG)
    response = JsonResponse({"alert": data})
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def _label(alert, language: str) -> str:
    """Return the alert's kind in its edition's language ("Dernière minute")."""
    with translation.override(language):
        return str(alert.get_kind_display())


@require_safe
def live_updates_json(request, pk):
    """Return a live blog's status and newest updates, rendered, for its readers'
    polling script: one shared URL per live blog.
    """
    page = live_blog_get_public(pk)
    if page is None:
        raise Http404(_("Ce direct n’existe pas."))
    updates = [
        {
            "id": update.pk,
            "posted_at": iso_datetime(update.posted_at),
            "edited": bool(update.edited_at),
            "html": render_to_string(
                "includes/live_update.html", {"update": update}, request=request
            ),
        }
        for update in live_update_latest(page.pk)
    ]
    add_cache_tags(request, live_blog_tag(page.pk))
    response = JsonResponse({"status": page.status, "updates": updates})
    patch_cache_control(response, public=True, max_age=LIVE_MAX_AGE)
    return response
