"""The portal home's "Declarations" section (portal/overview.py's registry: the lead registers
`declarations_section` in PortalConfig.ready once the overview is on main)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from exhibitors.models import Exhibitor
from portal import deadlines


def declarations_section(exhibitor, edition):
    """{"title", "done", "missing", "deadline", "url"}: every exhibit declared (none refused)."""
    if not edition:
        gaps = []
    else:
        gaps = deadlines.missing(Exhibitor.objects.filter(pk=exhibitor.pk), edition, "declarations")
        gaps = gaps.get(exhibitor.pk, [])
    return {
        "title": _("Declarations"),
        "done": not gaps,
        "missing": gaps,
        "deadline": deadlines.deadline_for(edition, "declarations") if edition else None,
        "url": reverse("portal:declarations"),
    }
