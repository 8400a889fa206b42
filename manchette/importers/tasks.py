"""Background work after an import: what Wagtail does page by page on publish."""

from collections import defaultdict

from django_tasks import task

CHUNK = 500


@task()
def wxr_pages_imported(page_ids: list[int]) -> None:
    """Update the search index and Wagtail's reference index for imported pages.

    ``import_wxr`` writes pages without Wagtail's per-page signals (see
    ``services.run._deferred_search_index``) and queues this task with chunks of
    page ids: the index is written in bulk, one query set per page type.
    """
    from modelsearch.backends import get_search_backends
    from wagtail.models import Page, ReferenceIndex

    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page.pk)
    for model, pks in by_model.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def enqueue_pages_imported(page_ids) -> int:
    """Queue ``wxr_pages_imported`` for ``page_ids`` in chunks; return the task count."""
    ids = sorted(set(page_ids))
    for start in range(0, len(ids), CHUNK):
        wxr_pages_imported.enqueue(ids[start : start + CHUNK])
    return (len(ids) + CHUNK - 1) // CHUNK
