"""Public catalogue pages: exhibitor directory, exhibit catalogue and their detail pages."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from common.cache import remember
from exhibitors import presenters, selectors, suggestions
from exhibitors.catalogue import ExhibitorCatalogue, Filters, ProductCatalogue

CARDS = {"exhibitor": presenters.exhibitor_cards, "exhibit": presenters.exhibit_cards}


def _page_number(paginator, value):
    """What Paginator.get_page() does with `value`, without reading the page's rows: "abc" is
    page 1 and 99999 the last page, so a bookmark never breaks."""
    try:
        return paginator.validate_number(value)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def _cards(catalogue, paginator, number, kind):
    """One page of cards as HTML: the same for every visitor of this catalogue state and page, so
    rendered once and kept in the shared fragment cache beside the facet counts (the state's key
    names the language, edition and filters; remember() adds the content version)."""

    def render_cards():
        rows = presenters.present(list(paginator.page(number).object_list), kind)
        return render_to_string(f"exhibitors/includes/{kind}_cards.html", {"cards": CARDS[kind](rows)}) if rows else ""

    return remember(f"{catalogue.cache_key()}:cards:{number}", render_cards)


def _list_page(request, catalogue_class, template, kind):
    filters = Filters.from_params(request.GET)
    catalogue = catalogue_class(filters, edition=request.edition)
    facets = catalogue.facets()
    labels = {facet.name: facet.label for facet in facets}
    paginator = catalogue.paginator()
    number = _page_number(paginator, request.GET.get("page"))
    context = {
        "filters": filters,
        "facets": facets,
        "facet_sidebar": presenters.facet_sidebar(catalogue),
        "unknown": [(labels[name], value) for name, value in catalogue.unknown],
        # The pagination links need only the number and the count: no rows.
        "page": Page([], number, paginator),
        "cards": _cards(catalogue, paginator, number, kind),
        "sort_links": [(sort, filters.query(sort=sort)) for sort in ("name", "country")],
        "clear_query": filters.query(sector="", category="", country="", hall="", q=""),
    }
    if filters.q:
        context.update(suggestions.for_search(filters.q, edition=request.edition, found_nothing=not paginator.count))
    return render(request, template, context)


@require_safe
def exhibitor_list(request):
    return _list_page(request, ExhibitorCatalogue, "exhibitors/exhibitor_list.html", "exhibitor")


@require_safe
def product_list(request):
    return _list_page(request, ProductCatalogue, "exhibitors/product_list.html", "exhibit")


@require_safe
def exhibitor_detail(request, slug):
    exhibitor = get_object_or_404(selectors.exhibitor_page(request.edition), slug=slug)
    context = {
        "object": exhibitor,
        "exhibitor": exhibitor,
        "stand": selectors.stand_of(exhibitor),
        # Each card's link and first image computed once per page, as on the lists.
        "products": presenters.present(list(selectors.exhibits_of(exhibitor)), "exhibit"),
    }
    return render(request, "exhibitors/exhibitor_detail.html", context)


@require_safe
def product_detail(request, slug):
    product = get_object_or_404(selectors.exhibit_page(request.edition), slug=slug)
    context = {
        "object": product,
        "product": product,
        "stand": selectors.stand_of(product),
    }
    return render(request, "exhibitors/product_detail.html", context)
