"""The messages the newsletter sends: the brief (rendered once, addressed per recipient)
and the sign-up confirmation. Signed with DKIM when a key is configured.
"""

from dataclasses import dataclass
from email.utils import format_datetime, parseaddr
from functools import cache, cached_property
from pathlib import Path

import css_inline
import dkim
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from manchette.core.editions import is_edition, words_per_minute
from manchette.core.text import reading_minutes

# Stand for the recipient's values until the message is addressed.
TOKEN_PLACEHOLDER = "RECIPIENTTOKENPLACEHOLDER"
ADDRESS_PLACEHOLDER = "recipient-address-placeholder@placeholder.invalid"
DELIVERY_PLACEHOLDER = "DELIVERYIDPLACEHOLDER"
DATE_PLACEHOLDER = "DATEPLACEHOLDER"
DKIM_HEADERS = [
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"mime-version",
    b"content-type",
    b"list-unsubscribe",
    b"list-unsubscribe-post",
]


def absolute_url(path: str) -> str:
    """Return ``path`` on the public site (MANCHETTE_BASE_URL)."""
    return settings.MANCHETTE_BASE_URL + path


def unsubscribe_url(token: str) -> str:
    return absolute_url(reverse("newsletter_unsubscribe", args=[token]))


def sender_domain() -> str:
    address = parseaddr(settings.MANCHETTE_BRIEF_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def unsubscribe_mailto(token: str) -> str:
    address = settings.MANCHETTE_BRIEF_UNSUBSCRIBE_MAILTO or (
        f"unsubscribe@{sender_domain()}"
    )
    return f"mailto:{address}?subject=unsubscribe-{token}"


@cache
def _dkim_key(value: str) -> bytes:
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).read_bytes()


def dkim_enabled() -> bool:
    return bool(
        settings.MANCHETTE_DKIM_PRIVATE_KEY
        and settings.MANCHETTE_DKIM_DOMAIN
        and settings.MANCHETTE_DKIM_SELECTOR
    )


def dkim_signature(raw: bytes) -> bytes:
    """Return the DKIM-Signature header line (CRLF-terminated) for message bytes."""
    present = raw.partition(b"\r\n\r\n")[0].lower()
    headers = [h for h in DKIM_HEADERS if b"\r\n" + h + b":" in b"\r\n" + present]
    return dkim.sign(
        raw,
        settings.MANCHETTE_DKIM_SELECTOR.encode(),
        settings.MANCHETTE_DKIM_DOMAIN.encode(),
        _dkim_key(settings.MANCHETTE_DKIM_PRIVATE_KEY),
        include_headers=headers,
        canonicalize=(b"relaxed", b"relaxed"),
        linesep=b"\r\n",
    )


