"""The meeting schedule PDF of a place or an exhibitor: the admin prints it for organisers, the
portal for the exhibitor itself. Subjects appear only for the requests in `readable`."""

from django.http import HttpResponse
from django.utils import timezone, translation

from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_pdf
from meetings.models import MeetingRequest


def scheduled(meetings):
    """`meetings` without cancelled requests, in time order, with what the schedule prints."""
    return (
        meetings.exclude(request__status=MeetingRequest.Status.CANCELLED)
        .select_related(
            "place",
            "interpreter",
            "request__delegation",
            "request__counterpart_delegation",
            "request__counterpart_exhibitor",
        )
        .order_by("start", "pk")
    )


def schedule_response(*, meetings, party, edition, readable, language, filename, request, for_exhibitor=False):
    """The schedule as an inline PDF in `language`. `for_exhibitor`: the interpreter's name is
    left out (the language interpreted is printed instead)."""
    with translation.override(language):
        context = {
            "party": party,
            "edition": edition,
            "meetings": meetings,
            "readable": readable,
            "for_exhibitor": for_exhibitor,
            "printed_at": local_text(timezone.now(), edition.tz),
            "zone_label": utc_label(edition.tz),
        }
        data = render_pdf("meetings/pdf/schedule.html", context, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="meetings-{filename}-{language}.pdf"'
    return response
