"""Facet counts and the result count from PostgreSQL (or SQLite) alone, in one query.

Facets are disjunctive: a value's count is the rows that value keeps once every *other* active
filter is applied. One query groups the searched rows by country and counts, per facet value,
`COUNT(*) FILTER (WHERE <that value> AND <the other filters>)`; summing the country groups gives
every other facet. The sectors, categories and halls named in the counts are read with it.
"""

from django.db.models import Count, Q
from django_countries import countries

from exhibitors.models import Category, Exhibitor, Product, Sector, Stand
from expo.models import Venue


class Facts:
    """The sectors, categories and halls the counts are over, and each slug's primary key."""

    def __init__(self, edition):
        self.edition = edition
        self.sectors = list(Sector.objects.all())
        self.categories = list(Category.objects.select_related("sector"))
        self.venues = list(Venue.objects.filter(edition=edition).order_by("order", "code")) if edition else []
        self.keys = {
            "sector": {s.slug: s.pk for s in self.sectors},
            "category": {c.slug: c.pk for c in self.categories},
            "hall": {v.slug: v.pk for v in self.venues},
        }

    def key(self, name, value):
        """The value's primary key (a country's code), None when there is no such value."""
        if name == "country":
            return value if value in countries else None
        return self.keys[name].get(value)


def _stands(edition, venue):
    return Stand.objects.filter(edition=edition, venue_id=venue).values("exhibitor_id")


def exhibitor_condition(edition, name, key):
    # Uncorrelated IN subqueries: evaluated once, where a correlated EXISTS runs per row.
    if name == "sector":
        return Q(pk__in=Exhibitor.sectors.through.objects.filter(sector_id=key).values("exhibitor_id"))
    if name == "category":
        return Q(pk__in=Product.objects.published().filter(category_id=key).values("exhibitor_id"))
    if name == "country":
        return Q(country=key)
    return Q(pk__in=_stands(edition, key))


def product_condition(edition, name, key):
    if name == "sector":
        return Q(category__sector_id=key)
    if name == "category":
        return Q(category_id=key)
    if name == "country":
        return Q(exhibitor__country=key)
    return Q(exhibitor_id__in=_stands(edition, key))


def counted(catalogue, facts, facets):
    """{facet: {key: count}} for `facets` ({facet: (filters it ignores, keys to count)}), and the
    result count, from one query over the catalogue's searched rows."""
    condition = catalogue.sql_condition
    chosen = {name: facts.key(name, value) for name, value in catalogue.filters.active().items()}

    def scope(ignore):
        """The other filters, or None when one of them names nothing (then nothing is counted)."""
        q = Q()
        for name, key in chosen.items():
            if name not in ignore:
                if key is None:
                    return None
                q &= condition(catalogue.edition, name, key)
        return q

    aggregates = {}
    everything = scope(())
    if everything is not None:
        aggregates["_total"] = Count("pk", filter=everything or None)
    other = scope({"country"})
    if other is not None:
        aggregates["_country"] = Count("pk", filter=other or None)
    for facet, (ignore, keys) in facets.items():
        other = scope(ignore)
        for key in keys if other is not None else ():
            aggregates[f"{facet}:{key}"] = Count("pk", filter=condition(catalogue.edition, facet, key) & other)
    lookup = catalogue.country_lookup
    groups = list(catalogue.searched().order_by().values(lookup).annotate(**aggregates)) if aggregates else []
    counts = {facet: {} for facet in (*facets, "country")}
    total = 0
    for group in groups:
        code = group.pop(lookup)
        total += group.pop("_total", 0)
        if "_country" in group:
            counts["country"][code] = group.pop("_country")
        for name, n in group.items():
            facet, key = name.split(":", 1)
            counts[facet][int(key)] = counts[facet].get(int(key), 0) + n
    return counts, total
