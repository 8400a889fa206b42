"""Test helpers of the page cache: a stand-in CDN that records the tags purged,
and the tags a page's response carries.
"""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from django.test import Client


def shown_tags(path: str) -> set[str]:
    """Return the tags of an anonymous reader's response to ``path``."""
    response = Client().get(path)
    assert response.status_code == 200, path
    return set(response.get("xkey", "").split())


class _RecordingHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "keys": json.loads(body)["surrogate_keys"],
            }
        )
        payload = b'{"status": "ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@contextmanager
def cdn_stand_in():
    """Run a local HTTP server standing in for a CDN's purge-by-tag API; yield it
    (``url``; ``received``: one dict per request, ``keys`` the tags purged).
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SimpleNamespace(
            url=f"http://127.0.0.1:{server.server_address[1]}/service/test/purge",
            received=server.received,
            tags=lambda: {key for item in server.received for key in item["keys"]},
        )
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def purges(settings):
    """Point the CDN purges at a local stand-in; return it (``tags()``: all purged)."""
    from manchette.core.pagecache.invalidation import discard_pending

    # Test transactions roll back: what earlier tests queued is not this one's.
    discard_pending()
    with cdn_stand_in() as cdn:
        settings.MANCHETTE_CDN_PURGE_URL = cdn.url
        settings.MANCHETTE_CDN_PURGE_TOKEN = "test-token"
        yield cdn
