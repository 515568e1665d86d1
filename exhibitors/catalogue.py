"""Browsing the catalogue: filters from a query string, facet counts and ordered results.

The public pages and the API share this module, so "?sector=naval&country=VN&q=tau" means
the same thing in both. Facet counts are disjunctive: each facet counts what the *other*
filters leave, so a visitor sees how many results each alternative value would give.
Each facet is one GROUP BY query over the filtered set (an uncorrelated IN subquery that the
database evaluates once), so a list page costs the same handful of queries at 10 or 15,000
rows. The facet counts and the result count are the same for every visitor, so they are kept
in the shared cache per filter combination and language, keyed by the content version: any
edit makes them fresh on the next request.
"""

import hashlib
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common import collation
from common.cache import remember
from common.text import phrase_rank, search_words
from exhibitors import selectors
from exhibitors.facetindex import index_for
from exhibitors.models import Category, Exhibitor, Product, Sector, Stand
from exhibitors.ordering import OrderedRows, search_masks
from expo.models import Venue

PER_PAGE = 24
MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 80
FACETS = ("sector", "category", "country", "hall")
SORTS = ("name", "country")
# Long texts a list card never shows: not read from the database at all.
PRODUCT_LIST_DEFERRED = (
    "description", "description_vi", "description_en", "search_text",
    "exhibitor__description", "exhibitor__description_vi", "exhibitor__description_en",
    "exhibitor__search_text", "exhibitor__press_contact", "exhibitor__logo_renditions",
    "category__description", "category__description_vi", "category__description_en",
    "category__sector__description", "category__sector__description_vi", "category__sector__description_en",
)  # fmt: skip
EXHIBITOR_LIST_DEFERRED = ("description", "description_vi", "description_en", "search_text", "press_contact")


class CountedPaginator(Paginator):
    """A paginator told its row count (cached with the facets), sparing a COUNT(*) query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count


def clean(value, limit):
    """A parameter as text: control characters (NUL breaks PostgreSQL) and extra spaces removed."""
    text = "".join(ch for ch in str(value or "") if unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())[:limit]


@dataclass(frozen=True)
class Filters:
    sector: str = ""
    category: str = ""
    country: str = ""
    hall: str = ""
    q: str = ""
    sort: str = "name"

    @classmethod
    def from_params(cls, params):
        """Read a query string leniently (pages): over-long values are cut, unknown sorts ignored."""

        def value(key, limit=MAX_VALUE_LENGTH):
            return clean(params.get(key), limit)

        sort = value("sort")
        return cls(
            sector=value("sector"),
            category=value("category"),
            country=value("country").upper(),
            hall=value("hall"),
            q=value("q", MAX_QUERY_LENGTH),
            sort=sort if sort in SORTS else "name",
        )

    def active(self):
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    def query(self, **changes):
        """The query string of this state with some values changed ("" removes one); page resets."""
        state = replace(self, **changes)
        params = {name: getattr(state, name) for name in (*FACETS, "q") if getattr(state, name)}
        if state.sort != "name":
            params["sort"] = state.sort
        return "?" + urlencode(params) if params else "?"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    query: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


def _options(filters, name, rows):
    """Facet options with a result (plus the selected one), each with the link that toggles it."""
    selected = getattr(filters, name)
    options = []
    for value, label, count in rows:
        is_selected = value == selected
        if count or is_selected:
            query = filters.query(**{name: "" if is_selected else value})
            options.append(Option(value, label, count, is_selected, query))
    return options


def _country_options(counts, selected):
    if selected in countries and selected not in counts:
        counts[selected] = 0  # a chosen country with no result stays visible, so it can be removed
    rows = [(code, str(countries.name(code)), n) for code, n in counts.items() if code]
    return sorted(rows, key=lambda row: collation.sort_key(row[1]))


def _country_order(lookup):
    """Order by the country's name in the active language (django-countries translates it)."""
    whens = [models.When(**{lookup: code}, then=Value(str(name))) for code, name in countries]
    return collation.by_name(models.Case(*whens, default=Value(""), output_field=models.CharField()))


def _ordered(queryset, filters, name, country_lookup):
    """Name order (Vietnamese alphabetical), or country then name; with a query of several words,
    the rows holding them as a phrase come first."""
    order = [collation.by_name(name), "pk"]
    if filters.sort == "country":
        order.insert(0, _country_order(country_lookup))
    if filters.q:
        order.insert(0, phrase_rank(search_words(filters.q)))
    return queryset.order_by(*order)


