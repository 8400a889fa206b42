"""Security settings: staff login throttling, two-factor authentication,
Content-Security-Policy and Permissions-Policy. Imported at the end of base.
"""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

# Login throttling (django-axes): after MANCHETTE_LOGIN_FAILURE_LIMIT failures
# from one address, or for one username, logins are refused for an hour or
# until an administrator lifts it (`manage.py axes_reset_username NAME`,
# `axes_reset_ip ADDRESS`, `axes_reset`).
AXES_FAILURE_LIMIT = int(os.environ.get("MANCHETTE_LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("MANCHETTE_LOGIN_LOCKOUT_MINUTES", "60"))
)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "manchette.core.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "manchette.core.staff.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# Two-factor authentication (django-otp, TOTP + recovery codes): members of
# these groups (and superusers, when "superusers" is listed) must enrol a device
# before using the admin. Comma-separated; empty turns the requirement off.
MANCHETTE_2FA_REQUIRED_GROUPS = [
    name.strip()
    for name in os.environ.get(
        "MANCHETTE_2FA_REQUIRED_GROUPS", "Éditeurs,Administrateurs,superusers"
    ).split(",")
    if name.strip()
]
OTP_TOTP_ISSUER = os.environ.get("MANCHETTE_SITE_NAME", "Manchette")
MANCHETTE_2FA_RECOVERY_CODES = 10

# Content-Security-Policy (django-csp): nothing from another origin, no inline
# script without a nonce, no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy: the site uses none of these features.
MANCHETTE_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party origin (CSP)
