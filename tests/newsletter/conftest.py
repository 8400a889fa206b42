"""A real SMTP server on loopback (aiosmtpd) that keeps every message it accepts."""

import asyncio
import email
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import free_port


class Sink:
    """Keeps what arrives; can refuse recipients (5xx) or hold a transaction."""

    def __init__(self):
        self.messages = []
        self.refuse = {}
        self.hold_after = None
        self.holding = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        if self.hold_after is not None and len(self.messages) >= self.hold_after:
            # Hold the next transaction, so a test can kill the sender here.
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.01)
            return "421 closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(
                {"to": list(envelope.rcpt_tos), "raw": envelope.content, "msg": message}
            )
        return "250 Message accepted"

    def to(self, address):
        return [m for m in self.messages if address in m["to"]]


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    sink.port = controller.port
    yield sink
    sink.release.set()
    controller.stop()


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture(autouse=True)
def _one_smtp_connection(settings):
    """Send from the test's own thread: other threads could not see its transaction.

    Tests that want the concurrent path use a transactional database and set
    MANCHETTE_BRIEF_CONNECTIONS themselves.
    """
    settings.MANCHETTE_BRIEF_CONNECTIONS = 1
