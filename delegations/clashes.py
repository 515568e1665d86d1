"""Clash detection: one delegation, liaison officer, interpreter or vehicle booked twice at once.

An engagement books its delegation and, through the delegation, its liaison officer,
interpreters and vehicle. Clashes are computed, not stored, so they are never stale: all
engagements of an edition are read in two queries and swept per resource in time order.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from delegations.models import Engagement

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
    if delegation.vehicle.strip():
        yield ("vehicle", delegation.vehicle.strip().casefold()), delegation.vehicle.strip()


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
        .exclude(delegation__status__in=["declined", "cancelled"])
        .select_related("delegation__liaison_officer", "programme_item", "venue")
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
    return by_resource, names


def find_clashes(edition):
    """Every pair of overlapping bookings of the same resource in `edition`, in time order."""
    by_resource, names = bookings_by_resource(edition)
    clashes = []
    for key, booked in by_resource.items():
        # Sorted by start: each engagement is compared with the earlier ones still running.
        running = []
        for engagement in booked:
            running = [other for other in running if other.end > engagement.start]
            clashes.extend(
                Clash(key[0], names[key], other, engagement) for other in running if other.event != engagement.event
            )
            running.append(engagement)
    return sorted(clashes, key=lambda clash: (clash.second.start, clash.resource, clash.first.pk))
