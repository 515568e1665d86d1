import datetime
from decimal import Decimal

import pytest
from django.utils.translation import override
from model_bakery import baker

from meetings.models import Agreement, MeetingDay, MeetingPlace, MeetingPlan
from tests.factories import agreement


@pytest.fixture(autouse=True)
def _english():
    with override("en"):
        yield


@pytest.fixture
def plan(edition):
    """Four meeting days 09:00–12:00 (30-minute slots, 10 minutes apart: 09:00, 09:40, 10:20, 11:00)."""
    MeetingPlan.objects.create(edition=edition, slot_minutes=30, buffer_minutes=10)
    days = [
        MeetingDay.objects.create(
            edition=edition,
            date=edition.start_date + datetime.timedelta(days=n),
            opens=datetime.time(9),
            closes=datetime.time(12),
        )
        for n in range(4)
    ]
    return days


@pytest.fixture
def room(edition):
    return MeetingPlace.objects.create(edition=edition, name_vi="Phòng họp 1", name_en="Room 1")


@pytest.fixture
def exhibitor(db):
    return baker.make("exhibitors.Exhibitor", name="Công ty Thiết bị Quang học Đồng Nai", slug="dong-nai-optics")


@pytest.fixture
def ledger(edition):
    return {
        "public": agreement(edition, "Radar contract", value=Decimal("42000000"), currency="USD", usd_rate=Decimal(1)),
        "euro": agreement(
            edition,
            "Patrol boat contract",
            value=Decimal("10000000"),
            currency="EUR",
            usd_rate=Decimal("1.05"),
            rate_date=edition.start_date,
            signed_on=edition.start_date + datetime.timedelta(days=1),
        ),
        "internal": agreement(edition, "Secret spare parts deal", disclosure=Agreement.Disclosure.INTERNAL),
        "unapproved": agreement(edition, "Unapproved MoU", approved=False, kind=Agreement.Kind.MOU),
        "later": agreement(
            edition,
            "Training agreement",
            kind=Agreement.Kind.AGREEMENT,
            disclosure=Agreement.Disclosure.ANNOUNCEABLE,
            announce_from=datetime.date(2024, 12, 23),
        ),
    }
