"""Places in time slots: taken and given back by conditional UPDATEs, never read-modify-write.

`take` is one statement, `UPDATE … SET taken = taken + n WHERE id = … AND taken <= capacity - n`:
PostgreSQL re-checks the condition on the locked row after any concurrent update commits, so of
two requests for the last place exactly one sees a row updated; the other sees none and is told
the slot is full. The CHECK constraint `time_slot_never_overbooked` is the backstop.
"""

import datetime
import functools

from django.db.models import F
from django.utils import timezone

from common.cache import remember
from tickets.models import Kind, Registration, Status, TimeSlot

NEAREST = 3


class SlotFull(Exception):
    def __init__(self, slot, nearest):
        super().__init__(str(slot))
        self.slot = slot
        self.nearest = nearest


def take(slot, places):
    return TimeSlot.objects.filter(pk=slot.pk).with_room(places).update(taken=F("taken") + places) == 1


def give_back(slot, places):
    TimeSlot.objects.filter(pk=slot.pk, taken__gte=places).update(taken=F("taken") - places)


def expire_stale_holds(slot, *, hold_minutes, now=None):
    """Give back the places of registrations on `slot` whose e-mail was not confirmed in time."""
    cutoff = (now or timezone.now()) - datetime.timedelta(minutes=hold_minutes)
    # Locked and re-read, so a hold is given back once even when two requests sweep together.
    stale = list(
        Registration.objects.select_for_update()
        .filter(slot=slot, status=Status.UNCONFIRMED, created_at__lt=cutoff)
        .values_list("pk", "party_size")
    )
    if stale:
        Registration.objects.filter(pk__in=[pk for pk, _ in stale]).update(status=Status.EXPIRED)
        give_back(slot, sum(size for _, size in stale))


def public_slots(edition):
    """The public days' slots of `edition` (an Edition or its id)."""
    return TimeSlot.objects.filter(day__edition=edition, day__kind=Kind.PUBLIC).select_related("day")


def listed(edition, today):
    """The public slots a visitor may choose from `today` on, as the registration form lists them
    (a fresh queryset each call; the query itself is built once per edition and day, not on each
    of a slot's opening's thousands of requests)."""
    return _listed(edition.pk, today).all()


@functools.lru_cache(maxsize=32)
def _listed(edition_pk, today):
    # Never evaluated itself (listed() hands out clones), so it holds no rows, only the query.
    return public_slots(edition_pk).filter(day__date__gte=today)


def bookable(edition, today):
    """{id: slot} of the public slots a visitor may choose from `today` on, as every registration
    checks its choice: read through the fragment cache (VisitDay and TimeSlot are @public_content,
    so an edit in the admin moves the version). Their `taken` is as it was read, so nothing here
    says whether a slot has room: only `take` counts places."""
    return remember(
        f"tickets-bookable:{edition.pk}:{today.isoformat()}",
        lambda: {slot.pk: slot for slot in listed(edition, today)},
    )


def nearest_free(slot, places, *, limit=NEAREST, today=None):
    """The free slots closest in time to `slot` (same edition, public days, not yet past)."""
    edition = slot.day.edition
    today = today or edition.local_today()
    wanted = datetime.datetime.combine(slot.day.date, slot.starts_at)
    candidates = public_slots(edition).with_room(places).exclude(pk=slot.pk).filter(day__date__gte=today)
    return sorted(
        candidates, key=lambda s: abs((datetime.datetime.combine(s.day.date, s.starts_at) - wanted).total_seconds())
    )[:limit]
