"""Names the pages that show news content, and purges them when it changes.

Two sources, both exact:

- rules (``register_urls`` providers below): where an article appears or is
  about to appear: its page, its section and the section's ancestors (the home
  page), its tags' pages and the tag index, its authors' pages; the feeds and
  sitemaps apps add theirs through ``manchette.core.cache.register_urls``;
- links recorded by the page cache: every cached page that links to the
  article's URL (lists, "Lire aussi" blocks, related articles of other
  articles, an old tag page after the tag was removed);
- related boxes that gain an article just published or moved: they do not
  link to it yet, so a task (``news/tasks.py``) recomputes the related box of
  each cached candidate and purges those that now show it.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from manchette.core.cache import enabled, purge_for, purge_urls, register_urls
from manchette.core.models import SiteIdentity

from .models import ArticlePage, AuthorPage, SectionPage, TagIndexPage


def page_path(page: Page) -> str:
    """Return the public path of ``page`` ("" when it has none)."""
    parts = page.get_url_parts()
    return parts[2] if parts else ""


def path_from_url_path(url_path: str) -> str:
    """Return the public path of a page whose tree path was ``url_path`` (with its
    language prefix, such as ``/ar/``, under a translated home page).
    """
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            with translation.override(root.language_code):
                prefix = reverse("wagtail_serve", args=("",))
            return prefix + url_path[len(root.root_path) :]
    return ""


def tag_paths(slugs) -> list[str]:
    index = TagIndexPage.objects.live().first()
    if index is None:
        return []
    base = page_path(index)
    return [base] + [base + f"{slug}/" for slug in slugs]


@register_urls(ArticlePage)
def article_urls(article: ArticlePage) -> list[str]:
    """Return the pages an article appears on by rule: itself, its section and its
    ancestors, its tags, its authors.
    """
    urls = [page_path(article)]
    ancestors = Page.objects.ancestor_of(article).filter(depth__gte=2).live()
    urls += [page_path(page) for page in ancestors]
    urls += tag_paths(article.tags.values_list("slug", flat=True))
    authors = AuthorPage.objects.filter(
        pk__in=article.article_authors.values("author_id")
    )
    urls += [page_path(author) for author in authors]
    return urls


def related_lists_refresh(article: ArticlePage) -> None:
    """Once committed, have the worker purge the older articles whose related box
    now shows ``article`` (they do not link to it yet, so links cannot name them).
    """
    from .tasks import purge_related_lists

    if article.live and enabled():
        transaction.on_commit(lambda: purge_related_lists.enqueue(article.pk))


def _specific(instance):
    return instance.specific if type(instance) is Page else instance


@receiver(page_published)
def purge_published_page(sender, instance, revision=None, **kwargs):
    """Purge what shows a page that was just published (new, corrected or scheduled)."""
    page = _specific(instance)
    path = page_path(page)
    if isinstance(page, ArticlePage):
        purge_for(page, linked_to=[path])
        related_lists_refresh(page)
        return
    links = [path]
    if isinstance(page, SectionPage | AuthorPage | TagIndexPage):
        previous = None
        if revision is not None:
            try:
                previous = revision.get_previous()
            except type(revision).DoesNotExist:
                previous = None
        changed = previous is None or any(
            previous.content.get(field) != getattr(page, field)
            for field in ("title", "slug")
        )
        # A section's title is in every page's navigation; an author's name in
        # every byline: the pages linking to it hold it.
        if not changed:
            links = []
    purge_urls([path], linked_to=links)


@receiver(page_unpublished)
def purge_unpublished_page(sender, instance, **kwargs):
    """Purge every page that showed a page now withdrawn."""
    page = _specific(instance)
    path = page_path(page)
    if isinstance(page, ArticlePage):
        purge_for(page, extra=[path], linked_to=[path])
    else:
        purge_urls([path], linked_to=[path])


@receiver(post_page_move)
def purge_moved_page(sender, instance, url_path_before, url_path_after, **kwargs):
    """Purge a moved page's old and new addresses, and the lists of both parents."""
    page = Page.objects.get(pk=instance.pk).specific
    old_path = path_from_url_path(url_path_before)
    old_parents = [
        path_from_url_path(url_path_before.rsplit("/", 2)[0] + "/"),
    ]
    if isinstance(page, ArticlePage):
        purge_for(page, extra=[old_path, *old_parents], linked_to=[old_path])
        related_lists_refresh(page)
    else:
        purge_urls(
            [old_path, page_path(page), *old_parents],
            linked_to=[old_path, page_path(page)],
        )


@receiver(pre_delete, sender=ArticlePage)
def purge_deleted_article(sender, instance, **kwargs):
    """Purge what showed an article being deleted (named before its tags go)."""
    if instance.live:
        path = page_path(instance)
        purge_for(instance, extra=[path], linked_to=[path])


@receiver(pre_save, sender=Tag)
def remember_tag_slug(sender, instance, **kwargs):
    if instance.pk:
        instance._slug_before = (
            Tag.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


@receiver(post_save, sender=Tag)
def purge_changed_tag(sender, instance, created, **kwargs):
    """Purge a renamed tag's page and every cached page linking to it."""
    if created:
        return
    slugs = {instance.slug, getattr(instance, "_slug_before", None) or instance.slug}
    paths = tag_paths(slugs)
    purge_urls(paths, linked_to=paths[1:])


@receiver(post_save, sender=SiteIdentity)
def purge_site_identity(sender, instance, **kwargs):
    """The site's name, logo and social links are on every page: purge them all."""
    from manchette.core.cache import purge_everything

    purge_everything()
