from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from manchette.core.pagecache import add_cache_tags

from .editions import edition_locale_id
from .forms import SearchForm
from .search import highlight, query_terms
from .selectors import article_search
from .selectors.front import front_cards_by_ids
from .tags import LATEST

SEARCH_PAGE_SIZE = 20


@require_http_methods(["GET", "HEAD"])
def search(request):
    """Show the reader search (``/recherche/?q=``): results, filters, pages.

    A query without any word, or matching nothing, gets a page saying so; bad
    filters are explained and no search runs.
    """
    # Results change with any article published or withdrawn; cards add their own.
    add_cache_tags(request, LATEST, "site")
    # The edition of the URL (/ar/recherche/ searches Arabic articles); 404 for
    # an edition without pages.
    locale_id = edition_locale_id()
    form = SearchForm(request.GET or None)
    context = {"form": form, "terms": [], "results": None, "status": "idle"}
    status = 200
    if form.is_bound:
        if not form.is_valid():
            context["status"] = "invalid"
            status = 400
        else:
            terms = query_terms(form.cleaned_data["q"])
            context["terms"] = terms
            if not terms:
                context["status"] = "empty" if not form.cleaned_data["q"] else "absurd"
            else:
                section = form.section
                found = article_search(
                    terms,
                    section_id=section.pk if section else None,
                    since=form.since,
                    until=form.until,
                    locale_id=locale_id,
                )
                results = Paginator(found, SEARCH_PAGE_SIZE).get_page(
                    request.GET.get("page")
                )
                results.object_list = front_cards_by_ids(
                    list(results.object_list), locale_id=locale_id
                )
                for card in results.object_list:
                    card.title_highlighted = highlight(card.title, terms)
                    card.excerpt_highlighted = highlight(card.excerpt, terms)
                context["results"] = results
                context["status"] = "found" if found else "none"
                query = request.GET.copy()
                query.pop("page", None)
                context["query_string"] = query.urlencode()
    response = render(request, "news/search.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
