from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def csrf_token(request):
    """Return a CSRF token (and set its cookie) for the forms of a cached page."""
    return JsonResponse({"token": get_token(request)})
