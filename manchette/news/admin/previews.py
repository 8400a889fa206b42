"""Previews that matter to a newsroom, beside the editor: the article's card, its
search-result snippet (lengths counted against what search engines show) and its
social card (og:image, title, description), as readers will see them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from manchette.core.identity import identity_for_site

# What a search engine shows before cutting: about 60 characters of title
# (600 px) and 160 of description, the figures every SEO tool checks against.
TITLE_LIMIT = 60
DESCRIPTION_LIMIT = 160

PREVIEW_TEMPLATES = {
    "card": "news/admin/preview_card.html",
    "search": "news/admin/preview_search.html",
    "social": "news/admin/preview_social.html",
}


@dataclass
class MeasuredText:
    """A text as a search engine shows it: whole, or cut with an ellipsis."""

    text: str
    limit: int

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def too_long(self) -> bool:
        return self.length > self.limit

    @property
    def shown(self) -> str:
        if not self.too_long:
            return self.text
        return self.text[: self.limit - 1].rstrip() + "…"


def article_share_texts(article, request) -> dict:
    """Return the title, description and site name readers' tools read from the
    article's page (the same rules as ``news/templatetags/meta_tags.py``).
    """
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    identity = identity_for_site(site)
    publisher = (identity.publisher_name if identity else "") or (
        site.site_name if site else ""
    )
    title = article.seo_title or article.title
    description = article.search_description or article.summary
    return {
        "site_name": publisher,
        "root_url": site.root_url if site else "",
        "title": title,
        "search_title": MeasuredText(
            f"{title} | {publisher}" if publisher else title, TITLE_LIMIT
        ),
        "description": MeasuredText(" ".join(description.split()), DESCRIPTION_LIMIT),
    }


class ArticlePreviewMixin:
    """Adds the card, search-result and social-card preview modes to a page model."""

    @property
    def preview_modes(self):
        return [
            ("", _("Page")),
            ("card", _("Carte")),
            ("search", _("Résultat de recherche")),
            ("social", _("Carte de partage")),
        ]

    def get_preview_template(self, request, mode_name):
        if mode_name in PREVIEW_TEMPLATES:
            return PREVIEW_TEMPLATES[mode_name]
        return super().get_preview_template(request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name in PREVIEW_TEMPLATES:
            context.update(
                article_share_texts(self, request),
                title_limit=TITLE_LIMIT,
                description_limit=DESCRIPTION_LIMIT,
            )
        return context
