"""The meetings back office's batch job (common/jobs.py): the scheduler run for an edition."""

from django.utils.translation import gettext as _

from common import jobs
from expo.models import Edition
from meetings import services


@jobs.register("meetings.schedule", permission="meetings.add_meeting")
def place_requests(job, progress):
    """Every accepted, unplaced request of the edition placed (meetings/scheduling.py)."""
    edition = Edition.objects.get(pk=job.arguments["edition"])
    progress.step(_("Reading what is booked already"))
    plan = services.schedule(edition=edition, by=job.created_by, progress=progress)
    summary = _("%(placed)d meeting(s) placed; %(left)d request(s) could not be placed.") % {
        "placed": len(plan.placements),
        "left": len(plan.unplaced),
    }
    return jobs.Output(summary=summary)


def place_later(edition, waiting, user):
    """Queue the scheduler for `edition` (`waiting` accepted requests); returns the BatchJob."""
    title = _("Place %(count)d accepted requests") % {"count": waiting}
    return jobs.start("meetings.schedule", user=user, title=title, arguments={"edition": edition.pk})
