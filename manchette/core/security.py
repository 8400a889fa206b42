"""Security headers beside django-csp: Permissions-Policy, and the hashes of
the Wagtail admin's own inline initialisers."""

import base64
import hashlib
import re

from django.conf import settings
from django.urls import reverse


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", settings.MANCHETTE_PERMISSIONS_POLICY
        )
        return response


# Wagtail 8's admin still writes a few inline initialisation scripts (date and
# time widgets, choosers, inline panels). Rather than allowing inline script,
# the admin's policy lists the hash of each one that has exactly the shape
# Wagtail writes: a call of a known initialiser with literal arguments only.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_STRING = r'"(?:[^"\\<]|\\.)*"'
# A JSON object literal: strings, numbers, true/false/null and punctuation only.
_JSON = rf"\{{(?:{_STRING}|[\s\d.:,\[\]{{}}+-]|true|false|null)*\}}"
_WAGTAIL_INIT = re.compile(
    rf"init(?:Date|Time|DateTime)Chooser\({_STRING}, {_JSON}\);"
    rf"|new (?:Image|Document|Page|Snippet|Task|Workflow)?Chooser\({_STRING}, {_JSON}\);"
    r"|\s*\(function\(\) \{\s*var panel = new (?:Inline|MultipleChooser)Panel\("
    rf"JSON\.parse\({_STRING}\)\);\s*\}}\)\(\);\s*",
    re.DOTALL,
)


def wagtail_inline_script_hashes(html: str) -> list[str]:
    """Return the CSP hash sources of the Wagtail initialisers in ``html``."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        body = match.group(1)
        if _WAGTAIL_INIT.fullmatch(body):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


class AdminInlineScriptHashMiddleware:
    """Adds the hashes of Wagtail's own initialisers to the admin's script-src,
    and inline styles to its style-src.

    Sits before (outside) django-csp's middleware, so the header is there.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        header = response.headers.get("Content-Security-Policy")
        if (
            not header
            or not request.path.startswith(self.prefix)
            or getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        hashes = wagtail_inline_script_hashes(response.content.decode(errors="ignore"))
        if hashes:
            header = re.sub(
                r"script-src ([^;]*)",
                lambda m: "script-src " + m.group(1) + " " + " ".join(hashes),
                header,
                count=1,
            )
        # The admin's editors (Draftail, its widgets) set inline styles; styles
        # cannot run code, so the admin alone allows them.
        header = re.sub(
            r"style-src ([^;]*)",
            lambda m: "style-src " + m.group(1) + " 'unsafe-inline'",
            header,
            count=1,
        )
        response.headers["Content-Security-Policy"] = header
        return response
