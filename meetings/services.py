"""Writes of the meetings app: a request's steps, scheduling, moving a meeting, disclosure sign-off."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.cache import written
from delegations.clashes import bookings_by_resource
from delegations.models import Engagement
from meetings.interviews import add_arranged_interviews
from meetings.models import Agreement, Meeting, MeetingPlan, MeetingRequest, RequestStep
from meetings.scheduling import Timetable, party_keys, plan_meetings, resource_keys_of

Status = MeetingRequest.Status

# Which step may follow which: a declined or finished request is closed; a scheduled one can
# go back to "accepted" (its meeting is taken out of the programme) to be placed again.
TRANSITIONS = {
    Status.REQUESTED: {Status.ACCEPTED, Status.DECLINED, Status.CANCELLED},
    Status.ACCEPTED: {Status.SCHEDULED, Status.DECLINED, Status.CANCELLED},
    Status.SCHEDULED: {Status.HELD, Status.NO_SHOW, Status.CANCELLED, Status.ACCEPTED},
    Status.DECLINED: set(),
    Status.HELD: set(),
    Status.NO_SHOW: set(),
    Status.CANCELLED: set(),
}


def record_step(request, status, *, by, note="", at=None):
    return RequestStep.objects.create(request=request, status=status, at=at or timezone.now(), by=by, note=note)


@transaction.atomic
def set_status(*, request, status, by, note=""):
    """Move `request` to `status` if its workflow allows it, with who and when."""
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if status == request.status:
        return request
    if status not in TRANSITIONS[request.status]:
        raise ValidationError(
            _("A request that is “%(current)s” cannot become “%(new)s”.")
            % {"current": request.get_status_display(), "new": Status(status).label}
        )
    if status == Status.SCHEDULED:
        raise ValidationError(_("Schedule requests with “Place accepted requests”, or move a meeting by hand."))
    if request.status == Status.SCHEDULED and status in (Status.ACCEPTED, Status.CANCELLED):
        _unschedule(request)
    request.status = status
    request.save(update_fields=["status", "updated_at"])
    record_step(request, status, by=by, note=note)
    return request


def _unschedule(request):
    meeting = Meeting.objects.filter(request=request).first()
    if meeting is not None:
        Engagement.objects.filter(meetings=meeting).delete()
        meeting.delete()


def _engagements_for(placement):
    request = placement.request
    # The programme entry's counterpart is stored text: written in the organisers' language.
    with translation.override(settings.LANGUAGE_CODE):
        counterpart, requester = str(request.counterpart), str(request.delegation)
    engagements = [
        Engagement(
            delegation=request.delegation,
            kind=Engagement.Kind.BILATERAL,
            counterpart=counterpart[:200],
            venue=placement.place.venue,
            start=placement.start,
            end=placement.end,
        )
    ]
    if request.counterpart_delegation_id:
        engagements.append(
            Engagement(
                delegation=request.counterpart_delegation,
                kind=Engagement.Kind.BILATERAL,
                counterpart=requester[:200],
                venue=placement.place.venue,
                start=placement.start,
                end=placement.end,
            )
        )
    return engagements


@transaction.atomic
def schedule(*, edition, by, progress=None):
    """Place every accepted, unplaced request of `edition`; returns the plan (placed and unplaced with why).
    `progress` (common.progress): how far along, for the batch job's page."""
    # One scheduler at a time per edition: a second organiser's click waits, then finds nothing left.
    list(MeetingRequest.objects.select_for_update().filter(edition=edition, status=Status.ACCEPTED).values("pk"))
    plan = plan_meetings(edition, progress=progress)
    if not plan.placements:
        return plan
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(request=p.request, place=p.place, start=p.start, end=p.end, interpreter=p.interpreter)
            for p in plan.placements
        ]
    )
    per_meeting = [_engagements_for(p) for p in plan.placements]
    created = Engagement.objects.bulk_create([e for group in per_meeting for e in group])
    links, position = [], 0
    for meeting, group in zip(meetings, per_meeting, strict=True):
        for engagement in created[position : position + len(group)]:
            links.append(Meeting.engagements.through(meeting_id=meeting.pk, engagement_id=engagement.pk))
        position += len(group)
    Meeting.engagements.through.objects.bulk_create(links)
    requests = [p.request for p in plan.placements]
    MeetingRequest.objects.filter(pk__in=[request.pk for request in requests]).update(
        status=Status.SCHEDULED, updated_at=now
    )
    for request in requests:
        request.status = Status.SCHEDULED
    RequestStep.objects.bulk_create(
        [RequestStep(request=request, status=Status.SCHEDULED, at=now, by=by) for request in requests]
    )
    written(Meeting, MeetingRequest)  # bulk writes send no post_save: the cache contract moves the version
    return plan


