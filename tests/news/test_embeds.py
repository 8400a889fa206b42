"""Embedded media (videos, posts of other sites): stored as URL, provider and
title, shown as a card that loads nothing from the provider."""

import json
import socket

import pytest
from wagtail.models import Revision

from manchette.news.blocks import embed_provider
from manchette.news.bodies import html_to_blocks
from manchette.news.models import ArticlePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_internet(monkeypatch):
    """Fail any connection to another machine (the page must not call out)."""
    real_connect = socket.socket.connect
    calls = []

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in {"127.0.0.1", "::1", "localhost"}:
            calls.append(address)
            raise OSError(f"no internet in this test: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *args, **kwargs: calls.append(args) or (_ for _ in ()).throw(OSError()),
    )
    return calls


def embed(url, title="", provider=""):
    return {
        "type": "embed",
        "value": {"url": url, "provider": provider, "title": title},
    }


def test_a_figure_holding_a_media_url_becomes_an_embed_block():
    blocks = html_to_blocks(
        '<figure><a href="https://youtu.be/x">https://youtu.be/x</a>'
        "<figcaption>Le clip</figcaption></figure>"
        "<figure>\n https://vimeo.com/1 \n</figure>"
        '<figure><a href="javascript:alert(1)">javascript:alert(1)</a></figure>'
        '<figure><a href="https://a.org">Un lien</a> et du texte</figure>'
    )

    assert blocks[:2] == [
        embed("https://youtu.be/x", "Le clip"),
        embed("https://vimeo.com/1"),
    ]
    assert all(block["type"] != "embed" for block in blocks[2:])


def test_providers_are_named_from_the_address():
    assert embed_provider("https://www.youtube.com/watch?v=1") == "YouTube"
    assert embed_provider("https://youtu.be/1") == "YouTube"
    assert embed_provider("https://x.com/a/status/1") == "X (Twitter)"
    assert embed_provider("https://media.example.org/v/1") == "media.example.org"
    assert embed_provider("javascript:alert(1)") == ""


def test_the_card_links_to_the_media_without_calling_the_provider(
    section, client, no_internet
):
    article = ArticlePageFactory(
        body=[
            embed("https://www.youtube.com/watch?v=abc&t=1", "Le débat en vidéo"),
            embed("https://vimeo.com/42"),
        ]
    )

    html = client.get(article.url).content.decode()

    assert no_internet == []
    assert (
        '<a class="embed-card__link" href="https://www.youtube.com/watch?v=abc&amp;t=1"'
        in html
    )
    assert "Le débat en vidéo" in html
    assert "Média externe · YouTube" in html
    assert "Voir le média sur Vimeo" in html
    assert "<iframe" not in html
    assert "youtube.com/embed" not in html


def test_hostile_embed_values_are_escaped_or_dropped(section, client):
    article = ArticlePageFactory(
        body=[
            embed(
                'https://ex.org/"><script>alert(1)</script>',
                title="<img src=x onerror=alert(1)>",
                provider="<b>Evil</b>",
            ),
            embed("javascript:alert(2)", title="Piège"),
        ]
    )

    html = client.get(article.url).content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Evil&lt;/b&gt;" in html
    assert "javascript:alert(2)" not in html
    assert "Piège" not in html


def test_a_value_saved_by_the_former_embed_block_still_reads(section, client):
    article = ArticlePageFactory()
    # Wagtail's embed block stored the URL alone; pages and revisions keep it.
    raw = [{"type": "embed", "value": "https://vimeo.com/7", "id": "a"}]
    ArticlePage.objects.filter(pk=article.pk).update(body=json.dumps(raw))
    revision = Revision.objects.get(pk=article.latest_revision_id)
    revision.content["body"] = json.dumps(raw)
    revision.save()

    page = ArticlePage.objects.get(pk=article.pk)
    assert page.body[0].value.safe_url == "https://vimeo.com/7"
    assert page.body[0].value.provider_name == "Vimeo"
    assert revision.as_object().body[0].value.safe_url == "https://vimeo.com/7"
    assert "https://vimeo.com/7" in client.get(article.url).content.decode()
