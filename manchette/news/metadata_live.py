"""JSON-LD of correction notes (``correction``) and live blogs (``LiveBlogPosting``)."""

from .blocks import body_plain_text
from .metadata import iso_datetime

LIVE_UPDATES_IN_JSON_LD = 50


def modified_at(page, notes: list):
    """Return when ``page`` last changed: its own date or its newest note's."""
    dates = [page.modified_at, page.published_at, *(note.noted_at for note in notes)]
    return max(date for date in dates if date is not None)


def with_notes(data: dict, *, page, notes: list) -> dict:
    """Return the ``NewsArticle`` ``data`` with ``dateModified`` counting the notes
    and one ``CorrectionComment`` per correction, newest first.
    """
    data = {**data, "dateModified": iso_datetime(modified_at(page, notes))}
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": note.text,
            "datePublished": iso_datetime(note.noted_at),
        }
        for note in notes
        if note.is_correction
    ]
    if corrections:
        data["correction"] = corrections
    return data


def live_blog_posting(
    data: dict, *, page, notes: list, updates: list, url: str
) -> dict:
    """Return the ``NewsArticle`` ``data`` of a live blog as a ``LiveBlogPosting``
    with its coverage times and its newest updates as ``liveBlogUpdate``.
    """
    data = {**data, "@type": "LiveBlogPosting"}
    if page.coverage_start:
        data["coverageStartTime"] = iso_datetime(page.coverage_start)
    if page.coverage_end:
        data["coverageEndTime"] = iso_datetime(page.coverage_end)
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": (update.title or body_plain_text(update.body))[:110],
            "articleBody": body_plain_text(update.body),
            "datePublished": iso_datetime(update.posted_at),
            "dateModified": iso_datetime(update.edited_at or update.posted_at),
            "url": f"{url}#maj-{update.pk}",
        }
        for update in updates[:LIVE_UPDATES_IN_JSON_LD]
    ]
    changes = [update.edited_at or update.posted_at for update in updates]
    data["dateModified"] = iso_datetime(max([modified_at(page, notes), *changes]))
    return data
