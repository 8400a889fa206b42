"""Slug clashes: the message names the page holding the slug (with a link) and
offers the next free slug; an abandoned draft gives its slug up.

The rule for abandoned drafts: a page never published and not edited for
MANCHETTE_DRAFT_SLUG_DAYS days frees its slug as soon as another page asks for
it; the draft keeps its content under ``<slug>-brouillon-<id>``.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from manchette.core.text import unique_slug

SLUG_MAX_LENGTH = 255


def slug_holder(*, parent, slug: str, exclude_pk: int | None = None):
    """Return the sibling page under ``parent`` whose slug is ``slug``, or None."""
    if parent is None or not slug:
        return None
    siblings = parent.get_children().filter(slug=slug)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    return siblings.first()


def slug_next_free(*, parent, slug: str) -> str:
    """Return ``slug``, or ``slug-2``, ``slug-3``… : the first one free under ``parent``."""
    taken = set(
        parent.get_children()
        .filter(slug__startswith=slug)
        .values_list("slug", flat=True)
    )
    return unique_slug(slug, taken)


def is_abandoned_draft(page, *, now=None) -> bool:
    """True for a page never published and not edited for MANCHETTE_DRAFT_SLUG_DAYS."""
    if page.live or page.first_published_at is not None:
        return False
    edited = page.latest_revision_created_at
    limit = (now or timezone.now()) - timedelta(days=settings.MANCHETTE_DRAFT_SLUG_DAYS)
    return edited is None or edited < limit


def slug_release_abandoned(*, parent, slug: str, exclude_pk: int | None = None):
    """Rename the abandoned draft holding ``slug`` under ``parent`` (page row and a
    new revision, so that its next edit keeps the new slug); return it, or None
    when the slug is free or held by a page that keeps it.
    """
    holder = slug_holder(parent=parent, slug=slug, exclude_pk=exclude_pk)
    if holder is None or not is_abandoned_draft(holder):
        return None
    holder = holder.specific
    suffix = f"-brouillon-{holder.pk}"
    holder.slug = slug[: SLUG_MAX_LENGTH - len(suffix)] + suffix
    holder.save()
    holder.save_revision(log_action=True, changed=True, clean=False)
    return holder


def _holder_state(holder) -> str:
    if holder.live:
        return _("en ligne")
    if holder.first_published_at is not None:
        return _("hors ligne")
    edited = holder.latest_revision_created_at
    if edited is None:
        return _("brouillon jamais publié")
    return _(
        "brouillon jamais publié, modifié le %(date)s : reprenez-le, ou il "
        "libérera cette adresse %(days)d jours après sa dernière modification"
    ) % {
        "date": date_format(timezone.localtime(edited), "SHORT_DATETIME_FORMAT"),
        "days": settings.MANCHETTE_DRAFT_SLUG_DAYS,
    }


def slug_clash_message(holder, *, free_slug: str, link: bool = False) -> str:
    """Return the error naming the page that holds the slug; with ``link``, as HTML
    with a link to edit that page (field errors are escaped, messages are not).
    """
    values = {
        "slug": holder.slug,
        "title": holder.draft_title or holder.title,
        "state": _holder_state(holder),
        "free": free_slug,
    }
    if not link:
        return (
            _(
                "L’adresse « %(slug)s » est déjà prise par « %(title)s » (%(state)s). "
                "Adresse libre : « %(free)s »."
            )
            % values
        )
    return format_html(
        _(
            'L’adresse « {slug} » est déjà prise par « <a href="{url}">{title}</a> » '
            "({state}). Adresse libre : « {free} »."
        ),
        url=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
        **values,
    )


def slug_clash_check(*, parent, slug: str, exclude_pk: int | None = None):
    """Free the slug if an abandoned draft holds it; return the HTML message naming
    the page that still holds it, or None when the slug is free.
    """
    slug_release_abandoned(parent=parent, slug=slug, exclude_pk=exclude_pk)
    holder = slug_holder(parent=parent, slug=slug, exclude_pk=exclude_pk)
    if holder is None:
        return None
    return slug_clash_message(
        holder, free_slug=slug_next_free(parent=parent, slug=slug), link=True
    )


class SlugClashFormMixin:
    """Replaces Wagtail's "slug already in use" error by one that names the page."""

    def clean(self):
        slug = self.cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        holder = slug_holder(parent=parent, slug=slug, exclude_pk=self.instance.pk)
        if holder is not None:
            # Removes the slug from cleaned_data: Wagtail's own check is skipped.
            self.add_error(
                "slug",
                slug_clash_message(
                    holder, free_slug=slug_next_free(parent=parent, slug=slug)
                ),
            )
        return super().clean()
