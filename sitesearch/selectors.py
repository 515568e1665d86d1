"""What the site search page lists: the first matches of each kind, phrase matches first.

Exhibitors and exhibits are the catalogue's own search, matches, total and order from its
in-process index (exhibitors/catalogue/words.py), then one query for the first rows; the programme and
the releases are one query each, rows and total (a window COUNT) together, matching as the
catalogue does (`common.text.matching`: accent-insensitive, at word starts). Releases come from
the press centre's own published query, so an embargoed release never shows.
"""

from dataclasses import dataclass

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.text import phrase_rank, search_words
from exhibitors.catalogue import ExhibitorCatalogue, Filters, ProductCatalogue
from expo.models import ProgrammeItem
from expo.programme.selection import for_rows
from press.models import PressRelease

PER_SECTION = 5
# What a result line shows of each kind (templates/sitesearch/results.html).
EXHIBITOR_COLUMNS = ("slug", "name", "country")
PRODUCT_COLUMNS = ("slug", "name_vi", "name_en", "summary_vi", "summary_en", "exhibitor__name", "exhibitor__slug")


@dataclass
class Section:
    name: str
    title: str
    rows: list
    total: int
    more_url: str


def _first(queryset, *order):
    rows = list(queryset.annotate(total=Window(Count("pk"))).order_by(*order)[:PER_SECTION])
    return rows, (rows[0].total if rows else 0)


def sections(query, *, edition):
    """The four sections for `query` (already cleaned), in the order of the main navigation."""
    words = search_words(query)
    rank = phrase_rank(words)
    found = []

    # Exhibitors and exhibits: the catalogue's own search and order, from its in-process index.
    for name, title, catalogue_class, columns, more_url in (
        ("exhibitors", _("Exhibitors"), ExhibitorCatalogue, EXHIBITOR_COLUMNS, "exhibitors:exhibitor_list"),
        ("exhibits", _("Exhibits"), ProductCatalogue, PRODUCT_COLUMNS, "exhibitors:product_list"),
    ):
        rows, total = catalogue_class(Filters(q=query), edition=edition).first(PER_SECTION, columns)
        found.append(Section(name, title, rows, total, reverse(more_url)))

    items, total = [], 0
    if edition is not None:
        programme = ProgrammeItem.objects.published().filter(edition=edition).search(query).select_related("venue")
        items, total = _first(programme, rank, "start", "end", "pk")
        items = for_rows(items, edition.tz, show_dates=True)
    found.append(Section("programme", _("Programme"), items, total, reverse("expo:programme")))

    releases = (
        PressRelease.objects.published()
        .search(query)
        .only("slug", "title_vi", "title_en", "summary_vi", "summary_en", "publish_at")
    )
    releases, total = _first(releases, rank, "-publish_at", "-pk")
    found.append(Section("releases", _("Press releases"), releases, total, reverse("press:index")))
    return found
