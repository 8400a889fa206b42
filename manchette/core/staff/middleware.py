"""Send admin users to the second-factor pages until they have passed them."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .two_factor import has_device, two_factor_required

# Admin pages reachable before the second factor.
ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_2fa_verify",
    "staff_2fa_enrol",
}


class TwoFactorMiddleware:
    """Runs after django-otp's OTPMiddleware (which sets ``user.is_verified``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (
            match is None
            or user is None
            or not user.is_authenticated
            or not request.path.startswith(reverse("wagtailadmin_home"))
            or match.url_name in ALLOWED
            or user.is_verified()
        ):
            return None
        if has_device(user):
            target = "staff_2fa_verify"
        elif two_factor_required(user):
            target = "staff_2fa_enrol"
        else:
            return None
        return redirect(
            reverse(target) + "?" + urlencode({"next": request.get_full_path()})
        )
