"""The edition's figures, from one place, each saying what it is.

The organisers' *announced* figures (invitation targets such as "140+ delegations invited",
typed in the admin as key figures with the date they were announced) and the figures every
app *counts* from the data (common/facts.py, where each app registers its counters). The
home page and the expo fact sheet both read `edition_facts()`, so they cannot disagree.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.cache import remember
from common.dates import day_text
from common.facts import Fact, counted_facts, register_count


def announced_facts(edition):
    return [
        Fact(
            key=f"key-figure-{figure.pk}", value=figure.value, label=figure.label, basis="announced", as_of=figure.as_of
        )
        for figure in edition.key_figures.all()
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
            "announced": announced_facts(edition),
            "counted": counted,
            "counted_on": day_text(today),
        }


@register_count(key="programme_items", order=40, label=_("programme items"))
def count_programme_items(edition):
    return edition.programme_items.published()
