"""Placing accepted meeting requests into slots, on the bookings of the engagement clash engine.

The engine in `delegations.clashes` says which resources an engagement books (the delegation,
its liaison officer, interpreters and vehicle, and — through the source registered below — a
meeting's place, exhibitor team and interpreter). The scheduler reads those bookings, so a
meeting is placed only where `find_clashes` would find nothing, and a meeting placed here is an
engagement the engine sees next time.

Greedy by protocol precedence, then request priority, then age: each request takes the earliest
free slot of its wished days, preferring the exhibitor's own stand, then rooms and tables in
order. Slots are a grid per meeting day (slot + buffer), so a check is a set lookup per resource.
"""

import bisect
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from common import languages
from delegations.clashes import bookings, bookings_by_resource, register_booking_source
from delegations.models import Delegation, Engagement, Interpreter
from meetings.interviews import add_arranged_interviews
from meetings.models import Meeting, MeetingDay, MeetingPlace, MeetingPlan, MeetingRequest


@register_booking_source
def meeting_bookings(engagements):
    """A meeting books its place, the exhibitor's team and its interpreter once (on its first engagement)."""
    ids = [engagement.pk for engagement in engagements]
    links = (
        Meeting.engagements.through.objects.filter(engagement_id__in=ids)
        .select_related("meeting__place", "meeting__interpreter", "meeting__request__counterpart_exhibitor")
        .order_by("meeting_id", "engagement_id")
    )
    extra, events, seen = {}, {}, set()
    for link in links:
        meeting = link.meeting
        if meeting.pk not in seen:
            seen.add(meeting.pk)
            extra[link.engagement_id] = resource_keys_of(
                meeting.place, meeting.request.counterpart_exhibitor, meeting.interpreter
            )
        events[link.engagement_id] = ("meeting", meeting.pk)
    return extra, events


def resource_keys_of(place, exhibitor, interpreter):
    keys = [(("place", place.pk), str(place))]
    if exhibitor is not None:
        keys.append((("exhibitor", exhibitor.pk), str(exhibitor)))
    if interpreter is not None:
        keys.append((("interpreter", interpreter.pk), str(interpreter)))
    return keys


def party_keys(delegation):
    """What a delegation books when it meets anyone: the clash engine's own definition."""
    return bookings(Engagement(delegation=delegation))


@dataclass
class Placement:
    request: MeetingRequest
    place: MeetingPlace
    start: datetime.datetime
    end: datetime.datetime
    interpreter: Interpreter | None


@dataclass
class Unplaced:
    request: MeetingRequest
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self):
        return "; ".join(self.reasons)


@dataclass
class Plan:
    placements: list[Placement]
    unplaced: list[Unplaced]


class Timetable:
    """Busy intervals per resource key, and which grid slots each key blocks."""

    def __init__(self, by_resource, names, slots, buffer):
        self.intervals = {key: sorted((e.start, e.end) for e in booked) for key, booked in by_resource.items()}
        self.names = dict(names)
        self.slots = slots  # [(start, end)] sorted by start
        self.starts = [start for start, _end in slots]
        self.buffer = buffer
        self._blocked = {}

    def conflict(self, keys, start, end):
        """The name of the first resource in `keys` busy within `buffer` of [start, end), else None."""
        for key, name in keys:
            for busy_start, busy_end in self.intervals.get(key, ()):
                if busy_start < end + self.buffer and busy_end > start - self.buffer:
                    return self.names.get(key, name)
        return None

    def blocked(self, key):
        if key not in self._blocked:
            blocked = set()
            for busy_start, busy_end in self.intervals.get(key, ()):
                blocked.update(self._slots_touching(busy_start, busy_end))
            self._blocked[key] = blocked
        return self._blocked[key]

    def _slots_touching(self, busy_start, busy_end):
        # Slots whose padded span overlaps [busy_start, busy_end).
        last = bisect.bisect_left(self.starts, busy_end + self.buffer)
        index = last - 1
        while index >= 0 and self.slots[index][1] + self.buffer > busy_start:
            yield index
            index -= 1

    def book(self, keys, start, end):
        for key, name in keys:
            bisect.insort(self.intervals.setdefault(key, []), (start, end))
            self.names.setdefault(key, name)
            if key in self._blocked:
                self._blocked[key].update(self._slots_touching(start, end))


def meeting_slots(edition, plan, days):
    """The grid of (start, end) for `days`, each opening to closing, every slot + buffer."""
    tz = edition.tz
    slots = []
    for day in days:
        opens, closes = day.bounds(tz)
        start = opens
        while start + plan.slot <= closes:
            slots.append((start, start + plan.slot))
            start += plan.slot + plan.buffer
    return slots


def _precedence(request):
    ranks = [request.delegation.level_rank]
    if request.counterpart_delegation_id:
        ranks.append(request.counterpart_delegation.level_rank)
    return (min(ranks), request.priority, request.created_at, request.pk)


