"""The portal home's "Stand team" section: what is done and what is still missing (the lead
registers `stand_team` with portal.overview.register_section)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import deadlines
from portal.models import StandStaff
from portal.models.team import Status
from portal.team_allowance import allowance


def stand_team(exhibitor, edition):
    found = allowance(exhibitor, edition)
    counts = (
        StandStaff.objects.active()
        .filter(exhibitor=exhibitor, edition=edition)
        .aggregate(
            to_vet=Count("pk", filter=Q(status=Status.TO_VET)),
            approved=Count("pk", filter=Q(status=Status.APPROVED)),
            refused=Count("pk", filter=Q(status=Status.REFUSED)),
        )
    )
    missing = []
    if found.stand is None:
        missing.append(_("Your company has no stand at this edition yet, so no stand staff can be registered."))
    elif not found.used and not counts["refused"]:
        missing.append(_("Register the people who will staff your stand."))
    if counts["refused"]:
        missing.append(
            ngettext(
                "%(count)s member was refused: see the reason, then change their details or remove them.",
                "%(count)s members were refused: see the reason, then change their details or remove them.",
                counts["refused"],
            )
            % {"count": counts["refused"]}
        )
    if counts["to_vet"]:
        missing.append(
            ngettext(
                "%(count)s member is waiting to be vetted by the organisers.",
                "%(count)s members are waiting to be vetted by the organisers.",
                counts["to_vet"],
            )
            % {"count": counts["to_vet"]}
        )
    return {
        "title": _("Stand team"),
        "done": bool(counts["approved"]) and not counts["to_vet"] and not counts["refused"],
        "missing": missing,
        "deadline": deadlines.deadline_for(edition, "team") if edition else None,
        "url": reverse("portal:team"),
    }
