"""The protocol team's batch jobs (common/jobs.py): a whole edition's badges, a day's run sheets."""

from django.utils.translation import gettext as _

from common import jobs
from delegations import badge_print, run_sheets


@jobs.register("delegations.badges", permission="delegations.view_delegation")
def print_badges(job, progress):
    """Every selected delegation's members' badges, one PDF (delegations/badge_print.py)."""
    layout = job.arguments["layout"]
    progress.step(_("Reading the members"))
    members = badge_print.members_of(job.arguments["delegations"], job.language)
    if not members:
        return jobs.Output(summary=_("No members yet."))
    data = badge_print.render(
        members, layout=layout, language=job.language, edition=members[0].delegation.edition, progress=progress
    )
    return jobs.Output(
        summary=_("%(count)s cards.") % {"count": len(members)},
        content=data,
        filename=f"badges-{layout}-{job.language}.pdf",
    )


@jobs.register("delegations.run_sheets", permission="delegations.view_liaisonofficer,delegations.view_delegation")
def print_run_sheets(job, progress):
    """Every liaison officer's run sheet for one day, one PDF (delegations/run_sheets.py)."""
    edition, day = run_sheets.edition_and_day(job.arguments["edition"], job.arguments["day"])
    data, count = run_sheets.render_day(edition, day, language=job.language, progress=progress)
    return jobs.Output(
        summary=_("%(count)s run sheets.") % {"count": count},
        content=data,
        filename=f"run-sheets-{day.isoformat()}-{job.language}.pdf",
    )
