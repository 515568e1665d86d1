"""Clash detection: one delegation, liaison officer, interpreter or vehicle booked twice at once.

An engagement books its delegation and, through the delegation, its liaison officer,
interpreters and vehicle. Clashes are computed, not stored, so they are never stale: all
engagements of an edition are read in two queries and swept per resource in time order.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation, Engagement, Movement

# How long an airport transfer holds a pool vehicle: from landing until the guests are at the
# hotel; for a departure, from pick-up at the hotel until the drop-off (3 h to 1 h 30 before).
ARRIVAL_TRANSFER = (datetime.timedelta(0), datetime.timedelta(minutes=90))
DEPARTURE_TRANSFER = (datetime.timedelta(hours=-3), datetime.timedelta(minutes=-90))

RESOURCE_LABELS = {
    "delegation": _("Delegation"),
    "liaison_officer": _("Liaison officer"),
    "interpreter": _("Interpreter"),
    "vehicle": _("Vehicle"),
    "place": _("Meeting place"),
    "exhibitor": _("Exhibitor"),
}


@dataclass(frozen=True)
class Clash:
    resource: str  # a key of RESOURCE_LABELS
    name: str  # who or what is double-booked
    first: Engagement
    second: Engagement

    @property
    def resource_label(self):
        return RESOURCE_LABELS[self.resource]

    def involves(self, delegation_id):
        return delegation_id in (self.first.delegation_id, self.second.delegation_id)


def _bookings(engagement):
    delegation = engagement.delegation
    yield ("delegation", delegation.pk), str(delegation)
    if delegation.liaison_officer_id:
        yield ("liaison_officer", delegation.liaison_officer_id), str(delegation.liaison_officer)
    for interpreter in delegation.interpreters.all():
        yield ("interpreter", interpreter.pk), str(interpreter)
    if engagement.vehicle_id:
        yield ("vehicle", engagement.vehicle_id), str(engagement.vehicle)


@dataclass(frozen=True)
class Transfer:
    """A movement seen as a booking of its pool vehicle (the clash report shows it like an engagement)."""

    movement: Movement
    start: datetime.datetime
    end: datetime.datetime

    @property
    def pk(self):
        return -self.movement.pk  # apart from engagements' keys when sorting

    @property
    def delegation(self):
        return self.movement.delegation

    @property
    def delegation_id(self):
        return self.movement.delegation_id

    @property
    def vehicle(self):
        return self.movement.vehicle

    @property
    def vehicle_id(self):
        return self.movement.vehicle_id

    @property
    def event(self):
        return ("movement", self.movement.pk)

    def __str__(self):
        return f"{self.movement.get_kind_display()} {self.movement.flight}".strip()


def transfers(edition):
    """Arrivals and departures with a pool vehicle, as bookings (one query)."""
    movements = (
        Movement.objects.filter(delegation__edition=edition, vehicle__isnull=False)
        .exclude(delegation__status__in=Delegation.INACTIVE_STATUSES)
        .select_related("delegation", "vehicle", "member")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
        .order_by("at", "pk")
    )
    for movement in movements:
        before, after = ARRIVAL_TRANSFER if movement.kind == Movement.Kind.ARRIVAL else DEPARTURE_TRANSFER
        yield Transfer(movement, movement.at + before, movement.at + after)


# Other apps add the resources an engagement books beyond the delegation's own (meetings add
# their room, the exhibitor's team and the interpreter), so every clash comes from one engine.
_sources = []


def register_booking_source(source):
    """`source(engagements)` returns ({engagement pk: [(key, name), …]}, {engagement pk: event}).

    The first names further resources an engagement books; the second groups engagements that
    are one event (two delegations in one meeting share their liaison officer without a clash).
    """
    _sources.append(source)
    return source


def active_engagements(edition):
    """The timed engagements of `edition` that book anyone: declined and cancelled delegations book nothing."""
    return (
        Engagement.objects.filter(delegation__edition=edition, start__isnull=False, end__isnull=False)
        .exclude(delegation__status__in=Delegation.INACTIVE_STATUSES)
        .select_related("delegation__liaison_officer", "programme_item", "venue", "vehicle")
        .prefetch_related("delegation__interpreters")
        .order_by("start", "pk")
    )


def bookings(engagement):
    """The (key, name) of every resource `engagement`'s delegation books: the one definition the scheduler shares."""
    return list(_bookings(engagement))


def bookings_by_resource(edition, *, exclude=()):
    """{resource key: [engagements in time order]} and {resource key: name} for `edition`.

    Each engagement carries `.event`: engagements with the same event never clash with each other.
    """
    engagements = list(active_engagements(edition).exclude(pk__in=exclude))
    extra = defaultdict(list)
    events = {}
    for source in _sources:
        keys_by_pk, event_by_pk = source(engagements)
        for pk, keys in keys_by_pk.items():
            extra[pk].extend(keys)
        events.update(event_by_pk)
    for engagement in engagements:
        engagement.event = events.get(engagement.pk, ("engagement", engagement.pk))
    by_resource = defaultdict(list)
    names = {}
    for engagement in engagements:
        for key, name in [*_bookings(engagement), *extra.get(engagement.pk, ())]:
            by_resource[key].append(engagement)
            names[key] = name
    for transfer in transfers(edition):
        key = ("vehicle", transfer.vehicle_id)
        by_resource[key].append(transfer)
        names[key] = str(transfer.vehicle)
    return by_resource, names


def find_clashes(edition):
    """Every pair of overlapping bookings of the same resource in `edition`, in time order."""
    by_resource, names = bookings_by_resource(edition)
    clashes = []
    for key, booked in by_resource.items():
        # Sorted by start: each engagement is compared with the earlier ones still running.
        running = []
        for engagement in sorted(booked, key=lambda booking: (booking.start, booking.pk)):
            running = [other for other in running if other.end > engagement.start]
            clashes.extend(
                Clash(key[0], names[key], other, engagement) for other in running if other.event != engagement.event
            )
            running.append(engagement)
    return sorted(clashes, key=lambda clash: (clash.second.start, clash.resource, clash.first.pk))


@dataclass(frozen=True)
class OverCapacity:
    """A pool vehicle booked for more people than it has seats."""

    vehicle: object
    booking: object  # an Engagement or a Transfer
    people: int


def over_capacity(edition):
    """Bookings whose vehicle has fewer seats than the people it must carry, in time order.

    An engagement carries its whole delegation; an arrival or departure carries its member, or
    the whole delegation when it travels together.
    """
    engagements = (
        Engagement.objects.filter(delegation__edition=edition, vehicle__isnull=False, start__isnull=False)
        .exclude(delegation__status__in=Delegation.INACTIVE_STATUSES)
        .select_related("delegation", "vehicle", "programme_item")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
    )
    found = [
        OverCapacity(engagement.vehicle, engagement, engagement.delegation_size)
        for engagement in engagements
        if engagement.delegation_size > engagement.vehicle.seats
    ]
    for transfer in transfers(edition):
        people = 1 if transfer.movement.member_id else transfer.movement.delegation_size
        if people > transfer.vehicle.seats:
            found.append(OverCapacity(transfer.vehicle, transfer, people))
    return sorted(found, key=lambda warning: (warning.booking.start, warning.booking.pk))
