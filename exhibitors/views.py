"""Public catalogue pages: exhibitor directory, exhibit catalogue and their detail pages."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from exhibitors import presenters, selectors
from exhibitors.catalogue import ExhibitorCatalogue, Filters, ProductCatalogue

CARDS = {"exhibitor": presenters.exhibitor_cards, "exhibit": presenters.exhibit_cards}


def _list_page(request, catalogue_class, template, kind):
    filters = Filters.from_params(request.GET)
    catalogue = catalogue_class(filters, edition=request.edition)
    facets = catalogue.facets()
    labels = {facet.name: facet.label for facet in facets}
    # get_page() turns "abc" into page 1 and 99999 into the last page: a bookmark never breaks.
    page = catalogue.paginator().get_page(request.GET.get("page"))
    cards = CARDS[kind](presenters.present(list(page.object_list), kind))
    context = {
        "filters": filters,
        "facets": facets,
        "facet_sidebar": presenters.facet_sidebar(catalogue),
        "unknown": [(labels[name], value) for name, value in catalogue.unknown],
        "page": page,
        "cards": cards,
        "sort_links": [(sort, filters.query(sort=sort)) for sort in ("name", "country")],
        "clear_query": filters.query(sector="", category="", country="", hall="", q=""),
    }
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
