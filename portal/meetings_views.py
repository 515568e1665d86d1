"""The exhibitor's meetings: its requests and their status, its confirmed meetings, a new
request to an invited delegation, and its schedule as a PDF. The protocol office decides in
the admin (meetings/admin/requests.py), as for every request."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common import clock
from common.formats import utc_label
from meetings import exhibitor_side, schedule_pdf
from meetings.models import Meeting, MeetingRequest
from portal.access import exhibitor_area
from portal.meetings_forms import MeetingRequestForm


def _closed_reason(edition):
    """Why no request can be made now, or None."""
    if not edition:
        return _("Meeting requests open when the next edition is announced.")
    if edition.phase(clock.now()).state == "past":
        return _("Meeting requests are closed: this edition is over.")
    return None


@require_safe
@exhibitor_area
def meeting_list(request):
    return _list_page(request)


def _list_page(request, status=200):
    edition = request.edition or None
    requests = list(exhibitor_side.requests_of(request.exhibitor, edition)) if edition else []
    for item in requests:
        item.withdrawable = exhibitor_side.may_withdraw(item)
    context = {
        "requests": requests,
        "meetings": exhibitor_side.meetings_of(requests),
        "closed": _closed_reason(edition),
        "edition": edition,
        "zone_label": utc_label(edition.tz) if edition else "",
    }
    return render(request, "portal/meetings/list.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def meeting_request(request):
    edition = request.edition or None
    closed = _closed_reason(edition)
    if closed:
        status = 409 if request.method == "POST" else 200
        return render(request, "portal/meetings/request_form.html", {"closed": closed}, status=status)
    form = MeetingRequestForm(request.POST or None, exhibitor=request.exhibitor, edition=edition)
    if request.method == "POST" and form.is_valid():
        exhibitor_side.ask_delegation(
            exhibitor=request.exhibitor,
            edition=edition,
            delegation_id=form.cleaned_data["delegation"],
            subject=form.cleaned_data["subject"],
            purpose=form.cleaned_data["purpose"],
            wished_days=form.cleaned_data["wished_days"],
            language=form.cleaned_data["language"],
            restricted=form.cleaned_data["restricted"],
            by=request.user,
        )
        messages.success(request, _("Your request was sent. The protocol office will tell you its decision here."))
        return redirect("portal:meetings")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/meetings/request_form.html", {"form": form}, status=status)


@require_POST
@exhibitor_area
def withdraw(request, pk):
    """Withdraw one of the exhibitor's own requests while the protocol office has not placed it."""
    edition = request.edition or None
    try:
        withdrawn = exhibitor_side.withdraw(
            exhibitor=request.exhibitor, edition=edition, request_id=pk, by=request.user
        )
    except MeetingRequest.DoesNotExist:
        raise Http404 from None
    except exhibitor_side.NotWithdrawable:
        messages.error(request, _("This request can no longer be withdrawn: ask the protocol office."))
        return _list_page(request, status=409)
    messages.success(request, _("Your request to %(delegation)s was withdrawn.") % {"delegation": withdrawn.delegation})
    return redirect("portal:meetings")


@require_safe
@exhibitor_area
def schedule(request):
    """The exhibitor's own schedule PDF (the admin's, scoped to it), in the page's language."""
    edition = request.edition or None
    if not edition:
        raise Http404(_("Meeting requests open when the next edition is announced."))
    meetings = schedule_pdf.scheduled(
        Meeting.objects.filter(request__edition=edition, request__counterpart_exhibitor=request.exhibitor)
    )
    readable = set(
        exhibitor_side.requests_of(request.exhibitor, edition)
        .filter(subject_readable=True, meeting__isnull=False)
        .values_list("pk", flat=True)
    )
    return schedule_pdf.schedule_response(
        meetings=meetings,
        party=request.exhibitor,
        edition=edition,
        readable=readable,
        language=get_language(),
        filename="schedule",
        request=request,
        for_exhibitor=True,
    )