def check_move(*, meeting, start, end, place, interpreter):
    """The resources that would clash if `meeting` moved to [start, end) at `place`; [] when free."""
    request = meeting.request
    edition = request.edition
    plan = MeetingPlan.objects.filter(edition=edition).first() or MeetingPlan(edition=edition)
    own = list(meeting.engagements.values_list("pk", flat=True)) if meeting.pk else []
    by_resource, names = bookings_by_resource(edition, exclude=own)
    add_arranged_interviews(by_resource, edition)
    timetable = Timetable(by_resource, names, [], plan.buffer)
    keys = party_keys(request.delegation)
    if request.counterpart_delegation_id:
        keys += party_keys(request.counterpart_delegation)
    keys += resource_keys_of(place, request.counterpart_exhibitor, interpreter)
    busy = []
    for key in keys:
        name = timetable.conflict([key], start, end)
        if name:
            busy.append(name)
    return busy


@transaction.atomic
def move_meeting(*, meeting, start, place, interpreter=None, by):
    """Move a meeting by hand, with the same checks as the scheduler."""
    plan = MeetingPlan.objects.filter(edition=meeting.request.edition).first() or MeetingPlan()
    end = start + plan.slot
    busy = check_move(meeting=meeting, start=start, end=end, place=place, interpreter=interpreter)
    if busy:
        raise ValidationError(_("Not moved: busy at that time: %(names)s.") % {"names": ", ".join(busy)})
    meeting.start, meeting.end, meeting.place, meeting.interpreter = start, end, place, interpreter
    meeting.save()
    meeting.engagements.update(start=start, end=end, venue=place.venue)
    record_step(meeting.request, Status.SCHEDULED, by=by, note=_("moved"))
    return meeting


APPROVE_PERMISSION = "meetings.approve_disclosure"


@transaction.atomic
def approve_disclosure(*, agreement, by):
    """Sign off an agreement's publication; only a permitted approver may."""
    if not by.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.disclosure == Agreement.Disclosure.INTERNAL:
        raise ValidationError(_("An internal agreement is not published: choose when it may be announced first."))
    agreement.approved_by = by
    agreement.approved_at = timezone.now()
    agreement.save(update_fields=["approved_by", "approved_at"])
    return agreement


def disclosure_approvers():
    """Active staff who may sign off a publication (superusers and holders of the permission)."""
    app_label, codename = APPROVE_PERMISSION.split(".")
    granted = Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label) | Q(
        groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label
    )
    users = get_user_model().objects.filter(Q(is_superuser=True) | granted, is_active=True, is_staff=True)
    return list(users.distinct().order_by("last_name", "first_name", "username"))


def awaiting_approval_note():
    """What to tell whoever saved an agreement meant for publication that is not signed off yet."""
    names = [user.get_full_name() or user.get_username() for user in disclosure_approvers()]
    if not names:
        return _("Saved, but not public yet: publication awaits a sign-off, and nobody has the right to give one yet.")
    return _("Saved, but not public yet: publication awaits approval by %(names)s.") % {"names": ", ".join(names)}


def withdraw_approval_if_changed(agreement):
    """A sign-off covers the public values approved (Agreement.PUBLIC_FIELDS): if the unsaved
    `agreement` differs from its stored row in any of them, clear the sign-off. Returns whether it did."""
    if agreement.pk is None or agreement.approved_at is None:
        return False
    stored = Agreement.objects.filter(pk=agreement.pk).only(*Agreement.PUBLIC_FIELDS).first()
    if stored is None or stored.public_values() == agreement.public_values():
        return False
    agreement.approved_by = None
    agreement.approved_at = None
    return True
