"""What both catalogues (exhibitors, exhibits) share: filtering, facet counts over the facet
index, the shared cache, ordering and pagination."""

import hashlib

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Min, OuterRef, Subquery, Value
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common import collation
from common.cache import remember
from common.text import phrase_rank, search_words
from exhibitors.catalogue.filters import FACETS, PER_PAGE, Facet, country_options, options
from exhibitors.catalogue.order import OrderedRows, search_masks
from exhibitors.catalogue.rebuild import CATALOGUES, index_for
from exhibitors.models import Category, Exhibitor, Sector, Stand
from expo.models import Venue


class CountedPaginator(Paginator):
    """A paginator told its row count (cached with the facets), sparing a COUNT(*) query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count


class CountryName(models.Func):
    """A country code's name in the active language (django-countries translates it), as
    `CASE code WHEN 'VN' THEN 'Việt Nam' … ELSE '' END`: one column to resolve and compile, where a
    `Case` of `When(country=…)` resolves a lookup for each of the 250 countries on every query."""

    output_field = models.CharField()

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        names = [(code, str(name)) for code, name in countries]
        whens = " ".join(["WHEN %s THEN %s"] * len(names))
        return f"CASE {column} {whens} ELSE '' END", (*params, *[value for pair in names for value in pair])


def country_order(lookup):
    """Order by the country's name in the active language, in Vietnamese order."""
    return collation.by_name(CountryName(lookup))


def ordered(queryset, filters, name, country_lookup):
    """Name order (Vietnamese alphabetical), or country then name; with a query of several words,
    the rows holding them as a phrase come first."""
    order = [collation.by_name(name), "pk"]
    if filters.sort == "country":
        order.insert(0, country_order(country_lookup))
    if filters.q:
        order.insert(0, phrase_rank(search_words(filters.q)))
    return queryset.order_by(*order)


class BaseCatalogue:
    model = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        CATALOGUES.append(cls)  # its orders and word index are built with every index (rebuild.py)

    def __init__(self, filters, *, edition):
        self.filters = filters
        self.edition = edition
        self.unknown = []
        self._facets = None
        self._count = 0
        self._index = None
        self._search_mask = None
        self.phrase_mask = 0
        self._cache_key = None

    def cache_key(self):
        """Names this catalogue state (language, edition, filters); the list templates also key
        their rendered facet fragment with it (plus the content version). Worked out once per
        catalogue: a page asks for it three times."""
        if self._cache_key is None:
            state = (type(self).__name__, translation.get_language(), getattr(self.edition, "pk", None), self.filters)
            self._cache_key = "catalogue:" + hashlib.sha256(repr(state).encode()).hexdigest()
        return self._cache_key

    def _computed(self):
        """(facets, unknown values, result count): the same for every visitor, so shared."""
        return remember(self.cache_key(), self._compute)

    def _compute(self):
        rows = self.facet_table()
        known = {name: {row[0] for row in rows[name]} for name in FACETS}
        known["country"] = set(countries.countries)
        unknown = [(name, value) for name, value in self.filters.active().items() if value not in known[name]]
        labels = {"sector": _("Sector"), "category": _("Category"), "country": _("Country"), "hall": _("Hall")}
        # Plain strings: the key already names the language.
        facets = [Facet(name, str(labels[name]), options(self.filters, name, rows[name])) for name in FACETS]
        count = 0 if unknown else self.scope().bit_count()
        return facets, unknown, count

    def facet_table(self):
        """{facet: [(value, label, count)]}: each facet's values, counted over what the other
        filters keep."""
        index = self.index()
        counts = {name: self.counts(name, ignore) for name, ignore in self.counted_facets.items()}
        return self.facet_rows(index, counts)

    def index(self):
        if self._index is None:
            self._index = index_for(self.edition)
        return self._index

    def scope(self, *, ignore=()):
        """The rows the filters keep (but those in `ignore`), as a bitset over the index's side."""
        index = self.index()
        side = self.side(index)
        mask = side.all
        for name, value in self.filters.active().items():
            if name not in ignore:
                mask &= index.condition(side, name, value)
        if self.filters.q:
            if self._search_mask is None:
                self._search_mask, self.phrase_mask = search_masks(self, side)
            mask &= self._search_mask
        return mask

    def counts(self, name, ignore=None):
        """{value id or code: count} of one facet, the other filters applied."""
        scope = self.scope(ignore=ignore or {name})
        side = self.side(self.index())
        return {key: (bits & scope).bit_count() for key, bits in side.by[name].items()}

    def hall_rows(self, facts, counts):
        halls = counts["hall"]
        return [(venue.slug, str(venue), halls.get(venue.pk, 0)) for venue in facts.venues]

    def country_rows(self, counts):
        return country_options({code: n for code, n in counts["country"].items() if n}, self.filters.country)

    @staticmethod
    def country_ranks():
        """{country code: rank} of the exhibitors' countries in the country sort of the active
        language: the database's collation over the countries' names alone (one row per
        country); countries of the same name share a rank, as they tie in the ORDER BY."""
        names = dict(countries)
        one_each = Exhibitor.objects.order_by().values("country").annotate(first=Min("pk")).values("first")
        by_name = Exhibitor.objects.filter(pk__in=one_each).order_by(country_order("country"))
        codes = by_name.values_list("country", flat=True)
        ranks, rank, previous = {}, -1, None
        for code in codes:
            name = str(names.get(code, ""))
            if name != previous:
                rank, previous = rank + 1, name
            ranks[code] = rank
        return ranks

    def count(self):
        self.facets()
        return self._count

    def check(self):
        """Unknown values and the result count without any facet query, for callers that show
        no facets (the API): one existence query per chosen value, the count shared like the facets."""
        self.unknown = [(name, value) for name, value in self.filters.active().items() if not self._exists(name, value)]
        self._count = 0 if self.unknown else self.scope().bit_count()
        self._facets = []

    def _exists(self, name, value):
        if name == "country":
            return value in countries
        if name == "hall":
            return self.edition is not None and Venue.objects.filter(edition=self.edition, slug=value).exists()
        model = Sector if name == "sector" else Category
        return model.objects.filter(slug=value).exists()

    def paginator(self):
        return CountedPaginator(self.results(), PER_PAGE, count=self.count())

    def facets(self):
        """The four facets, in order; also records which requested values do not exist."""
        if self._facets is None:
            self._facets, self.unknown, self._count = self._computed()
        return self._facets

    def stand_annotations(self, exhibitor_ref):
        if not self.edition:
            return {"stand_code": Value(""), "stand_venue": Value("")}
        # order_by(): one stand per exhibitor and edition, so Stand's default ordering (a join) is moot.
        stands = Stand.objects.filter(exhibitor=OuterRef(exhibitor_ref), edition=self.edition).order_by()
        return {
            "stand_code": Subquery(stands.values("code")[:1]),
            "stand_venue": Subquery(stands.values("venue__code")[:1]),
        }

    def results(self):
        """The ordered rows to paginate, a page at a time in the index's kept order (order.py);
        nothing at all when a filter names an unknown value."""
        self.facets()
        if self.unknown:
            return self.model.objects.none()
        return OrderedRows(self)

    def first(self, count, columns):
        """The first `count` results, reading only `columns`, and their total, without any
        facet: what the site search shows."""
        self.check()
        if self.unknown or not self._count:
            return [], 0
        return OrderedRows(self, read=lambda queryset: self.rows(queryset, columns))[0:count], self._count