def plan_meetings(edition, requests=None, progress=None):
    """Where each accepted, unplaced request of `edition` goes (nothing is written); `progress` counts them."""
    plan = MeetingPlan.objects.filter(edition=edition).first() or MeetingPlan(edition=edition)
    days = list(MeetingDay.objects.filter(edition=edition).order_by("date"))
    slots = meeting_slots(edition, plan, days)
    by_resource, names = bookings_by_resource(edition)
    add_arranged_interviews(by_resource, edition)
    placer = _Placer(edition, days, slots, Timetable(by_resource, names, slots, plan.buffer))
    if requests is None:
        requests = MeetingRequest.objects.filter(
            edition=edition, status=MeetingRequest.Status.ACCEPTED, meeting__isnull=True
        )
    requests = list(
        requests.select_related("delegation__liaison_officer", "counterpart_delegation__liaison_officer")
        .select_related("counterpart_exhibitor")
        .prefetch_related(
            "delegation__interpreters",
            "counterpart_delegation__interpreters",
            Prefetch("wished_days", queryset=MeetingDay.objects.only("pk")),
        )
    )
    requests.sort(key=_precedence)
    placements, unplaced, label = [], [], _("Requests placed or explained")
    for request in progress.iterate(requests, total=len(requests), label=label) if progress else requests:
        placement, reasons = placer.place(request)
        if placement is None:
            unplaced.append(Unplaced(request, reasons))
        else:
            placements.append(placement)
    return Plan(placements, unplaced)


class _Placer:
    """The state of one scheduling run: slots, places, interpreters and what is booked so far."""

    def __init__(self, edition, days, slots, timetable):
        self.slots = slots
        self.timetable = timetable
        self.slot_day = {}
        for day in days:
            opens, closes = day.bounds(edition.tz)
            for index, (start, _end) in enumerate(slots):
                if opens <= start < closes:
                    self.slot_day[index] = day.pk
        places = list(MeetingPlace.objects.filter(edition=edition, is_active=True).order_by("kind", "name", "pk"))
        self.shared_places = [(("place", p.pk), p) for p in places if p.kind != MeetingPlace.Kind.STAND]
        self.stands = defaultdict(list)
        for place in places:
            if place.kind == MeetingPlace.Kind.STAND:
                self.stands[place.exhibitor_id].append((("place", place.pk), place))
        self.interpreters = [
            (set(languages.split(person.languages)), person) for person in Interpreter.objects.order_by("name", "pk")
        ]
        self.keys_of = {}
        self._free_shared = {}

    def free_shared(self, index):
        """The rooms and tables still free at slot `index` (only this run's bookings change it)."""
        if index not in self._free_shared:
            blocked = self.timetable.blocked
            self._free_shared[index] = [(key, place) for key, place in self.shared_places if index not in blocked(key)]
        return self._free_shared[index]

    def parties_of(self, delegation):
        if delegation.pk not in self.keys_of:
            self.keys_of[delegation.pk] = party_keys(delegation)
        return self.keys_of[delegation.pk]

    def parties_of_request(self, request):
        """The resource keys and names of everyone who meets: both delegations, or one and an exhibitor."""
        parties = list(self.parties_of(request.delegation))
        if request.counterpart_delegation_id:
            return [*parties, *self.parties_of(request.counterpart_delegation)]
        exhibitor = request.counterpart_exhibitor
        return [*parties, (("exhibitor", exhibitor.pk), str(exhibitor))]

    def speakers(self, request):
        """The interpreters of the request's language, the delegation's own first; none without a language."""
        if not request.language:
            return []
        own = {interpreter.pk for interpreter in request.delegation.interpreters.all()}
        matching = [(("interpreter", p.pk), p) for spoken, p in self.interpreters if request.language in spoken]
        return sorted(matching, key=lambda pair: pair[1].pk not in own)

    def place(self, request):
        # A delegation that declined or cancelled books nothing (the clash engine's own status set).
        gone = [d for d in (request.delegation, request.counterpart_delegation) if d and not _coming(d)]
        if gone:
            return None, [_("%(delegation)s is not coming (declined or cancelled)") % {"delegation": gone[0]}]
        wished = {day.pk for day in request.wished_days.all()}
        candidates = [index for index in range(len(self.slots)) if not wished or self.slot_day.get(index) in wished]
        if not candidates:
            return None, [_("none of the wished days is a meeting day")]
        parties = self.parties_of_request(request)
        stands = self.stands.get(request.counterpart_exhibitor_id, ())
        if not stands and not self.shared_places:
            return None, [_("there is no meeting place")]
        speakers = self.speakers(request)
        if request.language and not speakers:
            language = languages.in_sentence(request.language)
            return None, [_("no interpreter speaks %(language)s") % {"language": language}]
        blocked = self.timetable.blocked
        party_sets = [(blocked(key), name) for key, name in parties]
        tally = Counter()
        for index in candidates:
            busy = next((name for taken, name in party_sets if index in taken), None)
            if busy:
                tally["busy", busy] += 1
                continue
            place = next((place for key, place in stands if index not in blocked(key)), None)
            free = self.free_shared(index)
            if place is None and free:
                place = free[0][1]
            if place is None:
                tally["no place", ""] += 1
                continue
            interpreter = None
            if speakers:
                interpreter = next((person for key, person in speakers if index not in blocked(key)), None)
                if interpreter is None:
                    tally["no interpreter", languages.in_sentence(request.language)] += 1
                    continue
            start, end = self.slots[index]
            if place.kind != MeetingPlace.Kind.STAND:
                free.pop(0)
            self.timetable.book([*parties, *resource_keys_of(place, None, interpreter)], start, end)
            return Placement(request, place, start, end, interpreter), []
        total = len(candidates)
        reasons = [
            _("%(reason)s in %(count)d of %(total)d slots")
            % {"reason": _explain(kind, detail), "count": count, "total": total}
            for (kind, detail), count in tally.most_common(3)
        ]
        return None, reasons


def _coming(delegation):
    return delegation.status not in Delegation.INACTIVE_STATUSES


def _explain(kind, detail):
    # Worded once per unplaced request, not once per slot tried.
    if kind == "busy":
        return _("%(name)s is busy") % {"name": detail}
    if kind == "no interpreter":
        return _("no %(language)s interpreter is free") % {"language": detail}
    return _("no meeting place is free")
