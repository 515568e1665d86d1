"""Demo rows for visitor registration: the edition's first two days for trade visitors, the
others public with three timed entries each; three gates; registration open; one public ticket
issued and one invented trade registration (a foreign national) waiting to be vetted."""

import datetime

from django.utils import timezone

from common import demo_registry
from tickets.models import Admission, Gate, Kind, Registration, Status, TimeSlot, VisitDay

TRADE_DAYS = 2
SLOTS = ((8, 11, 3000), (11, 14, 3000), (14, 17, 2000))
GATES = (
    ("G1", "Cổng chính (Bắc)", "Main gate (north)"),
    ("G2", "Cổng Nam", "South gate"),
    ("G3", "Cổng khách mời", "Guests' gate"),
)


@demo_registry.register(order=70, label="Visitor registration: days, slots, gates, a ticket and a registration to vet")
def load(*, edition, progress):
    Admission.objects.update_or_create(edition=edition, defaults={"is_open": True, "max_party_size": 5})
    slots = []
    for number, date in enumerate(edition.days):
        kind = Kind.TRADE if number < TRADE_DAYS else Kind.PUBLIC
        day, _ = VisitDay.objects.update_or_create(edition=edition, date=date, defaults={"kind": kind})
        if kind == Kind.PUBLIC:
            for start, end, capacity in SLOTS:
                slot, _ = TimeSlot.objects.update_or_create(
                    day=day,
                    starts_at=datetime.time(start),
                    defaults={"ends_at": datetime.time(end), "capacity": capacity},
                )
                slots.append(slot)
    for code, name_vi, name_en in GATES:
        Gate.objects.update_or_create(edition=edition, code=code, defaults={"name_vi": name_vi, "name_en": name_en})
    now = timezone.now()
    if slots:
        # get_or_create: loading again changes nothing (nor writes a new audit entry).
        public, created = Registration.objects.get_or_create(
            edition=edition,
            email="khach.demo@example.invalid",
            defaults={
                "kind": Kind.PUBLIC,
                "status": Status.ISSUED,
                "name": "Khách tham quan (demo)",
                "slot": slots[0],
                "party_size": 2,
                "language": "vi",
                "consented_at": now,
                "confirmed_at": now,
            },
        )
        if created:
            TimeSlot.objects.filter(pk=slots[0].pk).update(taken=public.party_size)
    Registration.objects.get_or_create(
        edition=edition,
        email="trade.demo@example.invalid",
        defaults={
            "kind": Kind.TRADE,
            "status": Status.TO_CHECK,
            "name": "Demo Trade Visitor (invented)",
            "organisation": "Invented Systems Ltd (demo)",
            "position": "Business development manager",
            "country": "GB",
            "phone": "+44 20 7946 0000",
            "id_number": "DEMO12345",
            "is_foreign": True,
            "language": "en",
            "consented_at": now,
        },
    )
    return f"{len(edition.days)} visit days, {len(slots)} time slots, {len(GATES)} gates, 2 registrations"
