"""The article's admin form: byline, slug clashes, XML-safe text, "En bref"."""

from django.utils.translation import gettext_lazy as _

from manchette.core.admin_forms import XmlSafePageForm
from manchette.core.text import sentences

from .bylines import BylineFormMixin
from .slugs import SlugClashFormMixin

MAX_SUMMARY_SENTENCES = 3


class ArticlePageForm(BylineFormMixin, SlugClashFormMixin, XmlSafePageForm):
    """Prefills the byline, names the page holding a clashing slug, and requires an
    "En bref" of one to three sentences when the article is published.
    """

    def clean(self):
        cleaned_data = super().clean()
        summary = cleaned_data.get("summary") or ""
        if summary and not getattr(self, "is_deferred_validation", False):
            count = len(sentences(summary))
            if count > MAX_SUMMARY_SENTENCES:
                self.add_error(
                    "summary",
                    _("« En bref » compte %(count)d phrases ; trois au plus.")
                    % {"count": count},
                )
        return cleaned_data
