"""Writes imported content (wire copy, WordPress exports) into the site.

One module per concern: ``ninjs`` (wire copy); for WordPress exports, ``run``
(the two passes, batches, the end of an import), ``state`` (report, import
records, undo journal), ``taxonomy``, ``people``, ``media``, ``posts``,
``pages``, ``comments``, ``redirects`` and ``tree`` (inserts and moves of pages).
"""

from .ninjs import NinjsResult, ninjs_article_data, ninjs_import
from .run import WxrEditionError, import_language, wxr_import
from .state import REPORT_KINDS, WxrReport, language_name
from .taxonomy import section_map_load
from .text import byline_names, summary_from

__all__ = [
    "REPORT_KINDS",
    "NinjsResult",
    "WxrEditionError",
    "WxrReport",
    "byline_names",
    "import_language",
    "language_name",
    "ninjs_article_data",
    "ninjs_import",
    "section_map_load",
    "summary_from",
    "wxr_import",
]
