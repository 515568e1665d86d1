"""The catalogue's result rows from the in-process index, in the database's own order.

The order of a row never depends on the filters, so the index (index.py) keeps, per side,
language and sort, the positions of all its rows in the order the catalogue's own ORDER BY gives
(one query the first time that order is needed, then kept until the next edit): the database's
collation decides, nothing is re-sorted in Python. A request walks that order keeping the rows
its filter bitset holds and reads only its page, 24 rows by primary key. Before an order is kept,
a small result (a search, several filters) is ordered by the database over just its rows, so
the first such requests after an edit spare the sort of the whole side. A search puts the rows
holding its words as a phrase first (the same `phrase_rank` as the SQL order), each group in the
kept order.
"""

from array import array

from django.utils import translation

from common.text import search_words
from exhibitors.catalogue.bitsets import members
from exhibitors.catalogue.courtesy import every

# Up to this many rows, a page whose order is not kept yet is ordered by the database over just
# those rows (their primary keys in the query), sparing the query that sorts the whole side.
SMALL = 500


def order_key(catalogue):
    """Names the catalogue's order in its index's kept orders: its kind, the active language, its sort."""
    return type(catalogue).__name__, translation.get_language(), catalogue.filters.sort


def kept_order(catalogue, side, *, build=True):
    """Positions of every row of `side`, in the catalogue's order for the active language and sort
    (None when not kept yet and `build` is false)."""
    index = catalogue.index()
    key = order_key(catalogue)
    order = index.orders.get(key)
    if order is None and build:
        order = index.orders[key] = read_order(catalogue, side, index.orders)
    return order


def read_order(catalogue, side, kept):
    """Positions of every row of `side` in the catalogue's order (its sort, the active language),
    as an array, handed to the other processes in one quick copy. The name order is one query
    over the whole side; the country order is made from it (`_by_country`), keeping it in
    `kept` (the index's orders) if it was not. The builder (rebuild.py) reads again what the
    previous index kept."""
    if catalogue.filters.sort == "country":
        return _by_country(catalogue, side, kept)
    everything = type(catalogue)(type(catalogue.filters)(sort=catalogue.filters.sort), edition=catalogue.edition)
    pks = everything.rows(everything.base()).prefetch_related(None).values_list("pk", flat=True)
    order = array("I", [side.positions[pk] for pk in every(pks) if pk in side.positions])
    if len(order) != len(side.positions):  # an edit between the index and this query: keep every row
        missing = set(range(len(side.positions))).difference(order)
        order.extend(sorted(missing))
    return order


def _by_country(catalogue, side, kept):
    """The country sort (country, then name) as the catalogue's ORDER BY gives it, from the name
    order: each row joins its country's run in name order, and the runs follow the order the
    database's collation gives the countries' names (one row per country). Sorting every row
    again by country and name took PostgreSQL 266 ms per language for the exhibits at 4 × the
    design scale, beside the visitors' queries while the index is rebuilt."""
    by_name = type(catalogue)(type(catalogue.filters)(sort="name"), edition=catalogue.edition)
    key = order_key(by_name)
    if key not in kept:
        kept[key] = read_order(by_name, side, kept)
    ranks = catalogue.country_ranks()
    unranked = max(ranks.values(), default=-1) + 1  # a country added since the ranking: last
    rank_of = array("H", [unranked]) * len(side.positions)
    for code, mask in side.by["country"].items():
        rank = ranks.get(code, unranked)
        for position in every(members(mask)):
            rank_of[position] = rank
    runs = [array("I") for _ in range(unranked + 1)]
    for position in every(kept[key]):
        runs[rank_of[position]].append(position)
    order = array("I")
    for run in runs:
        order.extend(run)
    return order


def search_masks(catalogue, side):
    """The rows a search matches, and those of them holding its words as a phrase (the SQL order's
    `phrase_rank` 0, which comes first), as two bitsets over `side`, from the side's word index."""
    words = search_words(catalogue.filters.q)
    index = side.word_index(catalogue.base())
    mask = index.matching(words)
    return mask, index.phrase(mask, words)


class OrderedRows:
    """The rows the filters keep, in order, as a sequence for Django's Paginator: its length is a
    bit count (no COUNT query) and a slice reads only the rows in it (one query, plus prefetches)."""

    def __init__(self, catalogue, read=None):
        """`read` narrows the queryset a slice reads (the columns a reader needs); by default the
        catalogue's own list rows."""
        self.catalogue = catalogue
        self.read = read or catalogue.rows
        index = catalogue.index()
        self.side = catalogue.side(index)
        if not catalogue.count():  # known with the (shared) facets: no search query to learn it
            self.groups, self.size = [0], 0
            return
        mask = catalogue.scope()
        self.groups = [mask]
        if catalogue.filters.q:  # scope() has read the search's phrase matches too
            self.groups = [mask & catalogue.phrase_mask, mask & ~catalogue.phrase_mask]
        self.size = mask.bit_count()

    def __len__(self):
        return self.size

    def positions(self, start, stop):
        """The positions of the rows from `start` to `stop` (exclusive) in the order."""
        order = kept_order(self.catalogue, self.side)
        found, skip, want = [], start, stop - start
        for mask in self.groups:
            count = mask.bit_count()
            if skip >= count:
                skip -= count
                continue
            take = want - len(found)
            if mask == self.side.all:
                found.extend(order[skip : skip + take])
            else:
                bits = mask.to_bytes((len(order) + 7) // 8, "little")
                seen, last = 0, skip + take
                for position in order:
                    if bits[position >> 3] >> (position & 7) & 1:
                        if seen >= skip:
                            found.append(position)
                        seen += 1
                        if seen >= last:
                            break
            skip = 0
            if len(found) >= want:
                break
        return found

    def __getitem__(self, key):
        if not isinstance(key, slice):
            rows = self[key : key + 1]
            if not rows:
                raise IndexError(key)
            return rows[0]
        start, stop, step = key.indices(self.size)
        if step != 1:
            raise ValueError("OrderedRows slices have no step.")
        if start >= stop:
            return []
        pks, catalogue = self.side.pks, self.catalogue
        if self.size <= SMALL and kept_order(catalogue, self.side, build=False) is None:
            mine = [pks[position] for mask in self.groups for position in members(mask)]
            return list(self.read(catalogue.base().filter(pk__in=mine))[start:stop])
        wanted = [pks[position] for position in self.positions(start, stop)]
        rank = {pk: n for n, pk in enumerate(wanted)}
        rows = self.read(catalogue.base().filter(pk__in=wanted)).order_by()
        return sorted(rows, key=lambda row: rank[row.pk])
