"""What a translation takes from its source, so that each edition stands alone.

- A translated home page (a new edition) gets the source home's group
  permissions and review workflow: Éditeurs and Administrateurs edit,
  translate and publish in every edition, as they do in French.
- A published article's editor picks ("Articles liés") point at their
  counterparts in the article's own language when those exist, and a newly
  published translation takes the place of its source in the picks of the
  articles of its language; its bylines point at its authors' pages in its
  language when those exist. ("Lire aussi" blocks are mapped when rendered,
  ``manchette.news.blocks.ReadAlsoBlock``; tags link to the edition's own tag
  pages through its navigation.)
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail.signals import page_published


def edition_locale_id() -> int:
    """Return the locale id of the edition of the request's language (its URL
    prefix: ``/ar/flux/rss/``, ``/ar/recherche/``); 404 when that edition has no
    live page yet, so nothing from another edition is ever shown instead.
    """
    from .selectors import live_locale_ids, locale_id_for

    locale_id = locale_id_for(get_language())
    if locale_id is None or locale_id not in live_locale_ids():
        raise Http404(_("Cette édition n’existe pas."))
    return locale_id


def counterpart(page: Page, locale_id: int) -> Page:
    """Return the live translation of ``page`` in ``locale_id``, else ``page``."""
    if page.locale_id == locale_id:
        return page
    translation = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale_id=locale_id)
        .specific()
        .first()
    )
    return translation or page


def edition_home_permissions_copy(home: Page) -> None:
    """Give the edition home ``home`` the group permissions and the workflow of
    the other editions' home pages (its translations).
    """
    sources = Page.objects.filter(translation_key=home.translation_key).exclude(
        pk=home.pk
    )
    for permission in GroupPagePermission.objects.filter(page__in=sources):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id,
            page=home,
            permission_id=permission.permission_id,
        )
    workflow = WorkflowPage.objects.filter(page__in=sources).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(
            page=home, defaults={"workflow_id": workflow.workflow_id}
        )


@receiver(post_save)
def edition_home_created(sender, instance, created, **kwargs):
    from .models import HomePage

    if created and isinstance(instance, HomePage) and not kwargs.get("raw"):
        edition_home_permissions_copy(instance)


def related_links_localize(article) -> None:
    """Point the picks of ``article`` at their translations in its language, and
    the picks of the articles of its language at ``article`` instead of its
    other-language versions.
    """
    from .models import ArticlePageRelated
    from .selectors import live_locale_ids

    if len(live_locale_ids()) < 2:
        return
    for link in ArticlePageRelated.objects.filter(page_id=article.pk).exclude(
        article__locale_id=article.locale_id
    ):
        target = counterpart(link.article, article.locale_id)
        if target.pk != link.article_id:
            ArticlePageRelated.objects.filter(pk=link.pk).update(article_id=target.pk)
    ArticlePageRelated.objects.filter(
        page__locale_id=article.locale_id,
        article__translation_key=article.translation_key,
    ).exclude(article_id=article.pk).update(article_id=article.pk)


def bylines_localize(article) -> None:
    """Point the bylines of ``article`` at its authors' pages in its language,
    when those exist (a translation starts with its source's bylines).
    """
    from .models import ArticlePageAuthor

    links = ArticlePageAuthor.objects.filter(page_id=article.pk).exclude(
        author__locale_id=article.locale_id
    )
    for link in links.select_related("author"):
        target = counterpart(link.author, article.locale_id)
        if target.pk != link.author_id:
            ArticlePageAuthor.objects.filter(pk=link.pk).update(author_id=target.pk)


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    from .models import ArticlePage

    if isinstance(instance, ArticlePage):
        related_links_localize(instance)
        bylines_localize(instance)
