"""What the site search page lists: the first matches of each kind, phrase matches first.

Each section is one query: the rows and their total (a window COUNT) together. Matching is the
catalogue's (`common.text.matching`: accent-insensitive, at word starts); releases come from the
press centre's own published query, so an embargoed release never shows.
"""

from dataclasses import dataclass

from django.db.models import CharField, Count, F, Value, Window
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common import collation
from common.text import phrase_rank, search_words
from exhibitors.models import Exhibitor, Product
from expo.models import ProgrammeItem
from expo.programme.selection import for_rows
from press.models import PressRelease

PER_SECTION = 5


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


def _name_in_language(prefix=""):
    language = translation.get_language() or "vi"
    if language == "vi":
        return F(f"{prefix}name_vi")
    return Coalesce(NullIf(F(f"{prefix}name_{language}"), Value("")), F(f"{prefix}name_vi"), output_field=CharField())


def sections(query, *, edition):
    """The four sections for `query` (already cleaned), in the order of the main navigation."""
    words = search_words(query)
    rank = phrase_rank(words)
    found = []

    exhibitors, total = _first(
        Exhibitor.objects.search(query).only("slug", "name", "country"), rank, collation.by_name("name"), "pk"
    )
    found.append(Section("exhibitors", _("Exhibitors"), exhibitors, total, reverse("exhibitors:exhibitor_list")))

    products = (
        Product.objects.published()
        .search(query)
        .select_related("exhibitor")
        .only("slug", "name_vi", "name_en", "summary_vi", "summary_en", "exhibitor__name", "exhibitor__slug")
        .annotate(sort_name=_name_in_language())
    )
    products, total = _first(products, rank, collation.by_name("sort_name"), "pk")
    found.append(Section("exhibits", _("Exhibits"), products, total, reverse("exhibitors:product_list")))

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
