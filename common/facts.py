"""Where each app registers the figures it counts for an edition (home page, expo fact sheet).

Two kinds of figures are never mixed up on a page: those the organisers *announced* (the expo
app's key figures) and those *counted* from the data on the day the page or sheet was made.
Every app that holds counted rows registers a counter here from its `AppConfig.ready()`
(`register_count`), the delegations app included: only a number leaves it, never a name.
`counted_facts()` counts them all in one query; `expo.facts.edition_facts()` adds the
announced ones.
"""

from dataclasses import dataclass

from django.db.models import IntegerField, Subquery

from common.dates import day_text

_counters = []


@dataclass(frozen=True)
class Fact:
    key: str
    value: str
    label: str
    basis: str  # "announced" or "counted"
    as_of: object  # a date: when it was announced or counted

    @property
    def as_of_text(self):
        return day_text(self.as_of)


class RowCount(Subquery):
    """How many rows a queryset gives, as a scalar subquery (its own DISTINCT respected)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def register_count(*, key, order, label):
    """Decorator for `func(edition) -> QuerySet` whose rows are counted (every counter of a page
    in one query); `label` is a lazy translated string."""

    def decorator(func):
        _counters.append((order, key, label, func))
        _counters.sort(key=lambda entry: entry[0])
        return func

    return decorator


def count_rows(edition, querysets):
    """Each queryset's number of rows, in one query (the edition's row as its FROM)."""
    narrow = [qs.order_by() if qs.query.distinct else qs.order_by().values("pk") for qs in querysets]
    counts = {f"count_{n}": RowCount(qs) for n, qs in enumerate(narrow)}
    return list(edition._meta.model.objects.filter(pk=edition.pk).annotate(**counts).values_list(*counts).get())


def counted_facts(edition, *, today):
    """Every registered counter's figure for `edition`, counted on `today`, in one query."""
    counts = count_rows(edition, [func(edition) for _order, _key, _label, func in _counters])
    return [
        Fact(key=key, value=str(n), label=str(label), basis="counted", as_of=today)
        for (_order, key, label, _func), n in zip(_counters, counts, strict=True)
    ]
