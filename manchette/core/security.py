"""Security headers django-csp does not set: Permissions-Policy."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", settings.MANCHETTE_PERMISSIONS_POLICY
        )
        return response
