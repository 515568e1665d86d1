"""What a visitor's list holds: starred exhibitors, exhibits and programme items, read by the ids a
browser keeps (slugs; never anything about the visitor), in one query per kind.

A list travels as a query string: `e=` exhibitors, `x=` exhibits, `p=` programme items, each a
comma-separated list of slugs. Unknown or unpublished slugs are left out silently: a list made
last year, or before an exhibit was withdrawn, still opens.
"""

import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from exhibitors.models import Exhibitor, Product
from exhibitors.selectors import stand_of, with_stand
from expo.models import ProgrammeItem

KINDS = ("e", "x", "p")
# A browser's list is short; this bounds what one address can make the server read.
MAX_PER_KIND = 200
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def parse_ids(query):
    """{"e": [...], "x": [...], "p": [...]} from a QueryDict: valid slugs, in order, without repeats."""
    ids = {}
    for kind in KINDS:
        seen = []
        for value in ",".join(query.getlist(kind)).split(","):
            value = value.strip()
            if SLUG.match(value) and value not in seen:
                seen.append(value)
        ids[kind] = seen[:MAX_PER_KIND]
    return ids


def query_string(ids):
    """The list's address part, e.g. "e=song-hong&p=opening": the same for the same list."""
    return urlencode([(kind, ",".join(ids[kind])) for kind in KINDS if ids.get(kind)])


@dataclass
class Entry:
    kind: str  # "e", "x" or "p"
    slug: str
    title: str
    url: str
    stand: object = None  # exhibitors.Stand with its venue, or None
    item: object = None  # the programme item, for sessions

    @property
    def hall(self):
        return self.stand.venue if self.stand else None


@dataclass
class Visit:
    ids: dict
    exhibitors: list = field(default_factory=list)
    exhibits: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.exhibitors or self.exhibits or self.sessions)

    @property
    def query(self):
        return query_string(self.ids)

    def by_day(self, tz):
        """[(date, [sessions])] in time order."""
        return [
            (day, list(group))
            for day, group in itertools.groupby(self.sessions, key=lambda entry: entry.item.start.astimezone(tz).date())
        ]

    def by_hall(self):
        """[(venue or None, [exhibitors and exhibits])], halls in their order, stands by code."""
        entries = sorted(
            self.exhibitors + self.exhibits,
            key=lambda entry: (
                entry.hall is None,
                entry.hall.order if entry.hall else 0,
                entry.hall.pk if entry.hall else 0,
                entry.stand.code if entry.stand else "",
                entry.title,
            ),
        )
        return [(hall, list(group)) for hall, group in itertools.groupby(entries, key=lambda entry: entry.hall)]

    @property
    def stand_codes(self):
        """The stands to walk to, each once, in the list's hall order."""
        codes = []
        for _hall, entries in self.by_hall():
            for entry in entries:
                if entry.stand and entry.stand.code not in codes:
                    codes.append(entry.stand.code)
        return codes


def visit(edition, ids):
    """The visitor's list at `edition`: at most one query per kind that has ids."""
    result = Visit(ids=ids)
    if ids["e"]:
        rows = with_stand(Exhibitor.objects.all(), edition, "stands").filter(slug__in=ids["e"])
        found = {row.slug: row for row in rows.defer("search_text", "description_vi", "description_en")}
        result.exhibitors = [
            Entry("e", slug, row.name, row.get_absolute_url(), stand=stand_of(row))
            for slug in ids["e"]
            if (row := found.get(slug))
        ]
    if ids["x"]:
        rows = with_stand(Product.objects.published().select_related("exhibitor"), edition, "exhibitor__stands").filter(
            slug__in=ids["x"]
        )
        found = {row.slug: row for row in rows.defer("search_text", "description_vi", "description_en")}
        result.exhibits = [
            Entry("x", slug, f"{row.name} · {row.exhibitor.name}", row.get_absolute_url(), stand=stand_of(row))
            for slug in ids["x"]
            if (row := found.get(slug))
        ]
    if ids["p"] and edition:
        rows = (
            ProgrammeItem.objects.published()
            .filter(edition=edition, slug__in=ids["p"])
            .select_related("venue")
            .defer("search_text")
            .order_by("start", "end", "pk")
        )
        result.sessions = [Entry("p", row.slug, row.title, row.get_absolute_url(), item=row) for row in rows]
    return result
