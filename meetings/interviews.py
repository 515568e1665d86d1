"""Interviews for accredited journalists: asked for in the media area, arranged, declined or answered
with a proposed time by the press office, each step mailed to the journalist in their language.

One schedule of places: an interview is arranged only in a place free of meetings (and of other
interviews) at that time, and the meetings scheduler treats arranged interviews as busy.
"""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import InterviewRequest, Meeting
from outbox import registry
from press import media_mail
from press.models import MediaAccreditation

Status = InterviewRequest.Status
KIND = "press.interview"
# A step the press office may take from each status; "requested" is the journalist's.
STEPS = {
    Status.REQUESTED: {Status.PROPOSED, Status.ARRANGED, Status.DECLINED},
    Status.PROPOSED: {Status.PROPOSED, Status.ARRANGED, Status.DECLINED, Status.CANCELLED},
    Status.ARRANGED: {Status.ARRANGED, Status.CANCELLED},
    Status.DECLINED: set(),
    Status.CANCELLED: set(),
}


def register_kinds():
    registry.register(
        registry.Kind(
            KIND,
            gettext_lazy("Interview request: a step"),
            team=registry.Team.PRESS,
            address_permission=MediaAccreditation.SENSITIVE_PERMISSION,
        )
    )


def place_busy(place, start, end, *, exclude=None):
    """What occupies `place` within [start, end): a meeting or another arranged interview (its name), or ""."""
    meeting = Meeting.objects.filter(place=place, start__lt=end, end__gt=start).select_related("request").first()
    if meeting is not None:
        return _("a meeting")
    others = InterviewRequest.objects.filter(place=place, status=Status.ARRANGED, start__lt=end, end__gt=start)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return _("another interview") if others.exists() else ""


def add_arranged_interviews(by_resource, edition):
    """Arranged interviews join the scheduler's bookings as busy intervals of their places."""
    rows = InterviewRequest.objects.filter(
        accreditation__edition=edition, status=Status.ARRANGED, place__isnull=False
    ).values_list("place_id", "start", "end")
    for place_id, start, end in rows:
        by_resource.setdefault(("place", place_id), []).append(SimpleNamespace(start=start, end=end))
    return by_resource


@transaction.atomic
def ask(*, accreditation, with_kind, exhibitor, with_name, topic, languages, wished_times, base_url):
    interview = InterviewRequest(
        accreditation=accreditation,
        with_kind=with_kind,
        exhibitor=exhibitor,
        with_name=with_name,
        topic=topic,
        languages=languages,
        wished_times=wished_times,
    )
    interview.full_clean()
    interview.save()
    _tell(interview, base_url=base_url)
    return interview


def check_decision(*, interview, status, place=None, start=None, end=None, note=""):
    """ValidationError if the press office's step is not allowed (a form shows it; nothing is saved)."""
    current = InterviewRequest.objects.get(pk=interview.pk).status
    if status not in STEPS[current]:
        raise ValidationError(
            _("An interview request that is “%(current)s” cannot become “%(new)s”.")
            % {"current": Status(current).label, "new": Status(status).label}
        )
    if status in (Status.PROPOSED, Status.ARRANGED) and not (start and end and end > start):
        raise ValidationError(_("Give the start and the end of the interview."))
    if status == Status.DECLINED and not note.strip():
        raise ValidationError(_("Tell the journalist why the interview is declined."))
    if status == Status.ARRANGED:
        if place is None:
            raise ValidationError(_("Choose where the interview takes place."))
        busy = place_busy(place, start, end, exclude=interview)
        if busy:
            raise ValidationError(_("%(place)s is taken at that time by %(what)s.") % {"place": place, "what": busy})


@transaction.atomic
def decide(*, interview, status, by, place=None, start=None, end=None, note="", base_url):
    """The press office's step: propose a time, arrange (in a free place), decline, or cancel."""
    InterviewRequest.objects.select_for_update().filter(pk=interview.pk).first()
    check_decision(interview=interview, status=status, place=place, start=start, end=end, note=note)
    interview.status, interview.place, interview.start, interview.end = status, place, start, end
    interview.note, interview.decided_by = note.strip(), by
    interview.save()
    _tell(interview, base_url=base_url)
    return interview


def _tell(interview, *, base_url):
    from django.urls import reverse
    from django.utils import translation

    accreditation = interview.accreditation
    with translation.override(accreditation.language):
        url = base_url + reverse("interviews:list")
    stamp = interview.updated_at.timestamp() if interview.updated_at else 0
    media_mail.draft_to_journalist(
        accreditation,
        kind=KIND,
        key=f"{KIND}:{interview.pk}:{interview.status}:{stamp:.0f}",
        template="meetings/email/interview",
        context={"interview": interview, "edition": accreditation.edition, "url": url},
    )
