"""The public results page and the daily briefing PDF. Counts and disclosed agreements only."""

import datetime

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common import clock
from common.pdf import render_pdf
from meetings.selectors import expire_results, results


def _current_edition(request):
    if not request.edition:
        raise Http404(_("No edition is published yet."))
    return request.edition


@require_safe
def results_page(request):
    edition = _current_edition(request)
    context = {"edition": edition, "results": results(edition), "today": timezone.localdate(clock.now())}
    return expire_results(render(request, "meetings/results.html", context), edition)


def parse_day(raw, edition):
    """A YYYY-MM-DD or DD/MM/YYYY day of `edition`, else None."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.datetime.strptime(raw.strip(), pattern).date()
        except ValueError:
            continue
        if edition.start_date <= day <= edition.end_date:
            return day
        return None
    return None


@require_safe
def briefing_pdf(request):
    edition = _current_edition(request)
    raw = request.GET.get("day", "")
    day = (
        parse_day(raw, edition)
        if raw
        else min(max(timezone.localdate(clock.now()), edition.start_date), edition.end_date)
    )
    if day is None:
        message = _("Choose a day of the expo, written YYYY-MM-DD or DD/MM/YYYY, e.g. %(example)s.") % {
            "example": edition.start_date.isoformat()
        }
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    summary = results(edition)
    context = {
        "edition": edition,
        "results": summary,
        "day": summary.day(day),
        "printed_at": timezone.localtime(clock.now()),
    }
    data = render_pdf("meetings/pdf/briefing.html", context, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="results-{day.isoformat()}-{get_language()}.pdf"'
    return expire_results(response, edition)
