"""An exhibitor's side of the meetings workflow, without a word of `delegations` (the portal,
which is public, reads and writes through here; lint-imports checks it).

An exhibitor asks a delegation for a meeting as the request's counterpart (`asked_by` =
COUNTERPART); the protocol office decides in the admin as for every other request. The
exhibitor reads the subject and purpose of the requests it wrote, and of the others only when
they are not restricted: a restricted request a delegation wrote stays with the named staff.
"""

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from meetings.models import MeetingRequest, RequestStep

Status = MeetingRequest.Status
# Still before the protocol office or on the programme: the same delegation is not asked twice.
OPEN_STATUSES = (Status.REQUESTED, Status.ACCEPTED, Status.SCHEDULED)
# On the exhibitor's schedule: placed at a time and place (and what became of it).
ON_SCHEDULE = (Status.SCHEDULED, Status.HELD, Status.NO_SHOW)
WRITTEN_BY_EXHIBITOR = Q(asked_by=MeetingRequest.AskedBy.COUNTERPART)
# What the exhibitor may still withdraw itself: a request it wrote, not yet on the programme (a
# placed meeting involves the delegation's programme: the protocol office cancels it).
WITHDRAWABLE = (Status.REQUESTED, Status.ACCEPTED)


def may_withdraw(request):
    return request.asked_by == MeetingRequest.AskedBy.COUNTERPART and request.status in WITHDRAWABLE


def readable_by_exhibitor():
    """True where the exhibitor may read the subject: it wrote the request, or it is not restricted."""
    return ExpressionWrapper(WRITTEN_BY_EXHIBITOR | Q(restricted=False), output_field=BooleanField())


def requests_of(exhibitor, edition):
    """The exhibitor's requests at `edition`, both ways, newest first, each with its delegation,
    its meeting and place if placed, and `subject_readable`: one query."""
    return (
        MeetingRequest.objects.filter(edition=edition, counterpart_exhibitor=exhibitor)
        .select_related("delegation", "meeting__place")
        .annotate(subject_readable=readable_by_exhibitor())
        .order_by("-created_at", "-pk")
    )


def meetings_of(requests):
    """The placed meetings among `requests` (already read), in time order."""
    placed = [request.meeting for request in requests if request.status in ON_SCHEDULE and _meeting(request)]
    return sorted(placed, key=lambda meeting: (meeting.start, meeting.pk))


def _meeting(request):
    try:
        return request.meeting
    except MeetingRequest.meeting.RelatedObjectDoesNotExist:
        return None


def is_open_with(exhibitor, edition, delegation_id):
    """Has the exhibitor a request with this delegation still open?"""
    return MeetingRequest.objects.filter(
        edition=edition, counterpart_exhibitor=exhibitor, delegation_id=delegation_id, status__in=OPEN_STATUSES
    ).exists()


@transaction.atomic
def ask_delegation(*, exhibitor, edition, delegation_id, subject, purpose, wished_days, language, restricted, by):
    """The exhibitor asks a delegation for a meeting: a request the protocol office decides on,
    its first step recorded with the contact's account."""
    request = MeetingRequest.objects.create(
        edition=edition,
        delegation_id=delegation_id,
        counterpart_exhibitor=exhibitor,
        asked_by=MeetingRequest.AskedBy.COUNTERPART,
        subject=subject,
        purpose=purpose,
        language=language,
        restricted=restricted,
    )
    request.wished_days.set(wished_days)
    RequestStep.objects.create(request=request, status=request.status, at=timezone.now(), by=by)
    return request


class NotWithdrawable(Exception):
    """The request is the exhibitor's but has gone past what it may withdraw."""


@transaction.atomic
def withdraw(*, exhibitor, edition, request_id, by):
    """The exhibitor withdraws a request it wrote: cancelled, the step recorded with the contact's
    account. MeetingRequest.DoesNotExist for a request that is not its own to withdraw."""
    request = (
        MeetingRequest.objects.select_for_update()
        .filter(WRITTEN_BY_EXHIBITOR, edition=edition, counterpart_exhibitor=exhibitor)
        .get(pk=request_id)
    )
    if not may_withdraw(request):
        raise NotWithdrawable
    request.status = Status.CANCELLED
    request.save(update_fields=["status", "updated_at"])
    RequestStep.objects.create(request=request, status=request.status, at=timezone.now(), by=by)
    return request
