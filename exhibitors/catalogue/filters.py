"""What a catalogue query string means, and the facet options offered from it.

"?sector=naval&country=VN&q=tau" reads the same for the pages and the API (the API refuses
what the pages cut, with the same limits).
"""

import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django_countries import countries

from common import collation

PER_PAGE = 24
MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 80
FACETS = ("sector", "category", "country", "hall")
SORTS = ("name", "country")


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


def options(filters, name, rows):
    """Facet options with a result (plus the selected one), each with the link that toggles it."""
    selected = getattr(filters, name)
    options = []
    for value, label, count in rows:
        is_selected = value == selected
        if count or is_selected:
            query = filters.query(**{name: "" if is_selected else value})
            options.append(Option(value, label, count, is_selected, query))
    return options


def country_options(counts, selected):
    if selected in countries and selected not in counts:
        counts[selected] = 0  # a chosen country with no result stays visible, so it can be removed
    rows = [(code, str(countries.name(code)), n) for code, n in counts.items() if code]
    return sorted(rows, key=lambda row: collation.sort_key(row[1]))
