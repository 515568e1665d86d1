"""Walks between a delegation's engagements, measured on the site plan (admin side only).

The site plan knows nothing of delegations; this module hands it the engagements.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from common.dates import DAY_MONTH_TIME, formatted
from delegations.models import Delegation, Engagement
from siteplan.routes import tight_walks, walking_route


def route_for(delegation):
    engagements = delegation.engagements.filter(start__isnull=False, end__isnull=False).select_related("programme_item")
    return walking_route(delegation.edition, list(engagements))


def walking_warnings(edition, delegation=None):
    """Consecutive engagements of one delegation with less time between them than the walk."""
    engagements = (
        Engagement.objects.filter(delegation__edition=edition, start__isnull=False, end__isnull=False)
        .exclude(delegation__status__in=Delegation.INACTIVE_STATUSES)
        .select_related("delegation", "programme_item")
    )
    if delegation is not None:
        engagements = engagements.filter(delegation=delegation)
    return tight_walks(edition, list(engagements), key=lambda engagement: engagement.delegation_id)


def change_form_context(request, delegation):
    """The route drawn on the delegation's page, and a warning for each walk that is too long."""
    tz = delegation.edition.tz
    for leg in walking_warnings(delegation.edition, delegation):
        messages.warning(
            request,
            _(
                "Only %(gap)s min between “%(first)s” and “%(second)s” (%(time)s), "
                "but the walk takes about %(walk)s min."
            )
            % {
                "gap": leg.gap_minutes,
                "first": leg.first.entry.title,
                "second": leg.second.entry.title,
                "time": formatted(leg.second.entry.start, DAY_MONTH_TIME, tz),
                "walk": leg.minutes,
            },
        )
    return {"route": route_for(delegation), "tz": tz}
