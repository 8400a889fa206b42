"""Hostile input in every field: a clear error or a stored-and-escaped comment,
never a 500, never markup that runs, never an e-mail address in a response.
"""

import json

import html5lib
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manchette.comments.models import Comment
from tests.comments.conftest import make_comment, valid_data

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "' onmouseover='alert(1)",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "<!-- commentaire --> <![CDATA[x]]>",
    "'; DROP TABLE comments_comment; --",
    "1 OR 1=1; SELECT * FROM auth_user",
    "\u202egnp.exe\u202c texte inversé",
    "\u2067isolé\u2069 \u200f rtl",
    "zéro\u200blargeur\u200c\u200d\ufeff",
    "Z̷̡̛̩͍̈́̊a̴̪͑l̶̰̈g̸̱̈́o̵̦͊",
    "e\u0301\u0301\u0301\u0301\u0301\u0301",
    "Nom\r\nBcc: victime@example.org",
    "Nom\nSubject: spam",
    "%0d%0aBcc:victime@example.org",
    "\x00\x01\x1b[31mcontrôle",
    "{{ settings.SECRET_KEY }} {% debug %}",
    "http://example.org/<script>",
    'https://exa\u200bmple.org/"onmouseover="x',
    "𝕳𝖊𝖑𝖑𝖔 🙂 مرحبا שלום",
]


def assert_inert(html: str):
    """Fail if the document holds reader markup that could run: the only scripts
    are the site's own files and JSON-LD data that parses as JSON.
    """
    document = html5lib.parse(html, namespaceHTMLElements=False)
    for element in document.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "script":
            if element.get("src") is not None:
                assert element.get("src").startswith("/static/js/"), element.attrib
            else:
                assert element.get("type") == "application/ld+json", element.attrib
                json.loads(element.text)
        assert tag not in {"iframe", "svg", "style", "object", "embed"}, tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (tag, name)
            if name in {"href", "src", "action"}:
                assert not value.strip().lower().startswith(("javascript:", "data:")), (
                    value
                )


@pytest.fixture
def trusted(article, settings):
    """A commenter whose comments publish at once, with no rate limit."""
    settings.MANCHETTE_COMMENTS_RATE_LIMIT = 100_000
    make_comment(article, author_email="trusted@example.org", body="Premier")
    return "trusted@example.org"


def post(client, article, **fields):
    return client.post(
        reverse("comment_post", args=[article.pk]),
        valid_data(article, **fields),
        REMOTE_ADDR="192.0.2.44",
    )


def test_hostile_strings_in_every_field(client, article, trusted):
    for number, text in enumerate(HOSTILE):
        everywhere = post(
            client,
            article,
            comment=f"{number} {text}",
            author=text,
            email=text,
            url=text,
        )
        assert everywhere.status_code in {302, 400}, text
        if everywhere.status_code == 400:
            assert_inert(everywhere.content.decode())
            assert "trusted@example.org" not in everywhere.content.decode()
        in_body = post(
            client,
            article,
            comment=f"n°{number} {text}",
            author=f"Nom {text[:40]}",
            email=trusted,
        )
        assert in_body.status_code in {302, 400}, text
    stored = Comment.objects.filter(status="approved").count()
    assert stored > len(HOSTILE) // 2
    html = client.get(article.url).content.decode()
    assert_inert(html)
    assert "trusted@example.org" not in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_one_megabyte_body_gets_a_clear_error(client, article):
    response = post(client, article, comment="é" * 1_000_000)
    assert response.status_code == 400
    assert "au plus 5000 caractères" in response.content.decode()
    assert not Comment.objects.exists()


def test_invalid_utf8_is_never_a_500(client, article, trusted):
    token = valid_data(article)["jeton"]
    body = (
        b"comment=%FF%FE%C3%28+texte&author=Nom%C0%AF&email=trusted%40example.org"
        b"&url=&telephone=&parent=&jeton=" + token.encode()
    )
    response = client.generic(
        "POST",
        reverse("comment_post", args=[article.pk]),
        body,
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="192.0.2.45",
    )
    assert response.status_code in {302, 400}
    raw = client.generic(
        "POST",
        reverse("comment_post", args=[article.pk]),
        b"\xff\xfe\x00garbage=\xc3\x28",
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert raw.status_code == 400
    assert_inert(client.get(article.url).content.decode())


def test_unexpected_parent_values_are_errors(client, article):
    for parent in ("abc", "-1", "99999999999999999999", "1 OR 1=1"):
        assert post(client, article, parent=parent).status_code == 400


@settings(
    max_examples=40,
    deadline=None,
    # Same examples every run: CI must not turn red on a draw; widen locally
    # with --hypothesis-seed or more examples to explore.
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    comment=st.text(max_size=200),
    author=st.text(max_size=60),
    url=st.one_of(st.just(""), st.text(max_size=40)),
)
def test_generated_posts_are_errors_or_escaped_comments(
    client, article, trusted, comment, author, url
):
    response = post(
        client, article, comment=comment, author=author, email=trusted, url=url
    )
    assert response.status_code in {302, 400}
    if response.status_code == 400:
        assert_inert(response.content.decode())
