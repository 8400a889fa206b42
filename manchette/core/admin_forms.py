"""Admin forms that drop the characters XML 1.0 forbids from what editors type
(or paste): a control character in a title would otherwise reach the feeds.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from manchette.core.text import xml_safe


class XmlSafePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            if isinstance(value, str):
                cleaned_data[name] = xml_safe(value)
        return cleaned_data
