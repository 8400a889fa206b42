"""What a change of news content invalidates, as cache tags (``core.pagecache``).

Pages declare the tags of what they show (``tags.py``); this module names the
tags a change touches, once per change, after commit:

- an article published, corrected, withdrawn, moved or deleted: the article,
  its section (and the sections above it), its tags, its authors, the home
  page and every list of newest articles. Pages that showed it carry its
  ``article:<pk>`` (its card); pages where it now appears list its section,
  a tag or an author, or draw their related box from its section or tags;
- a section, author, tag index or content page: its own tag, and ``site``
  when the navigation, bylines or the sitemap of pages change with it (new,
  withdrawn, renamed or moved);
- a tag renamed, a locale changed, a first page live in a new language: ``site``;
- any page published, withdrawn, moved or deleted: its versions in the other
  languages (``translations:<key>``: their language switcher and hreflang);
- an image changed: the articles it illustrates.

Wagtail's own page tag (``page:<pk>``) is invalidated by ``core.pagecache``.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from manchette.core.pagecache import invalidate

from .models import (
    ArticlePage,
    AuthorPage,
    ContentPage,
    HomePage,
    SectionPage,
    TagIndexPage,
)
from .selectors.translations import translations_tag
from .tags import article_change_tags, author_tag, section_tag


def _specific(instance):
    return instance.specific if type(instance) is Page else instance


def _renamed(page, revision) -> bool:
    """True when ``page`` is new or its title or slug differs from the previous
    revision's (what navigation, bylines and links show).
    """
    previous = None
    if revision is not None:
        try:
            previous = revision.get_previous()
        except type(revision).DoesNotExist:
            previous = None
    return previous is None or any(
        previous.content.get(field) != getattr(page, field)
        for field in ("title", "slug")
    )


def _locales_changed(page) -> bool:
    """True when ``page``'s language just got its first live page or lost its
    last one (a site in one language skips hreflang and per-language filters).
    """
    from .selectors import live_locale_ids

    has_live = Page.objects.filter(
        locale_id=page.locale_id, live=True, depth__gt=1
    ).exists()
    return has_live != (page.locale_id in live_locale_ids())


def _page_tags(page, *, renamed: bool) -> set[str]:
    """Return the tags a change of the non-article ``page`` touches."""
    tags = set()
    if isinstance(page, SectionPage):
        tags.add(section_tag(page.pk))
    elif isinstance(page, AuthorPage):
        tags.add(author_tag(page.pk))
    elif isinstance(page, HomePage):
        tags.add("home")
    # A section's title is in the navigation, an author's name in bylines, the
    # tag index's address in every tag link, content pages in the sitemap.
    if renamed and isinstance(
        page, SectionPage | AuthorPage | TagIndexPage | ContentPage | HomePage
    ):
        tags.add("site")
    return tags


@receiver(page_published)
def page_published_invalidate(sender, instance, revision=None, **kwargs):
    page = _specific(instance)
    if isinstance(page, ArticlePage):
        tags = article_change_tags(page)
    else:
        tags = _page_tags(page, renamed=_renamed(page, revision))
    if _locales_changed(page):
        tags.add("site")
    invalidate({*tags, translations_tag(page.translation_key)})


@receiver(page_unpublished)
def page_unpublished_invalidate(sender, instance, **kwargs):
    page = _specific(instance)
    if isinstance(page, ArticlePage):
        tags = article_change_tags(page)
    else:
        tags = _page_tags(page, renamed=True)
    if _locales_changed(page):
        tags.add("site")
    invalidate({*tags, translations_tag(page.translation_key)})


@receiver(post_page_move)
def page_moved_invalidate(sender, instance, parent_page_before, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    if isinstance(page, ArticlePage):
        # The new section's lists (and related boxes), and the old one's.
        tags = article_change_tags(page)
        tags.add(section_tag(parent_page_before.pk))
    else:
        tags = _page_tags(page, renamed=True)
    invalidate({*tags, translations_tag(page.translation_key)})


@receiver(pre_delete, sender=ArticlePage)
def article_deleted_invalidate(sender, instance, **kwargs):
    # Named before its tags and bylines are deleted with it.
    if instance.live:
        invalidate(article_change_tags(instance))


@receiver(post_delete)
def page_deleted_invalidate(sender, instance, **kwargs):
    if isinstance(instance, SectionPage | AuthorPage | TagIndexPage | ContentPage):
        invalidate(_page_tags(instance, renamed=True))
    if isinstance(instance, Page):
        invalidate(translations_tag(instance.translation_key))


@receiver(post_save, sender=Tag)
def tag_changed_invalidate(sender, instance, created, **kwargs):
    """A tag's name is on every page that shows it (article tag lists, related
    cards' labels, the tag index): ``site``.
    """
    if not created:
        invalidate("site")


@receiver([post_save, post_delete], sender=Locale)
def locale_changed_invalidate(sender, instance, **kwargs):
    invalidate("site")


@receiver(post_save, sender=get_image_model())
def image_changed_invalidate(sender, instance, created, **kwargs):
    """A changed image (file, focal point) changes the renditions of the
    articles and author pages it illustrates.
    """
    if created:
        return
    articles = ArticlePage.objects.filter(featured_image=instance).values_list(
        "pk", flat=True
    )
    authors = AuthorPage.objects.filter(photo=instance).values_list("pk", flat=True)
    invalidate([f"article:{pk}" for pk in articles], [author_tag(pk) for pk in authors])
