"""The one place that says which address a request comes from.

Every rate limit and counter (comments, newsletter sign-up, read beacon, staff
login throttling) keys on ``client_ip`` so they all honour
``MANCHETTE_TRUSTED_PROXIES`` the same way.
"""

import ipaddress

from django.conf import settings


def _valid(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """Return the reader's address: REMOTE_ADDR, or the X-Forwarded-For entry
    written by the outermost of ``MANCHETTE_TRUSTED_PROXIES`` proxies.

    Entries left of that one are written by the client and cannot be trusted; a
    malformed entry falls back to REMOTE_ADDR.
    """
    return client_ip_from_meta(request.META)


def client_ip_from_meta(meta) -> str:
    """``client_ip`` of a request's META or of a WSGI environ (the read beacon's
    fast path, which answers before Django builds a request).
    """
    remote = meta.get("REMOTE_ADDR", "") or ""
    trusted = settings.MANCHETTE_TRUSTED_PROXIES
    if trusted > 0:
        hops = [
            hop.strip()
            for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= trusted:
            return _valid(hops[-trusted]) or remote
    return remote
