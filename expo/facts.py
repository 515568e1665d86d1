"""The edition's figures, from one place, each saying what it is.

Two kinds, never mixed up on a page: figures the organisers *announced* (invitation targets
such as "140+ delegations invited", typed in the admin as key figures with the date they were
announced) and figures *counted* from the data on the day the page or sheet was made
(exhibitors with a stand, their countries, published exhibits and programme items, confirmed
delegations). The home page and the expo fact sheet both read `edition_facts()`, so they
cannot disagree.

The expo app cannot import the apps that hold the counted rows; each registers its counters
here from its `AppConfig.ready()` (`register_count`), the delegations app included: only a
number leaves it, never a name.
"""

from dataclasses import dataclass

from django.db.models import IntegerField, Subquery
from django.utils import translation
from django.utils.formats import date_format

from common.cache import remember
from common.text import fold

_counters = []


def display_date(value):
    """Day first in both languages, never ambiguous: 26/01/2024, 26 January 2024."""
    if value is None:
        return ""
    return date_format(value, "d/m/Y" if translation.get_language() == "vi" else "j F Y")


@dataclass(frozen=True)
class Fact:
    key: str
    value: str
    label: str
    basis: str  # "announced" or "counted"
    as_of: object  # a date: when it was announced or counted

    @property
    def as_of_text(self):
        return display_date(self.as_of)


class RowCount(Subquery):
    """How many rows a queryset gives, as a scalar subquery (its own DISTINCT respected)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


@dataclass(frozen=True)
class CountRules:
    # Left out while nothing is counted (visits before the gates scan anything).
    hidden_when_zero: bool = False
    # Folded words of the announced (typed) figures this count replaces once it is not zero:
    # the hand-typed "260,000 visits" of an edition that scanned tickets gives way to the scans.
    replaces: tuple = ()


_rules = {}


def register_count(*, key, order, label, hidden_when_zero=False, replaces=()):
    """Decorator for `func(edition) -> QuerySet` whose rows are counted (every counter of a page
    in one query); `label` is a lazy translated string."""

    def decorator(func):
        _rules[key] = CountRules(hidden_when_zero, tuple(replaces))
        _counters.append((order, key, label, func))
        _counters.sort(key=lambda entry: entry[0])
        return func

    return decorator


def count_rows(edition, querysets):
    """Each queryset's number of rows, in one query (the edition's row as its FROM)."""
    narrow = [qs.order_by() if qs.query.distinct else qs.order_by().values("pk") for qs in querysets]
    counts = {f"count_{n}": RowCount(qs) for n, qs in enumerate(narrow)}
    return list(edition._meta.model.objects.filter(pk=edition.pk).annotate(**counts).values_list(*counts).get())


def counted_facts(edition, *, today=None):
    today = today or edition.local_today()
    counts = count_rows(edition, [func(edition) for _order, _key, _label, func in _counters])
    return [
        Fact(key=key, value=str(n), label=str(label), basis="counted", as_of=today)
        for (_order, key, label, _func), n in zip(_counters, counts, strict=True)
        if n or not _rules.get(key, CountRules()).hidden_when_zero
    ]


def _replaced(figure, counted):
    """Is the typed `figure` replaced by a count (its label names what a non-zero count counts)?"""
    label = fold(" ".join(filter(None, [figure.label_vi, figure.label_en])))
    return any(word in label for fact in counted for word in _rules.get(fact.key, CountRules()).replaces)


def announced_facts(edition, counted=()):
    return [
        Fact(
            key=f"key-figure-{figure.pk}", value=figure.value, label=figure.label, basis="announced", as_of=figure.as_of
        )
        for figure in edition.key_figures.all()
        if not _replaced(figure, counted)
    ]


def edition_facts(edition, language=None, *, today=None):
    """{"announced": [...], "counted": [...], "counted_on": date} in `language` (the active one by default).

    Shared by every process until content changes (the delegations count may lag by the
    fragment cache's lifetime: its date says when it was counted).
    """
    language = language or translation.get_language()
    if today is not None:
        return _edition_facts(edition, language, today)
    today = edition.local_today()
    return remember(f"facts:{edition.pk}:{language}:{today}", lambda: _edition_facts(edition, language, today))


def _edition_facts(edition, language, today):
    with translation.override(language):
        counted = counted_facts(edition, today=today)
        return {
            "announced": announced_facts(edition, counted),
            "counted": counted,
            "counted_on": display_date(today),
        }


def _count_programme_items(edition):
    return edition.programme_items.published()


def register_expo_counters():
    from django.utils.translation import gettext_lazy as _

    register_count(key="programme_items", order=40, label=_("programme items"))(_count_programme_items)
