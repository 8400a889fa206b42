"""XML writers that drop the characters XML 1.0 forbids instead of failing,
and the page-save backstop that keeps them out of stored pages.

Django's feed generator raises on a control character, so one bad headline
would take every feed down; these generators pass every text through
``xml_safe`` first.
"""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Page

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


@receiver(pre_save)
def page_text_xml_safe(sender, instance, **kwargs):
    """Backstop for every way a page is saved (admin, importers, shell): its text
    fields never hold a character XML forbids."""
    if not isinstance(instance, Page):
        return
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, xml_safe(value))
