"""The comment form and its text helpers, including generated input (hypothesis)."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manchette.comments.forms import CommentForm
from manchette.comments.spam import form_token, form_token_age, ip_hash, link_count
from manchette.comments.text import clean_body, clean_line, has_visible_text
from tests.comments.conftest import valid_data

pytestmark = pytest.mark.django_db


class FakeArticle:
    pk = 42


ARTICLE = FakeArticle()


def form_for(**overrides):
    return CommentForm(valid_data(ARTICLE, **overrides), article=ARTICLE)


def test_valid_form_normalises_fields():
    form = form_for(
        author="  Salma   B.\u200b ",
        email="Salma@Example.ORG ",
        comment="a\r\nb\n\n\n\nc ",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["author"] == "Salma B."
    assert form.cleaned_data["email"] == "salma@example.org"
    assert form.cleaned_data["comment"] == "a\nb\n\nc"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>", "ftp://example.org", "http://"],
)
def test_website_must_be_http(url):
    form = form_for(url=url)
    assert not form.is_valid()
    assert "url" in form.errors


def test_website_without_scheme_gets_https():
    form = form_for(url="example.org/moi")
    assert form.is_valid()
    assert form.cleaned_data["url"] == "https://example.org/moi"


@pytest.mark.parametrize("name", ["Ali\nBcc: x@example.org", "Ali\rX", "Ali\x00"])
def test_name_with_newlines_or_controls_is_refused(name):
    form = form_for(author=name)
    assert not form.is_valid()
    assert "author" in form.errors


def test_name_with_bidi_override_is_refused():
    assert "author" in form_for(author="\u202eevil").errors


@pytest.mark.parametrize(
    "email", ["a@example.org\nBcc: b@example.org", "a@b", "<a@example.org>"]
)
def test_header_injection_in_email_is_refused(email):
    assert "email" in form_for(email=email).errors


def test_invisible_only_comment_is_required():
    form = form_for(comment="\u200b\u200b \n\u0301")
    assert form.errors["comment"] == ["Écrivez votre commentaire."]


def test_one_megabyte_body_is_refused_in_french():
    form = form_for(comment="x" * 1_048_576)
    assert not form.is_valid()
    assert "5000 caractères" in form.errors["comment"][0]


def test_token_for_another_article_is_refused():
    other = form_token(7, now=time.time() - 60)
    form = form_for(jeton=other)
    assert not form.is_valid()
    assert "n’a pas pu être enregistré" in form.non_field_errors()[0]


def test_forged_token_is_refused():
    assert form_token_age("42:forged", 42) is None


def test_ip_hash_is_stable_and_cuts_ipv6_to_64_bits():
    assert ip_hash("192.0.2.1") == ip_hash("192.0.2.1")
    assert ip_hash("192.0.2.1") != ip_hash("192.0.2.2")
    assert ip_hash("2001:db8::1") == ip_hash("2001:db8::ffff")
    assert ip_hash("::ffff:192.0.2.1") == ip_hash("192.0.2.1")


def test_link_count():
    assert link_count("voir https://a.example, www.b.example et <a href=x>") == 3


def test_clean_body_drops_controls_but_keeps_text():
    assert clean_body("a\x00b\x1b[31mc\td") == "ab[31mc\td"


def test_clean_line_and_visible_text():
    assert clean_line("\ufeffNom\u00ad ") == "Nom"
    assert not has_visible_text("\u200b\u0301 ")
    assert has_visible_text("سلام")


# Any text, including surrogates-free unicode, controls and combining marks.
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(comment=any_text, author=any_text, email=any_text, url=any_text)
def test_form_never_crashes_and_keeps_invariants(comment, author, email, url):
    form = form_for(comment=comment, author=author, email=email, url=url)
    if form.is_valid():
        data = form.cleaned_data
        assert has_visible_text(data["comment"])
        assert has_visible_text(data["author"])
        assert "\n" not in data["author"]
        assert "\r" not in data["author"]
        assert "\x00" not in data["comment"]
        assert "\n" not in data["email"]
        assert data["url"] == "" or data["url"].startswith(("http://", "https://"))
        assert len(data["comment"]) <= 5000
    else:
        assert form.errors


@settings(max_examples=100, deadline=None, derandomize=True)
@given(text=any_text)
def test_clean_body_is_idempotent(text):
    once = clean_body(text)
    assert clean_body(once) == once


def test_an_expired_token_is_refused_with_a_clear_message(settings):
    settings.MANCHETTE_COMMENTS_TOKEN_MAX_AGE = 3600
    form = form_for(jeton=form_token(42, now=time.time() - 3700))
    assert not form.is_valid()
    assert "a expiré" in form.non_field_errors()[0]


def test_a_token_works_once():
    token = form_token(42, now=time.time() - 10)
    assert form_for(jeton=token).is_valid()
    replay = form_for(jeton=token)
    assert not replay.is_valid()
    assert "déjà été envoyé" in replay.non_field_errors()[0]


def test_readers_of_one_cached_page_each_spend_its_token_once():
    # A cached page carries one token for all its readers.
    token = form_token(42, now=time.time() - 10)
    first = CommentForm(valid_data(ARTICLE, jeton=token), article=ARTICLE, client="a")
    other = CommentForm(valid_data(ARTICLE, jeton=token), article=ARTICLE, client="b")
    replay = CommentForm(valid_data(ARTICLE, jeton=token), article=ARTICLE, client="a")
    assert first.is_valid()
    assert other.is_valid()
    assert not replay.is_valid()
