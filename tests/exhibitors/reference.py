"""The catalogue's facet counts straight from SQL, as they were computed before the in-process
index (exhibitors/facetindex.py): the straightforward reference the index must agree with."""

from django.db.models import Count, Q
from django_countries import countries

from common import collation
from exhibitors.models import Category, Sector
from expo.models import Venue


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
    f = catalogue.filtered
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
    f = catalogue.filtered
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
