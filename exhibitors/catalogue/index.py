"""The catalogue's in-process index: facet counts, search matches and result order.

Each process keeps, per edition and catalogue version (common.cache.area), one bitset (a Python
int, bitsets.py) per facet value over the published exhibits and over the exhibitors; a filter
is an AND of bitsets and a count is `int.bit_count()`, whatever the filters. A search is one
more bitset, from the side's word index (words.py, built on the first search); the rows of a
page come in the order the database gives the whole side, kept the first time it is asked for
(order.py), and a page reads only its own rows. A write to a catalogue model moves the
catalogue's version, and the next catalogue request has it rebuilt off the request path, while the
previous index is served meanwhile (rebuild.py, `index_for`).
What it costs, against PostgreSQL alone, is in bench/RESULTS.md.
"""

import threading
from array import array
from dataclasses import dataclass, field

from django.db.models import Aggregate, CharField, IntegerField, Max, Q, Value

from exhibitors.catalogue.bitsets import bitset
from exhibitors.catalogue.courtesy import every
from exhibitors.catalogue.words import WordIndex
from exhibitors.models import Category, Exhibitor, Product, Sector, Stand
from expo.models import Venue

# The catalogue's own version (common.cache.area): moved by writes to what the index reads
# alone, so a programme delay or a press release never rebuilds it.
AREA = "catalogue"
MODELS = (Sector, Category, Exhibitor, Stand, Product, Venue)


class IdList(Aggregate):
    """The grouped ids as "1,4,7" (GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template="%(function)s((%(expressions)s)::text, ',')"
        )


@dataclass
class Side:
    """One list (exhibitors or published exhibits): row positions by primary key, bitsets per value."""

    positions: dict
    pks: array = field(default_factory=lambda: array("q"))  # position -> primary key
    all: int = 0
    by: dict = field(default_factory=dict)  # facet name -> {value id or code: bitset}
    words: object = None  # the WordIndex, once a search has asked for it
    lock: object = field(default_factory=threading.Lock)  # one thread builds the word index

    def __getstate__(self):
        # Handed to the other processes through the shared cache (rebuild.py) without its lock,
        # and without the positions, which the primary keys give again (a dict of 60,000 entries
        # is one long call to unpickle, a loop that gives way to rebuild: courtesy.py).
        return {name: value for name, value in self.__dict__.items() if name not in ("lock", "positions")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.positions = {pk: at for at, pk in enumerate(every(self.pks))}
        self.lock = threading.Lock()

    def values(self, name, key):
        return self.by[name].get(key, 0)

    def matching(self, pks):
        return bitset((self.positions[pk] for pk in pks if pk in self.positions), len(self.positions))

    def word_index(self, queryset):
        """The side's search (exhibitors/catalogue/words.py), built from `queryset`'s search columns on
        the first search of this content version."""
        if self.words is None:
            with self.lock:
                if self.words is None:
                    rows = queryset.order_by().values_list("pk", "search_text").iterator()
                    self.words = WordIndex(rows, self.positions)
        return self.words


class CatalogueIndex:
    def __init__(self, edition, version=None):
        self.version = version
        self.sectors = list(Sector.objects.all())
        self.categories = list(Category.objects.select_related("sector"))
        # (catalogue, language, sort) -> every row's position in that order (exhibitors/catalogue/order.py)
        self.orders = {}
        self.prepared = False  # every order and word index built in (rebuild._prepare)
        self.venues = list(Venue.objects.filter(edition=edition).order_by("order", "code")) if edition else []
        # Each exhibitor with its hall at this edition and its sectors, in one query.
        hall = Max("stands__venue_id", filter=Q(stands__edition=edition)) if edition else Value(None, IntegerField())
        rows = list(
            Exhibitor.objects.order_by("pk")
            .values_list("pk", "country")
            .annotate(hall=hall, sectors=IdList("sectors__id"))
        )
        exhibitors = [(pk, code) for pk, code, _hall, _sectors in rows]
        stands = [(pk, venue) for pk, _code, venue, _sectors in rows if venue is not None]
        through = [(pk, int(s)) for pk, _code, _venue, ids in rows for s in set((ids or "").split(",")) if s]
        products = list(Product.objects.published().order_by("pk").values_list("pk", "exhibitor_id", "category_id"))

        self.slugs = {
            "sector": {s.slug: s.pk for s in self.sectors},
            "category": {c.slug: c.pk for c in self.categories},
            "hall": {v.slug: v.pk for v in self.venues},
        }
        sector_of_category = {c.pk: c.sector_id for c in self.categories}
        country = dict(exhibitors)
        hall = dict(stands)  # one stand per exhibitor and edition
        exhibitor_at = {pk: n for n, (pk, _c) in enumerate(exhibitors)}
        product_at = {pk: n for n, (pk, _e, _c) in enumerate(products)}

        def group(pairs, size):
            grouped = {}
            for key, position in every(pairs):
                grouped.setdefault(key, []).append(position)
            return {key: bitset(positions, size) for key, positions in grouped.items()}

        e, p = len(exhibitors), len(products)
        self.exhibitors = Side(exhibitor_at, array("q", [pk for pk, _c in exhibitors]), all=(1 << e) - 1)
        self.exhibitors.by = {
            "sector": group(((s, exhibitor_at[x]) for x, s in through if x in exhibitor_at), e),
            # A maker counts in a category when one of its published exhibits is in it.
            "category": group(((c, exhibitor_at[x]) for _pk, x, c in products if x in exhibitor_at), e),
            "country": group(((code, n) for n, (_pk, code) in enumerate(exhibitors)), e),
            "hall": group(((hall[x], exhibitor_at[x]) for x in hall if x in exhibitor_at), e),
        }
        self.products = Side(product_at, array("q", [pk for pk, _x, _c in products]), all=(1 << p) - 1)
        self.products.by = {
            "sector": group(((sector_of_category.get(c), n) for n, (_pk, _x, c) in enumerate(products)), p),
            "category": group(((c, n) for n, (_pk, _x, c) in enumerate(products)), p),
            "country": group(((country.get(x), n) for n, (_pk, x, _c) in enumerate(products)), p),
            "hall": group(((hall[x], n) for n, (_pk, x, _c) in enumerate(products) if x in hall), p),
        }

    def condition(self, side, name, value):
        """The rows a filter keeps (an unknown value keeps none, as the SQL filter does)."""
        if name == "country":
            return side.values("country", value)
        key = self.slugs[name].get(value)
        return side.values(name, key) if key is not None else 0
