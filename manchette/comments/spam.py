"""Spam defence without third parties: form tokens, client address hashing,
cache-backed rate limits, link counting and word lists.
"""

import hashlib
import ipaddress
import re
import secrets
import time

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

TOKEN_SALT = "manchette.comments.form"
_LINK = re.compile(r"(?:https?://|www\.)\S+|<a\s", re.IGNORECASE)


def form_token(article_id: int, *, now: float | None = None) -> str:
    """Return a signed token recording when the form of ``article_id`` was shown,
    with a random id so that it can be spent once.
    """
    issued = int(now if now is not None else time.time())
    nonce = secrets.token_urlsafe(12)
    return signing.dumps([article_id, issued, nonce], salt=TOKEN_SALT, compress=False)


def form_token_read(token: str, article_id: int) -> tuple[int, str] | None:
    """Return ``(issued, id)`` of a token issued for ``article_id``, or None when it
    is missing, forged or issued for another article.
    """
    try:
        token_article, issued, nonce = signing.loads(token or "", salt=TOKEN_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if (
        token_article != article_id
        or not isinstance(issued, int)
        or not isinstance(nonce, str)
    ):
        return None
    return issued, nonce


def form_token_age(token: str, article_id: int, *, now: float | None = None):
    """Return the seconds since ``token`` was issued for ``article_id``, or None
    when it is missing, forged or issued for another article.
    """
    read = form_token_read(token, article_id)
    if read is None:
        return None
    return (now if now is not None else time.time()) - read[0]


def form_token_spend(token: str, *, client: str = "", lifetime: int) -> bool:
    """Record ``token`` as used by ``client``; False when that client already
    used it (a replay). Other readers of the same cached page keep their use.

    The record lasts as long as the token is valid, after which the token is
    refused as expired anyway.
    """
    digest = hashlib.sha256(f"{client}|{token}".encode()).hexdigest()[:32]
    return cache.add(f"comments:token-used:{digest}", 1, timeout=lifetime + 60)


def ip_hash(ip: str) -> str:
    """Return a keyed hash of an address (IPv6 cut to its /64 network), never the
    address itself; the key derives from SECRET_KEY.
    """
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        value = ip.strip()
    else:
        mapped = getattr(address, "ipv4_mapped", None)
        if mapped is not None:
            value = str(mapped)
        elif address.version == 6:
            value = str(ipaddress.ip_network(f"{address}/64", strict=False))
        else:
            value = str(address)
    return salted_hmac("manchette.comments.ip", value, algorithm="sha256").hexdigest()


def email_key(email: str) -> str:
    """Return a keyed hash of an e-mail address, for cache keys."""
    return salted_hmac(
        "manchette.comments.email", email.strip().lower(), algorithm="sha256"
    ).hexdigest()


def rate_limit_hit(key: str, *, limit: int, window: int) -> bool:
    """Count one event under ``key`` and return True when the window already holds
    ``limit`` events (fixed window, kept in Django's cache).
    """
    cache_key = f"comments:rate:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return limit < 1
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add() and incr(): a new window starts.
        cache.add(cache_key, 1, timeout=window)
        return limit < 1
    return count > limit


def link_count(*texts: str) -> int:
    """Return the number of links (URLs or <a> tags) in the texts."""
    return sum(len(_LINK.findall(text or "")) for text in texts)


def matching_key(keys: list[str], *texts: str) -> str | None:
    """Return the first of ``keys`` found (case-insensitively) in the texts, or None."""
    haystack = "\n".join(texts).casefold()
    for key in keys:
        if key.casefold() in haystack:
            return key
    return None
