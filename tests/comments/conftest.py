import time

import pytest
from django.utils import timezone

from manchette.comments.models import Comment, CommentSettings
from manchette.comments.spam import form_token
from tests.factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    settings.MANCHETTE_COMMENTS_MIN_SECONDS = 3
    settings.MANCHETTE_COMMENTS_RATE_LIMIT = 5
    settings.MANCHETTE_COMMENTS_CLOSE_AFTER_DAYS = 30


@pytest.fixture
def article(section):
    return ArticlePageFactory(
        title="Un article ouvert aux commentaires", published_at=timezone.now()
    )


@pytest.fixture
def rules(home):
    from wagtail.models import Site

    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


def valid_data(article, **overrides):
    """Return a valid POST for ``article``'s comment form, shown ten seconds ago."""
    data = {
        "comment": "Très bon article, merci.",
        "author": "Salma",
        "email": "salma@example.org",
        "url": "",
        "telephone": "",
        "jeton": form_token(article.pk, now=time.time() - 10),
        "parent": "",
    }
    data.update(overrides)
    return data


def make_comment(article, **fields):
    fields.setdefault("author_name", "Karim")
    fields.setdefault("author_email", "karim@example.org")
    fields.setdefault("body", "Un commentaire.")
    fields.setdefault("status", Comment.Status.APPROVED)
    fields.setdefault("created_at", timezone.now())
    return Comment.objects.create(article=article, **fields)


class _Recorder:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """Run a real SMTP server (aiosmtpd) on loopback and point Django at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = _Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    yield handler
    controller.stop()
