"""Cache tags: what a response shows, recorded on the request while it renders."""

from collections.abc import Iterable

SITE = "site"
REQUEST_ATTRIBUTE = "manchette_cache_tags"


def page_tag(kind: str, pk: object) -> str:
    """Return the tag of one object, ``"<kind>:<pk>"`` (``article:12``)."""
    return f"{kind}:{pk}"


def add_cache_tags(request, *tags: str | Iterable[str]) -> None:
    """Record that the response to ``request`` shows the things named by ``tags``.

    Accepts tag strings or iterables of them; a request of ``None`` (a render
    outside a request, such as an e-mail) is ignored.
    """
    if request is None:
        return
    recorded = getattr(request, REQUEST_ATTRIBUTE, None)
    if recorded is None:
        recorded = set()
        setattr(request, REQUEST_ATTRIBUTE, recorded)
    for tag in tags:
        if isinstance(tag, str):
            recorded.add(tag)
        else:
            recorded.update(tag)


def cache_tags(request) -> set[str]:
    """Return the tags recorded on ``request`` so far."""
    return set(getattr(request, REQUEST_ATTRIBUTE, ()) or ())
