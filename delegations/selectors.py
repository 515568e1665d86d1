"""Where each member sleeps and which car meets them: read from the rooming list and the vehicle
pool, the only places those facts are kept. The delegation's form, the itinerary, run sheets and
the airport sheet all ask here, so they cannot disagree with the rooming list.
"""

from dataclasses import dataclass

from delegations.models import Member, Movement, RoomAssignment


@dataclass(frozen=True)
class Lodging:
    """A member's hotel and room (their first stay) and the pool vehicle of their arrival."""

    delegation_id: int | None = None
    hotel: object = None  # Hotel or None
    room: str = ""
    vehicle: object = None  # Vehicle or None

    @property
    def hotel_and_room(self):
        if self.hotel is None:
            return ""
        return f"{self.hotel.name}, {self.room}" if self.room else self.hotel.name


NOWHERE = Lodging()


def lodgings(delegation_ids):
    """{member pk: Lodging} for the members of `delegation_ids` (two queries).

    A member's car is the one booked on their own arrival, else on the arrival of the whole
    delegation: the car that fetches them from the airport to that hotel.
    """
    stays = {}
    for stay in (
        RoomAssignment.objects.filter(member__delegation_id__in=delegation_ids)
        .select_related("hotel")
        .order_by("check_in", "pk")
    ):
        stays.setdefault(stay.member_id, stay)
    cars, whole = {}, {}
    arrivals = (
        Movement.objects.filter(delegation_id__in=delegation_ids, kind=Movement.Kind.ARRIVAL, vehicle__isnull=False)
        .select_related("vehicle")
        .order_by("at", "pk")
    )
    for arrival in arrivals:
        if arrival.member_id:
            cars.setdefault(arrival.member_id, arrival.vehicle)
        else:
            whole.setdefault(arrival.delegation_id, arrival.vehicle)
    found = {}
    members = Member.objects.filter(delegation_id__in=delegation_ids).order_by("order", "pk")
    for member_id, delegation_id in members.values_list("pk", "delegation_id"):
        stay = stays.get(member_id)
        found[member_id] = Lodging(
            delegation_id=delegation_id,
            hotel=stay.hotel if stay else None,
            room=stay.room if stay else "",
            vehicle=cars.get(member_id) or whole.get(delegation_id),
        )
    return found


def hotels_of(delegation_id, found):
    """The hotels a delegation's members stay at, in the members' order, each named once."""
    names = [stay.hotel.name for stay in found.values() if stay.delegation_id == delegation_id and stay.hotel]
    return ", ".join(dict.fromkeys(names))


def where_they_stay(movement, found):
    """A movement's hotel: the member's hotel and room, or the hotels of the whole delegation."""
    if movement.member_id:
        return found.get(movement.member_id, NOWHERE).hotel_and_room
    return hotels_of(movement.delegation_id, found)
