"""The language switcher: links to the page shown in the other editions."""

from django import template
from django.conf import settings
from wagtail.models import Page

from manchette.core.editions import editions
from manchette.core.pagecache import add_cache_tags, page_tag
from manchette.news.metadata import page_language
from manchette.news.models import ArticlePage
from manchette.news.selectors import live_locale_ids
from manchette.news.selectors.translations import (
    edition_homes,
    page_versions,
    translations_tag,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def language_switcher(context) -> list[dict]:
    """Return the other editions as ``[{"code", "name", "url", "translation"}]``:
    each links to the page shown in its language when it has a live translation,
    else to that edition's home page. Editions without a home page are left out.
    No query on a site with one language, nor once the page's versions and
    the editions' homes are in the fragment cache.
    """
    if len(live_locale_ids()) < 2:
        return []
    page = context.get("page")
    current = page_language(page) if isinstance(page, Page) else None
    current = current or context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    names = dict(settings.LANGUAGES)
    homes = {page_language(home): home for home in edition_homes()}
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {page_language(other): other for other in page_versions(page)}
    request = context.get("request")
    if request is not None:
        # The switcher shows the other versions' and homes' titles and URLs,
        # and a new version of the page.
        add_cache_tags(request, *(page_tag("page", home.pk) for home in homes.values()))
        if isinstance(page, Page) and page.pk:
            add_cache_tags(request, translations_tag(page.translation_key))
        add_cache_tags(
            request,
            *(
                page_tag(
                    "article" if other.specific_class is ArticlePage else "page",
                    other.pk,
                )
                for other in translations.values()
            ),
        )
    found = []
    for code in editions():
        if code == current or code not in homes:
            continue
        target = translations.get(code) or homes[code]
        found.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": target.get_url(request),
                "translation": code in translations,
            }
        )
    return found
