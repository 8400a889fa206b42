"""Public newsletter pages: sign-up, confirmation, unsubscription, read beacon.

None of them sets a cookie or shows an e-mail address.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from manchette.core.clients import client_ip
from manchette.core.pagecache import add_cache_tags

from . import services
from .beacon import beacon_count
from .forms import SignupForm

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]+")
ONE_CLICK_FIELD = "List-Unsubscribe"
ONE_CLICK_VALUE = "One-Click"


def _client_key(request, scope: str) -> str:
    address = client_ip(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"newsletter:{scope}:{digest[:32]}"


def _over_limit(request, scope: str, per_hour: int) -> bool:
    """Count one hit for this client; True once it went past ``per_hour``."""
    key = _client_key(request, scope)
    cache.add(key, 0, timeout=3600)
    try:
        hits = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        hits = 1
    return hits > per_hour


def _same_origin(request) -> bool:
    """True when the browser says the POST comes from a page of this site."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin or origin == "null":
        return False
    return url_has_allowed_host_and_scheme(
        origin, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _csrf_ok(request) -> bool:
    """True when the request carries a valid CSRF token (the /newsletter/ form)."""
    check = CsrfViewMiddleware(lambda request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {}) is None


def _page(request, title: str, message: str, *, status: int = 200, form=None):
    return render(
        request,
        "newsletter/message_page.html",
        {"title": title, "message": message, "form": form},
        status=status,
    )


@require_GET
def signup_page(request):
    # The page shows the newsletter's texts, which are the site's settings.
    add_cache_tags(request, "site")
    return render(request, "newsletter/signup_page.html", {"form": SignupForm()})


@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def signup(request):
    """Take a sign-up from the box of an article page or from /newsletter/.

    The article box must stay the same for every reader (pages are cached), so it
    carries no CSRF token: a POST is accepted when it has a valid token (the form
    of /newsletter/) or when the browser's Origin header names this site.
    """
    if request.method == "GET":
        return signup_page(request)
    if not (_same_origin(request) or _csrf_ok(request)):
        return _page(
            request,
            _("Newsletter"),
            _(
                "Votre demande n’a pas pu être vérifiée. Inscrivez-vous depuis cette page."
            ),
            status=403,
            form=SignupForm(),
        )
    if _over_limit(request, "signup", settings.MANCHETTE_NEWSLETTER_SIGNUPS_PER_HOUR):
        return _page(
            request,
            _("Newsletter"),
            _("Trop de demandes depuis votre connexion. Réessayez dans une heure."),
            status=429,
        )
    form = SignupForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "newsletter/signup_page.html",
            {
                "form": form,
                "errors": [e for errs in form.errors.values() for e in errs],
            },
            status=400,
        )
    language = form.cleaned_data["language"]
    services.subscriber_signup(email=form.cleaned_data["email"], language=language)
    # The same answer whether or not the address was already subscribed, in
    # the language the reader chose.
    with translation.override(language):
        return _page(
            request,
            _("Vérifiez votre boîte de réception"),
            _(
                "Si cette adresse peut recevoir la newsletter, un e-mail de confirmation "
                "vient de lui être envoyé. Cliquez sur le lien qu’il contient pour "
                "confirmer votre inscription."
            ),
        )


@require_GET
@never_cache
def confirm(request, token):
    try:
        services.subscriber_confirm(token=token)
    except services.InvalidToken:
        return _page(
            request,
            _("Lien non valable"),
            _(
                "Ce lien de confirmation n’est pas valable : il a expiré, a déjà servi "
                "ou a été mal copié. Vous pouvez vous inscrire à nouveau."
            ),
            status=400,
            form=SignupForm(),
        )
    return _page(
        request,
        _("Inscription confirmée"),
        _("Merci ! Vous recevrez le brief chaque matin."),
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token):
    """GET shows a button; POST with ``List-Unsubscribe=One-Click`` unsubscribes
    (RFC 8058: no cookie, no CSRF token, no redirect).
    """
    if len(token) > 100 or not TOKEN_SHAPE.fullmatch(token):
        token = ""  # e.g. a NUL, which PostgreSQL refuses in a query
    if request.method == "GET":
        known = bool(token) and services.Subscriber.objects.filter(token=token).exists()
        return render(
            request,
            "newsletter/unsubscribe_page.html",
            {
                "known": known,
                "field": ONE_CLICK_FIELD,
                "value": ONE_CLICK_VALUE,
            },
            status=200 if known else 404,
        )
    if request.POST.get(ONE_CLICK_FIELD) != ONE_CLICK_VALUE:
        return _page(
            request,
            _("Désinscription"),
            _("Demande de désinscription incorrecte : rien n’a été changé."),
            status=400,
        )
    if not (token and services.subscriber_unsubscribe(token=token)):
        return _page(
            request,
            _("Désinscription"),
            _("Ce lien de désinscription est inconnu : rien n’a été changé."),
            status=404,
        )
    return _page(
        request,
        _("Vous êtes désinscrit"),
        _("Vous ne recevrez plus le brief. Vous pouvez vous réinscrire à tout moment."),
    )


@csrf_exempt
@require_POST
def read_beacon(request, article_id):
    """Count one read of an article (the page's beacon); 204, nothing personal kept.

    Under ``manchette.wsgi`` (granian, gunicorn, runserver) beacons are answered
    before Django by ``beacon.beacon_first``; this view applies the same rules
    for other servers (the test client).
    """
    status = beacon_count(article_id, client_ip(request), body_size=len(request.body))
    return HttpResponse(status=status)
