"""Public catalogue pages: exhibitor directory, exhibit catalogue and their detail pages."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from django_countries import countries

from exhibitors.catalogue import ExhibitorCatalogue, Filters, ProductCatalogue
from exhibitors.models import Exhibitor, Product, ProductImage, Stand
from expo import collation
from expo.cache import content_version
from expo.models import Edition


def _prepare_cards(rows, detail_url_name):
    """Give each row of a page its link, country name, stand label and first image once, in
    Python: per card in the template each of these costs a reverse(), a translation lookup or
    a queryset."""
    # One reverse() for the page: a slug is URL-safe, so the others follow the same pattern.
    prefix = reverse(detail_url_name, kwargs={"slug": "slug"}).removesuffix("slug/")
    names = {}
    stand = gettext("Stand %(code)s")
    for row in rows:
        exhibitor = getattr(row, "exhibitor", row)
        code = exhibitor.country.code
        if code not in names:
            names[code] = str(countries.name(code))
        row.url = f"{prefix}{row.slug}/"
        row.country_name = names[code]
        # The same message as the templates' {% blocktranslate %}Stand {{ code }}…
        row.stand_label = stand % {"code": row.stand_code} if row.stand_code else ""
        if "images" in getattr(row, "_prefetched_objects_cache", {}):
            images = row._prefetched_objects_cache["images"]
            row.first_image = images[0] if images else None
    return rows


def _list_page(request, catalogue_class, template, detail_url_name):
    edition = Edition.objects.current()
    filters = Filters.from_params(request.GET)
    catalogue = catalogue_class(filters, edition=edition)
    facets = catalogue.facets()
    labels = {facet.name: facet.label for facet in facets}
    # get_page() turns "abc" into page 1 and 99999 into the last page: a bookmark never breaks.
    page = catalogue.paginator().get_page(request.GET.get("page"))
    cards = _prepare_cards(list(page.object_list), detail_url_name)
    context = {
        "current_edition": edition,  # spares the context processor its own query
        "filters": filters,
        "facets": facets,
        # The rendered facets are shared too (templates' {% cache %}), under the content version.
        "facets_cache_key": f"{content_version()}:{catalogue.cache_key()}",
        "facets_cache_seconds": settings.EXPO_FRAGMENT_CACHE_SECONDS,
        "has_facets": any(facet.options for facet in facets),
        "unknown": [(labels[name], value) for name, value in catalogue.unknown],
        "page": page,
        "cards": cards,
        "sort_links": [(sort, filters.query(sort=sort)) for sort in ("name", "country")],
        "clear_query": filters.query(sector="", category="", country="", hall="", q=""),
    }
    return render(request, template, context)


@require_safe
def exhibitor_list(request):
    return _list_page(request, ExhibitorCatalogue, "exhibitors/exhibitor_list.html", "exhibitors:exhibitor_detail")


@require_safe
def product_list(request):
    return _list_page(request, ProductCatalogue, "exhibitors/product_list.html", "exhibitors:product_detail")


def _stand(exhibitor_id, edition):
    if edition is None:
        return None
    return Stand.objects.filter(exhibitor_id=exhibitor_id, edition=edition).select_related("venue").first()


@require_safe
def exhibitor_detail(request, slug):
    edition = Edition.objects.current()
    exhibitor = get_object_or_404(Exhibitor.objects.prefetch_related("sectors"), slug=slug)
    products = (
        exhibitor.products.published()
        .select_related("category")
        .prefetch_related(Prefetch("images", queryset=ProductImage.objects.order_by("order", "pk")))
        .order_by(collation.by_name("name_vi"), "pk")
    )
    context = {
        "current_edition": edition,
        "object": exhibitor,
        "exhibitor": exhibitor,
        "stand": _stand(exhibitor.pk, edition),
        "products": products,
    }
    return render(request, "exhibitors/exhibitor_detail.html", context)


@require_safe
def product_detail(request, slug):
    edition = Edition.objects.current()
    product = get_object_or_404(
        Product.objects.published()
        .select_related("exhibitor", "category__sector")
        .prefetch_related("specifications", Prefetch("images", queryset=ProductImage.objects.order_by("order", "pk"))),
        slug=slug,
    )
    context = {
        "current_edition": edition,
        "object": product,
        "product": product,
        "stand": _stand(product.exhibitor_id, edition),
    }
    return render(request, "exhibitors/product_detail.html", context)
