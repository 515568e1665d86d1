"""The meetings line of the portal home's checklist (portal/overview.py, once the access area
lands: `register_section(meetings_section)` from PortalConfig.ready()). Meetings are optional:
nothing is ever missing; the line says how many are confirmed and how many wait for a decision."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from meetings.exhibitor_side import ON_SCHEDULE
from meetings.models import MeetingRequest


def meetings_section(exhibitor, edition):
    counts = MeetingRequest.objects.filter(edition=edition, counterpart_exhibitor=exhibitor).aggregate(
        confirmed=Count("pk", filter=Q(status__in=ON_SCHEDULE)),
        waiting=Count("pk", filter=Q(status=MeetingRequest.Status.REQUESTED)),
    )
    title = _("Meetings: %(confirmed)d confirmed, %(waiting)d waiting for the protocol office") % counts
    return {"title": title, "done": True, "missing": [], "deadline": None, "url": reverse("portal:meetings")}
