"""Running Varnish: the VCL of ``deploy/varnish/`` filled in, and varnishd's command.

Used by ``serve_site`` (``make serve``), the tests that go through the real
cache, and ``bench/``.
"""

import glob
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings

# One thread pool and a shared-memory log reduced to errors and purges: on
# 2 cores this served 90-93 % of nginx's static throughput, against 74-77 %
# with the defaults (issue 15, docs/benchmarks.md).
THREAD_POOLS = 1
VSL_MASK = ",".join(
    "-" + tag
    for tag in [
        "Begin",
        "End",
        "Link",
        "SessOpen",
        "SessClose",
        "ReqStart",
        "ReqMethod",
        "ReqURL",
        "ReqProtocol",
        "ReqHeader",
        "ReqUnset",
        "ReqAcct",
        "RespProtocol",
        "RespStatus",
        "RespReason",
        "RespHeader",
        "RespUnset",
        "Timestamp",
        "VCL_call",
        "VCL_return",
        "Hit",
        "HitMiss",
        "HitPass",
        "Storage",
        "TTL",
        "BereqMethod",
        "BereqURL",
        "BereqProtocol",
        "BereqHeader",
        "BereqUnset",
        "BereqAcct",
        "BerespProtocol",
        "BerespStatus",
        "BerespReason",
        "BerespHeader",
        "BerespUnset",
        "BackendOpen",
        "BackendClose",
        "Length",
        "Fetch_Body",
        "Gzip",
        "Debug",
        "VCL_trace",
        "ExpKill",
        "WorkThread",
        "Hash",
        "VfpAcct",
        "VdpAcct",
        "ObjProtocol",
        "ObjStatus",
        "ObjReason",
        "ObjHeader",
    ]
)


def varnishd() -> str | None:
    """Return the path of varnishd, or None when Varnish is not installed."""
    found = shutil.which("varnishd") or "/usr/sbin/varnishd"
    return found if os.path.exists(found) else None


def xkey_installed() -> bool:
    """Return True when varnishd and the xkey module (varnish-modules) are there."""
    return bool(varnishd()) and bool(
        glob.glob("/usr/lib/*/varnish/vmods/libvmod_xkey.so")
        + glob.glob("/usr/lib/varnish/vmods/libvmod_xkey.so")
    )


def _backend(name: str, address: str) -> str:
    host, _, port = address.rpartition(":")
    return (
        f"backend {name} {{\n"
        f'    .host = "{host}";\n'
        f'    .port = "{port}";\n'
        "    .connect_timeout = 2s;\n"
        "    .first_byte_timeout = 60s;\n"
        "}"
    )


def render_vcl(
    apps: Sequence[str], *, files: str = "", purgers: Sequence[str] = ()
) -> str:
    """Return ``deploy/varnish/default.vcl`` for the app servers at ``apps``
    ("host:port", round-robin), the file server at ``files`` (/static/ and
    /media/; else the app servers serve them), and the extra addresses
    allowed to purge.
    """
    backends = [_backend(f"app{number}", app) for number, app in enumerate(apps, 1)]
    if files:
        backends.append(_backend("files", files))
    values = {
        "backends": "\n".join(backends),
        "director": "\n".join(
            f"    app.add_backend(app{number});" for number in range(1, len(apps) + 1)
        ),
        "purgers": "\n".join(f'    "{address}";' for address in purgers),
        "files_route": (
            '    if (req.url ~ "^/(static|media)/") {\n'
            "        set req.backend_hint = files;\n"
            "        unset req.http.Cookie;\n"
            "        return (hash);\n"
            "    }"
            if files
            else ""
        ),
    }
    template = (
        Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
    ).read_text()
    return re.sub(r"\{\{ (\w+) \}\}", lambda match: values[match.group(1)], template)


def prepare_varnish(var_dir: Path, vcl: str) -> Path:
    """Write ``vcl`` under ``var_dir``; return its path."""
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / "default.vcl"
    path.write_text(vcl)
    return path


def varnishd_command(
    var_dir: Path, vcl_path: Path, *, listen: str, storage: str = "malloc,256m"
) -> list[str]:
    """Return the command that runs Varnish in the foreground, as the current
    user, with its working directory in ``var_dir``.
    """
    return [
        varnishd() or "varnishd",
        "-F",
        "-j",
        "none",
        "-n",
        str(var_dir.resolve() / "work"),
        "-a",
        listen,
        "-T",
        "none",
        "-f",
        str(vcl_path.resolve()),
        "-s",
        storage,
        "-p",
        f"thread_pools={THREAD_POOLS}",
        "-p",
        f"vsl_mask={VSL_MASK}",
    ]
