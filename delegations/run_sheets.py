"""Liaison officers' run sheets: each officer's day in time order (arrivals, departures and the
engagements of the delegations they look after), for one officer or every officer at once.

The rows of every officer's day are read in a constant number of queries (movements,
engagements, the lodgings of their delegations, the officers), whatever the number of officers
and delegations; the day's sheets print as one PDF, an officer's sheet starting on a new page.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import override

from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_in_parts, render_pdf
from delegations import selectors
from delegations.models import Delegation, Engagement, LiaisonOfficer, Movement
from expo.models import Edition

TEMPLATE = "delegations/pdf/run_sheets.html"
PART = 25  # officers per part of a day's print (common.pdf.render_in_parts)


def run_sheet_days(edition):
    """Arrival days before the opening count too: two days ahead of the first day."""
    return [edition.start_date - datetime.timedelta(days=n) for n in (2, 1)] + list(edition.days)


def edition_and_day(edition_pk, day):
    edition = Edition.objects.get(pk=edition_pk)
    return edition, datetime.date.fromisoformat(day)


def rows_by_officer(edition, day, officer_ids=None):
    """{officer pk: the rows of their day, in time order}; every officer's, or `officer_ids`'."""
    tz = edition.tz
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    end = start + datetime.timedelta(days=1)
    theirs = Q(
        delegation__liaison_officer__isnull=False,
        delegation__edition=edition,
        delegation__status__in=Delegation.COMING_STATUSES,
    )
    if officer_ids is not None:
        theirs &= Q(delegation__liaison_officer__in=officer_ids)
    movements = list(
        Movement.objects.filter(theirs, at__gte=start, at__lt=end)
        .select_related("delegation__head", "member", "vehicle")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
    )
    engagements = (
        Engagement.objects.filter(theirs, start__gte=start, start__lt=end)
        .select_related("delegation__head", "programme_item", "venue", "vehicle")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
    )
    # An arrival goes from the airport to the hotel, a departure the other way round.
    found = selectors.lodgings({m.delegation_id for m in movements})
    rows = defaultdict(list)
    for m in movements:
        rows[m.delegation.liaison_officer_id].append(
            {
                "start": m.at,
                "end": None,
                "delegation": m.delegation,
                # Lazy: named in the printout's language when the sheet is rendered, not the request's.
                "what": format_lazy("{} {}", Movement.Kind(m.kind).label, m.flight)
                if m.flight
                else Movement.Kind(m.kind).label,
                "where": m.airport,
                "hotel": selectors.where_they_stay(m, found),
                "vehicle": m.vehicle,
                "people": 1 if m.member_id else m.delegation_size,
            }
        )
    for e in engagements:
        rows[e.delegation.liaison_officer_id].append(
            {
                "start": e.start,
                "end": e.end,
                "delegation": e.delegation,
                "what": e.title,
                "where": str(e.venue) if e.venue_id else "",
                "vehicle": e.vehicle,
                "people": e.delegation_size,
            }
        )
    return {officer: sorted(day, key=lambda row: row["start"]) for officer, day in rows.items()}


def run_sheet_rows(officer, edition, day):
    """One officer's day in time order."""
    return rows_by_officer(edition, day, [officer.pk]).get(officer.pk, [])


def officers_of(edition):
    """Every liaison officer who looks after a delegation coming to `edition`, by name."""
    coming = Delegation.objects.filter(edition=edition).coming()
    return list(LiaisonOfficer.objects.filter(pk__in=coming.values("liaison_officer")).order_by("name", "pk"))


def day_sheets(edition, day):
    """[(officer, rows)] of every officer of `edition` on `day` (a constant number of queries)."""
    rows = rows_by_officer(edition, day)
    return [(officer, rows.get(officer.pk, [])) for officer in officers_of(edition)]


def render_part(job):
    """One part of a day's print (run in a worker process): (sheets, edition, day, language, printed_at)."""
    sheets, edition, day, language, printed_at = job
    context = {
        "sheets": sheets,
        "edition": edition,
        "day": day,
        "printed_at": printed_at,
        "zone_label": utc_label(edition.tz),
    }
    with override(language):
        return render_pdf(TEMPLATE, context)


def render_day(edition, day, *, language, progress=None, workers=None, part_size=PART):
    """Every officer's run sheet for `day` as one PDF; returns (PDF bytes, number of sheets)."""
    if progress is not None:
        progress.step(_("Reading the day's arrivals, departures and engagements"))
    sheets = day_sheets(edition, day)
    printed_at = local_text(timezone.now(), edition.tz)
    parts = [sheets[start : start + part_size] for start in range(0, len(sheets), part_size)] or [[]]
    jobs = [(part, edition, day, language, printed_at) for part in parts]
    label = _("Run sheets drawn, in parts of %(size)s officers") % {"size": part_size}
    return render_in_parts(render_part, jobs, workers=workers, progress=progress, label=label), len(sheets)
