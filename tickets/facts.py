"""Visits counted at the gates, for the one facts registry (common.facts): admissions (one per
person and day: a second entry the same day is refused) and the different people admitted.
Shown only for editions with scans; there they replace the organisers' typed "visits" figure."""

from django.utils.translation import gettext_lazy as _

from common.facts import register_count
from tickets.models import Scan

# An announced figure whose label holds one of these (folded) words is the typed visits figure.
VISIT_WORDS = ("visits", "visitors", "luot khach", "luot tham quan", "khach tham quan")


def _admitted(edition):
    return Scan.objects.admitted().filter(edition=edition)


@register_count(
    key="visits", order=80, label=_("visits counted at the gates"), hidden_when_zero=True, replaces=VISIT_WORDS
)
def count_visits(edition):
    return _admitted(edition)


@register_count(key="visitors", order=81, label=_("different visitors at the gates"), hidden_when_zero=True)
def count_visitors(edition):
    return _admitted(edition).values("pass_id").distinct()
