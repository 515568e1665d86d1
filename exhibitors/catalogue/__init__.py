"""Browsing the catalogue: filters from a query string, facet counts and ordered results.

The public pages and the API share this module, so "?sector=naval&country=VN&q=tau" means
the same thing in both. Facet counts are disjunctive: each facet counts what the *other*
filters leave, so a visitor sees how many results each alternative value would give.
Facet counts, matches and the order of the results come from each process's in-process index
(index.py, words.py, order.py), so a list page reads only its own rows; it is the catalogue's
one read path (docs/catalogue.md; tests/exhibitors/reference.py is the SQL it is tested
against). The facet counts and the result count are the same for every visitor, so they are
kept in the shared cache per filter combination and language, keyed by the content version:
any edit makes them fresh on the next request.
"""

from exhibitors.catalogue.base import BaseCatalogue, CountedPaginator
from exhibitors.catalogue.filters import (
    FACETS,
    MAX_QUERY_LENGTH,
    MAX_VALUE_LENGTH,
    PER_PAGE,
    SORTS,
    Facet,
    Filters,
    Option,
    clean,
)
from exhibitors.catalogue.lists import (
    EXHIBITOR_LIST_DEFERRED,
    PRODUCT_LIST_DEFERRED,
    ExhibitorCatalogue,
    ProductCatalogue,
)

__all__ = [
    "EXHIBITOR_LIST_DEFERRED",
    "FACETS",
    "MAX_QUERY_LENGTH",
    "MAX_VALUE_LENGTH",
    "PER_PAGE",
    "PRODUCT_LIST_DEFERRED",
    "SORTS",
    "BaseCatalogue",
    "CountedPaginator",
    "ExhibitorCatalogue",
    "Facet",
    "Filters",
    "Option",
    "ProductCatalogue",
    "clean",
]
