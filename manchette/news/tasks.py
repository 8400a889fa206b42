"""Background work of the news app, run by the task worker."""

import logging

from django.db.models import Q
from django_tasks import task

from manchette.core.cache import cached_paths, pages_linking_to, purge_urls

from .models import ArticlePage, ArticlePageTag

logger = logging.getLogger("manchette.news")


def related_lists_showing(article: ArticlePage) -> set[str]:
    """Return the cached article pages whose related list now shows ``article``.

    Candidates are the cached articles of its section or sharing one of its
    tags (no other article can rank it); each candidate's list is computed again
    with the selector the page uses, so the answer is exact. Pages that already
    link to ``article`` are left out: they are purged with it anyway.
    """
    from .cache import page_path, path_from_url_path
    from .selectors import article_list_related

    cached = cached_paths()
    if not cached:
        return set()
    shares_tag = ArticlePageTag.objects.filter(
        tag_id__in=ArticlePageTag.objects.filter(content_object_id=article.pk).values(
            "tag_id"
        )
    ).values("content_object_id")
    candidates = (
        ArticlePage.objects.live()
        .filter(Q(section_id=article.section_id) | Q(pk__in=shares_tag))
        .exclude(pk=article.pk)
        .values_list("pk", "url_path")
    )
    own_path = page_path(article)
    already = pages_linking_to([own_path])
    wanted: dict[int, str] = {}
    for pk, url_path in candidates.iterator():
        path = path_from_url_path(url_path)
        if path in cached and path not in already:
            wanted[pk] = path
    showing = set()
    for candidate in ArticlePage.objects.filter(pk__in=wanted).iterator():
        related = article_list_related(candidate)
        if any(card.pk == article.pk for card in related):
            showing.add(wanted[candidate.pk])
    return showing


@task()
def purge_related_lists(article_id: int) -> int:
    """Task: purge the cached articles whose related list gained ``article_id``
    (just published, moved or retagged); return how many were purged.
    """
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        return 0
    paths = related_lists_showing(article)
    if paths:
        purge_urls(paths, now=True)
        logger.info(
            "Purged %d related lists showing article %s", len(paths), article_id
        )
    return len(paths)