class BaseCatalogue:
    model = None

    def __init__(self, filters, *, edition):
        self.filters = filters
        self.edition = edition
        self.unknown = []
        self._facets = None
        self._count = 0
        self._index = None
        self._search_mask = None
        self.phrase_mask = 0

    def filtered(self, *, ignore=()):
        queryset = self.base()
        for name, value in self.filters.active().items():
            if name not in ignore:
                queryset = queryset.filter(self.condition(name, value))
        if self.filters.q:
            queryset = queryset.search(self.filters.q)
        return queryset

    def hall_condition(self, exhibitor_field, value):
        if not self.edition:
            return Q(pk__in=[])
        stands = Stand.objects.filter(edition=self.edition, venue__slug=value).values("exhibitor_id")
        return Q(**{f"{exhibitor_field}__in": stands})

    def cache_key(self):
        """Names this catalogue state (language, edition, filters); the list templates also key
        their rendered facet fragment with it (plus the content version)."""
        state = (type(self).__name__, translation.get_language(), getattr(self.edition, "pk", None), self.filters)
        return "catalogue:" + hashlib.sha256(repr(state).encode()).hexdigest()

    def _computed(self):
        """(facets, unknown values, result count): the same for every visitor, so shared."""
        return remember(self.cache_key(), self._compute)

    def _compute(self):
        rows = self.facet_rows()
        known = {name: {row[0] for row in rows[name]} for name in FACETS}
        known["country"] = set(countries.countries)
        unknown = [(name, value) for name, value in self.filters.active().items() if value not in known[name]]
        labels = {"sector": _("Sector"), "category": _("Category"), "country": _("Country"), "hall": _("Hall")}
        # Plain strings: the key already names the language.
        facets = [Facet(name, str(labels[name]), _options(self.filters, name, rows[name])) for name in FACETS]
        count = 0 if unknown else self.scope().bit_count()
        return facets, unknown, count

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

    def counts(self, name):
        """{value id or code: count} of one facet, the other filters applied."""
        scope = self.scope(ignore={name})
        side = self.side(self.index())
        return {key: (bits & scope).bit_count() for key, bits in side.by[name].items()}

    def hall_counts(self):
        if self.edition is None:
            return []
        counts = self.counts("hall")
        return [(venue.slug, str(venue), counts.get(venue.pk, 0)) for venue in self.index().venues]

    def country_counts(self):
        return _country_options({code: n for code, n in self.counts("country").items() if n}, self.filters.country)

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
        """The ordered rows to paginate, a page at a time in the index's kept order (ordering.py);
        nothing at all when a filter names an unknown value."""
        self.facets()
        if self.unknown:
            return self.model.objects.none()
        return OrderedRows(self)

    def sql_results(self):
        """The same rows, filtered and ordered by the database over the whole set: the reference
        the index's order is tested against."""
        self.facets()
        if self.unknown:
            return self.model.objects.none()
        return self.rows(self.filtered())


class ExhibitorCatalogue(BaseCatalogue):
    model = Exhibitor

    def base(self):
        return Exhibitor.objects.all()

    def condition(self, name, value):
        # Uncorrelated IN subqueries: evaluated once, where a correlated EXISTS runs per row.
        if name == "sector":
            return Q(pk__in=Exhibitor.sectors.through.objects.filter(sector__slug=value).values("exhibitor_id"))
        if name == "category":
            return Q(pk__in=Product.objects.published().filter(category__slug=value).values("exhibitor_id"))
        if name == "country":
            return Q(country=value)
        return self.hall_condition("pk", value)

    def side(self, index):
        return index.exhibitors

    def facet_rows(self):
        index = self.index()
        sectors, categories = self.counts("sector"), self.counts("category")
        return {
            "sector": [(s.slug, s.name, sectors.get(s.pk, 0)) for s in index.sectors],
            "category": [(c.slug, c.name, categories.get(c.pk, 0)) for c in index.categories],
            "country": self.country_counts(),
            "hall": self.hall_counts(),
        }

    def rows(self, queryset):
        queryset = queryset.defer(*EXHIBITOR_LIST_DEFERRED).annotate(**self.stand_annotations("pk"))
        return _ordered(queryset, self.filters, "name", "country")


class ProductCatalogue(BaseCatalogue):
    model = Product

    def base(self):
        return Product.objects.published()

    def condition(self, name, value):
        if name == "sector":
            return Q(category__sector__slug=value)
        if name == "category":
            return Q(category__slug=value)
        if name == "country":
            return Q(exhibitor__country=value)
        return self.hall_condition("exhibitor_id", value)

    def side(self, index):
        return index.products

    def facet_rows(self):
        index = self.index()
        scope = self.scope(ignore={"sector", "category"})
        by_category = index.products.by["category"]
        counts = [(c, (by_category.get(c.pk, 0) & scope).bit_count()) for c in index.categories]
        sectors = {}
        for category, n in counts:
            slug, name, total = sectors.get(category.sector.slug, (category.sector.slug, category.sector.name, 0))
            sectors[category.sector.slug] = (slug, name, total + n)
        selected = self.filters.sector
        shown = [(c, n) for c, n in counts if c.sector.slug == selected] if selected else counts
        hidden = [(c.slug, c.name, 0) for c, _n in counts if c.slug == self.filters.category and (c, _n) not in shown]
        return {
            "sector": list(sectors.values()),
            "category": [(c.slug, c.name, n) for c, n in shown] + hidden,
            "country": self.country_counts(),
            "hall": self.hall_counts(),
        }

    def rows(self, queryset):
        language = translation.get_language() or "vi"
        name = F("name_vi")
        if language != "vi":
            name = Coalesce(NullIf(F(f"name_{language}"), Value("")), F("name_vi"), output_field=models.CharField())
        queryset = (
            queryset.select_related("exhibitor", "category__sector")
            .defer(*PRODUCT_LIST_DEFERRED)
            .prefetch_related(selectors.ordered_images())
            .annotate(sort_name=name, **self.stand_annotations("exhibitor"))
        )
        return _ordered(queryset, self.filters, "sort_name", "exhibitor__country")
