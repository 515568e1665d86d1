"""The catalogue straight from SQL, as it was answered before the in-process index
(exhibitors/catalogue/index.py): filters, search, facet counts and order, the straightforward
reference the index must agree with. Production code has no SQL twin (issue 25, bench/RESULTS.md)."""

from django.db.models import Count, Q
from django_countries import countries

from common import collation
from exhibitors.catalogue import ExhibitorCatalogue
from exhibitors.models import Category, Exhibitor, Product, Sector, Stand
from expo.models import Venue


def _hall(catalogue, exhibitor_field, value):
    if not catalogue.edition:
        return Q(pk__in=[])
    stands = Stand.objects.filter(edition=catalogue.edition, venue__slug=value).values("exhibitor_id")
    return Q(**{f"{exhibitor_field}__in": stands})


def condition(catalogue, name, value):
    """The rows one filter keeps, as a condition on the catalogue's rows."""
    if isinstance(catalogue, ExhibitorCatalogue):
        if name == "sector":
            return Q(pk__in=Exhibitor.sectors.through.objects.filter(sector__slug=value).values("exhibitor_id"))
        if name == "category":
            return Q(pk__in=Product.objects.published().filter(category__slug=value).values("exhibitor_id"))
        return Q(country=value) if name == "country" else _hall(catalogue, "pk", value)
    if name == "sector":
        return Q(category__sector__slug=value)
    if name == "category":
        return Q(category__slug=value)
    return Q(exhibitor__country=value) if name == "country" else _hall(catalogue, "exhibitor_id", value)


def filtered(catalogue, *, ignore=()):
    """The rows the catalogue's filters (but those in `ignore`) and search keep."""
    queryset = catalogue.base()
    for name, value in catalogue.filters.active().items():
        if name not in ignore:
            queryset = queryset.filter(condition(catalogue, name, value))
    if catalogue.filters.q:
        queryset = queryset.search(catalogue.filters.q)
    return queryset


def results(catalogue):
    """The catalogue's rows, filtered and ordered by the database over the whole set (none when
    a filter names an unknown value)."""
    catalogue.facets()
    if catalogue.unknown:
        return catalogue.model.objects.none()
    return catalogue.rows(filtered(catalogue))


def _country_rows(queryset, lookup, selected):
    counts = dict(queryset.order_by().values_list(lookup).annotate(n=Count("pk")))
    if selected in countries and selected not in counts:
        counts[selected] = 0
    rows = [(code, str(countries.name(code)), n) for code, n in counts.items() if code]
    return sorted(rows, key=lambda row: collation.sort_key(row[1]))


def _hall_rows(catalogue, counted):
    if catalogue.edition is None:
        return []
    venues = Venue.objects.filter(edition=catalogue.edition).annotate(n=counted).order_by("order", "code")
    return [(venue.slug, str(venue), venue.n) for venue in venues]


def exhibitor_facet_rows(catalogue):
    def f(ignore):
        return filtered(catalogue, ignore=ignore)

    in_scope = f(ignore={"sector"}).values("pk")
    sectors = Sector.objects.annotate(n=Count("exhibitors", filter=Q(exhibitors__in=in_scope)))
    in_scope = f(ignore={"category"}).values("pk")
    makers = Q(products__is_published=True, products__exhibitor__in=in_scope)
    categories = Category.objects.select_related("sector").annotate(
        n=Count("products__exhibitor", filter=makers, distinct=True)
    )
    in_scope = f(ignore={"hall"}).values("pk")
    return {
        "sector": [(s.slug, s.name, s.n) for s in sectors],
        "category": [(c.slug, c.name, c.n) for c in categories],
        "country": _country_rows(f(ignore={"country"}), "country", catalogue.filters.country),
        "hall": _hall_rows(
            catalogue, Count("stands__exhibitor", filter=Q(stands__exhibitor__in=in_scope), distinct=True)
        ),
    }


def product_facet_rows(catalogue):
    def f(ignore):
        return filtered(catalogue, ignore=ignore)

    in_scope = f(ignore={"sector", "category"}).values("pk")
    categories = list(
        Category.objects.select_related("sector").annotate(n=Count("products", filter=Q(products__in=in_scope)))
    )
    sectors = {}
    for category in categories:
        slug, name, n = sectors.get(category.sector.slug, (category.sector.slug, category.sector.name, 0))
        sectors[category.sector.slug] = (slug, name, n + category.n)
    selected = catalogue.filters.sector
    shown = [c for c in categories if c.sector.slug == selected] if selected else categories
    hidden = [(c.slug, c.name, 0) for c in categories if c.slug == catalogue.filters.category and c not in shown]
    products_in = Q(stands__exhibitor__products__in=f(ignore={"hall"}))
    return {
        "sector": list(sectors.values()),
        "category": [(c.slug, c.name, c.n) for c in shown] + hidden,
        "country": _country_rows(f(ignore={"country"}), "exhibitor__country", catalogue.filters.country),
        "hall": _hall_rows(catalogue, Count("stands__exhibitor__products", filter=products_in)),
    }
