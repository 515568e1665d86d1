"""Demo hotels, rooms and vehicle pool (invented), so `make run` shows the protocol's logistics.

Imported by delegations/demo.py (the registry discovers only `demo` modules); runs after the
delegations are loaded. Includes one vehicle too small for its delegation, so the warning shows.
"""

import datetime

from auditlog.context import disable_auditlog

from common import demo_registry
from delegations.clashes import ARRIVAL_TRANSFER, DEPARTURE_TRANSFER
from delegations.models import Delegation, Engagement, Hotel, Member, Movement, RoomAssignment, Vehicle

HOTELS = [
    ("Khách sạn Demo Hồ Gươm", "1 phố Demo, Hoàn Kiếm, Hà Nội", "+84 24 0000 0001"),
    ("Demo Riverside Hotel", "2 Demo Road, Long Biên, Hanoi", "+84 24 0000 0002"),
]
# plate, model, seats, driver, phone
VEHICLES = [
    ("29A-DEMO1", "Toyota Innova (demo)", 6, "Phạm Văn Hùng", "+84 900 000 001"),
    ("29A-DEMO2", "Ford Transit (demo)", 15, "Lê Quang Minh", "+84 900 000 002"),
    ("29B-DEMO3", "Thaco 29 chỗ (demo)", 28, "Đặng Thị Lan", "+84 900 000 003"),
    ("29A-DEMO4", "Xe dẫn đường (demo)", 1, "Ngô Đức Anh", "+84 900 000 004"),
]


@demo_registry.register(order=41, label="Hotels, rooms and vehicles (protocol, invented)")
def load(*, edition, progress):
    with disable_auditlog():
        return _load(edition)


def _load(edition):
    hotels = [
        Hotel.objects.update_or_create(edition=edition, name=name, defaults={"address": address, "phone": phone})[0]
        for name, address, phone in HOTELS
    ]
    vehicles = [
        Vehicle.objects.update_or_create(
            edition=edition,
            registration=plate,
            defaults={"model": model, "seats": seats, "driver_name": driver, "driver_phone": phone},
        )[0]
        for plate, model, seats, driver, phone in VEHICLES
    ]
    delegations = list(Delegation.objects.filter(edition=edition).confirmed().order_by("level_rank", "pk"))
    rooms = 0
    check_in = edition.start_date - datetime.timedelta(days=2)
    check_out = edition.end_date + datetime.timedelta(days=1)
    for index, delegation in enumerate(delegations):
        hotel = hotels[index % 2]
        for order, member in enumerate(Member.objects.filter(delegation=delegation).order_by("order", "pk")):
            RoomAssignment.objects.update_or_create(
                member=member,
                check_in=check_in,
                defaults={"hotel": hotel, "room": f"{5 + index % 4}{index:02d}{order}", "check_out": check_out},
            )
            rooms += 1
    _book_cars(edition, delegations, vehicles[:3])
    # One car too small: the pilot car alone for the first delegation's departure.
    if delegations:
        Movement.objects.filter(delegation=delegations[0], kind=Movement.Kind.DEPARTURE).update(vehicle=vehicles[3])
    return f"{len(hotels)} hotels, {rooms} room assignments, {len(vehicles)} vehicles (one too small for its trip)"


def _book_cars(edition, delegations, cars):
    """Give each transfer and stand visit the first car free then, so the demo has no car clash."""
    bookings = []
    for movement in Movement.objects.filter(delegation__in=delegations):
        before, after = ARRIVAL_TRANSFER if movement.kind == Movement.Kind.ARRIVAL else DEPARTURE_TRANSFER
        bookings.append((movement.at + before, movement.at + after, movement))
    for engagement in Engagement.objects.filter(delegation__in=delegations, kind=Engagement.Kind.STAND_VISIT):
        bookings.append((engagement.start, engagement.end, engagement))
    busy = {car.pk: [] for car in cars}
    for start, end, booking in sorted(bookings, key=lambda b: (b[0], b[2].pk)):
        car = next((c for c in cars if all(e <= start or s >= end for s, e in busy[c.pk])), None)
        if car is not None:
            busy[car.pk].append((start, end))
        type(booking).objects.filter(pk=booking.pk).update(vehicle=car)
