"""What a search is offered beside its results (the site search and both catalogue lists).

- The sectors and categories it names ("tên lửa phòng không", "helicopters"), each a link to the
  exhibits filtered by it: their names in both languages, matched by the catalogue's own rule
  (`common.text.holds`: words under one spelling, the last a word start).
- When nothing matches: the nearest categories and exhibitors (those holding the most of the
  query's words, any of them), and the same search on the site in the other language.

Read from the catalogue's in-process index (exhibitors/catalogue/index.py): no query for the sectors
and categories; the nearest exhibitors, asked only after an empty result, are one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import pgettext

from common.text import holds, search_text, search_words
from exhibitors.catalogue import ExhibitorCatalogue, Filters
from exhibitors.catalogue.bitsets import members
from exhibitors.catalogue.rebuild import index_for
from exhibitors.models import Exhibitor

NEAREST = 5


@dataclass
class Link:
    label: str
    url: str
    language: str = ""


def _kinds(index):
    """(kind, row, folded names in both languages) of every sector, then every category."""
    return [("sector", s, search_text(s.name_vi, s.name_en)) for s in index.sectors] + [
        ("category", c, search_text(c.name_vi, c.name_en)) for c in index.categories
    ]


def _link(kind, row):
    label = str(row.name) if kind == "sector" else f"{row.sector.name} › {row.name}"
    return Link(label, reverse("exhibitors:product_list") + "?" + urlencode({kind: row.slug}))


def named_kinds(query, *, edition):
    """The sectors and categories whose name (either language) holds every word of `query`."""
    words = search_words(query)
    if not words:
        return []
    return [_link(kind, row) for kind, row, column in _kinds(index_for(edition)) if holds(column, words)]


def _score(column, words):
    return sum(1 for word in words if f" {word}" in column)


def nearest(query, *, edition):
    """For a search that found nothing: (categories, exhibitors) holding the most of its words."""
    words = search_words(query)
    if not words:
        return [], []
    catalogue = ExhibitorCatalogue(Filters(), edition=edition)
    index = catalogue.index()
    scored = [(_score(column, words), n, kind, row) for n, (kind, row, column) in enumerate(_kinds(index))]
    kinds = [_link(kind, row) for score, _n, kind, row in sorted(scored, key=lambda s: (-s[0], s[1])) if score]
    side = index.exhibitors
    word_index = side.word_index(catalogue.base())
    hits = {}
    for word in words:
        for at in members(word_index.matching([word])):
            hits[at] = hits.get(at, 0) + 1
    best = sorted(hits, key=lambda at: (-hits[at], at))[:NEAREST]
    rows = Exhibitor.objects.in_bulk([side.pks[at] for at in best]) if best else {}
    makers = [rows[side.pks[at]] for at in best if side.pks[at] in rows]
    return kinds[:NEAREST], [Link(maker.name, maker.get_absolute_url()) for maker in makers]


def in_other_languages(query):
    """The same site search in each other language, offered in that language ("Search in English")."""
    links = []
    for code, _name in settings.LANGUAGES:
        if code != translation.get_language():
            with translation.override(code):
                label = pgettext("link to the same search in the language this text is in", "Search in this language")
                links.append(Link(label, reverse("sitesearch:search") + "?" + urlencode({"q": query}), code))
    return links


def for_search(query, *, edition, found_nothing):
    """The template context of the suggestions beside the results of `query`."""
    if not search_words(query):
        return {}
    context = {"named_kinds": named_kinds(query, edition=edition)}
    if found_nothing:
        kinds, makers = nearest(query, edition=edition)
        context.update(nearest_kinds=kinds, nearest_exhibitors=makers, other_languages=in_other_languages(query))
    return context