class _RawMessage:
    """Message bytes already serialized, as Django's backends ask for them."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def as_bytes(self, linesep="\r\n", **kwargs) -> bytes:
        return self.raw

    def as_string(self, **kwargs) -> str:
        return self.raw.decode("utf-8", "replace")


class SignedEmail(EmailMultiAlternatives):
    """An e-mail that adds a DKIM-Signature when MANCHETTE_DKIM_* are set.

    With ``raw`` set (bytes serialized in advance), the SMTP backend sends those
    bytes as they are; the usual attributes stay filled in for other backends.
    """

    raw: bytes | None = None

    def message(self, **kwargs):
        if self.raw is not None:
            raw = self.raw
            if dkim_enabled():
                raw = dkim_signature(raw) + raw
            return _RawMessage(raw)
        msg = super().message(**kwargs)
        if dkim_enabled():
            signature = dkim_signature(msg.as_bytes(linesep="\r\n"))
            name, _, value = signature.decode().partition(":")
            # Unfolded: relaxed canonicalization ignores the folding anyway.
            msg._headers.insert(0, (name, " ".join(value.split())))
        return msg


# Media queries stay in a <style> tag (they cannot be inlined) for small screens.
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


@dataclass(eq=False)
class RenderedBrief:
    """A brief rendered once for everyone; ``message`` addresses it to one reader."""

    subject: str
    text: str
    html: str
    minutes: int
    message_id_prefix: str

    def _build(self, *, email: str, token: str, delivery_id, date: str) -> SignedEmail:
        url = unsubscribe_url(token)
        msg = SignedEmail(
            subject=self.subject,
            body=self.text.replace(TOKEN_PLACEHOLDER, token),
            from_email=settings.MANCHETTE_BRIEF_FROM_EMAIL,
            to=[email],
            headers={
                "Date": date,
                # Stable per delivery, so a resent copy can be recognised.
                "Message-ID": f"<{self.message_id_prefix}.{delivery_id}@{sender_domain()}>",
                "List-Unsubscribe": f"<{url}>, <{unsubscribe_mailto(token)}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<brief.{sender_domain()}>",
            },
        )
        msg.attach_alternative(self.html.replace(TOKEN_PLACEHOLDER, token), "text/html")
        return msg

    @cached_property
    def template(self) -> bytes | None:
        """Return the message serialized once with placeholders, or None when its
        encoding would not keep them intact (then each message is built in full).
        """
        raw = (
            self._build(
                email=ADDRESS_PLACEHOLDER,
                token=TOKEN_PLACEHOLDER,
                delivery_id=DELIVERY_PLACEHOLDER,
                date=DATE_PLACEHOLDER,
            )
            .message()
            .as_bytes(linesep="\r\n")
        )
        expected = self.text.count(TOKEN_PLACEHOLDER) + self.html.count(
            TOKEN_PLACEHOLDER
        )
        intact = (
            raw.count(TOKEN_PLACEHOLDER.encode()) == expected + 2
            and raw.count(ADDRESS_PLACEHOLDER.encode()) == 1
            and raw.count(DELIVERY_PLACEHOLDER.encode()) == 1
            and raw.count(DATE_PLACEHOLDER.encode()) == 1
        )
        return raw if intact else None

    def message(self, *, email: str, token: str, delivery_id: int) -> SignedEmail:
        """Return the brief addressed to ``email`` with its unsubscribe token."""
        date = format_datetime(timezone.now())
        msg = self._build(email=email, token=token, delivery_id=delivery_id, date=date)
        template = self.template
        if template is not None and email.isascii() and token.isascii():
            msg.raw = (
                template.replace(TOKEN_PLACEHOLDER.encode(), token.encode())
                .replace(ADDRESS_PLACEHOLDER.encode(), email.encode())
                .replace(DELIVERY_PLACEHOLDER.encode(), str(delivery_id).encode())
                .replace(DATE_PLACEHOLDER.encode(), date.encode())
            )
        return msg


def brief_context(*, day, intro: str, articles: list, minutes: int) -> dict:
    return {
        "day": day,
        "intro": intro,
        "items": [
            {
                "title": article.title,
                "summary": article.summary,
                "section": article.section.title if article.section_id else "",
                "url": article.get_full_url(),
            }
            for article in articles
        ],
        "minutes": minutes,
        "unsubscribe_url": unsubscribe_url(TOKEN_PLACEHOLDER),
        "site_url": absolute_url("/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def edition_language() -> str:
    """Return the language to render in: the active one when it is an edition's
    (callers override it with the issue's or subscriber's), else French.
    """
    language = translation.get_language()
    return language if is_edition(language) else settings.LANGUAGE_CODE


def brief_text_minutes(*, day, intro: str, articles: list) -> int:
    """Return the reading time of the brief's text, by the site's reading-time rule."""
    with translation.override(edition_language()):
        text = render_to_string(
            "newsletter/email/brief/body.txt",
            brief_context(day=day, intro=intro, articles=articles, minutes=9),
        )
    # The brief is rendered in its edition's language (translation.override).
    return reading_minutes(text, words_per_minute=words_per_minute(edition_language()))


def brief_render(*, day, intro: str, articles: list, issue_id: int) -> RenderedBrief:
    """Return the brief of ``day`` rendered once: subject, text, inlined HTML."""
    minutes = brief_text_minutes(day=day, intro=intro, articles=articles)
    context = brief_context(day=day, intro=intro, articles=articles, minutes=minutes)
    with translation.override(edition_language()):
        subject = " ".join(
            render_to_string("newsletter/email/brief/subject.txt", context).split()
        )
        text = render_to_string("newsletter/email/brief/body.txt", context)
        html = render_to_string("newsletter/email/brief/body.html", context)
    html = _INLINER.inline(html)
    return RenderedBrief(
        subject=subject,
        text=text,
        html=html,
        minutes=minutes,
        message_id_prefix=f"brief.{day:%Y%m%d}.{issue_id}",
    )


def confirmation_message(*, email: str, confirm_url: str) -> SignedEmail:
    """Return the e-mail asking ``email`` to confirm its subscription."""
    context = {
        "confirm_url": confirm_url,
        "days": settings.MANCHETTE_NEWSLETTER_CONFIRM_DAYS,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(edition_language()):
        subject = " ".join(
            render_to_string("newsletter/email/confirm/subject.txt", context).split()
        )
        text = render_to_string("newsletter/email/confirm/body.txt", context)
    return SignedEmail(
        subject=subject,
        body=text,
        from_email=settings.MANCHETTE_BRIEF_FROM_EMAIL,
        to=[email],
    )
