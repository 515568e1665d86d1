"""The expo's outcome figures for `common.facts`: the home page and the expo fact sheet show the
same numbers as the results page (one set of facts). Counts only; nothing internal."""

from django.utils.translation import gettext_lazy as _

from common.facts import register_count
from meetings.models import Agreement, Meeting


@register_count(key="meetings_held", order=60, label=_("meetings held"))
def count_meetings_held(edition):
    return Meeting.objects.held().filter(request__edition=edition)


@register_count(key="agreements_public", order=70, label=_("agreements made public"))
def count_disclosed_agreements(edition):
    return Agreement.objects.filter(edition=edition).disclosed(edition.local_today())
