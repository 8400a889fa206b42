"""XML writers that drop the characters XML 1.0 forbids instead of failing.

Django's feed generator raises on a control character, so one bad headline
would take every feed down; these generators pass every text through
``xml_safe`` first.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from manchette.core.text import xml_safe


def xml_clean(value):
    """Return ``value`` with ``xml_safe`` applied to every string it holds."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(xml_clean(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_clean(item) for key, item in value.items()}
    return value


class XmlSafeFeedMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*xml_clean(args), **xml_clean(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_clean(args), **xml_clean(kwargs))


class XmlSafeRssFeed(XmlSafeFeedMixin, Rss201rev2Feed):
    """RSS 2.0 that strips XML-invalid characters."""


class XmlSafeAtomFeed(XmlSafeFeedMixin, Atom1Feed):
    """Atom 1.0 that strips XML-invalid characters."""
