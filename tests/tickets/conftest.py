import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from model_bakery import baker

from tests.outbox.conftest import smtp  # noqa: F401 (a fixture: mail as received)
from tickets.models import Admission, Gate, Kind, TimeSlot, VisitDay

BEFORE_THE_SHOW = datetime.datetime(2024, 12, 10, 9, 0, tzinfo=datetime.UTC)
TRADE_DAY = datetime.date(2024, 12, 19)
PUBLIC_DAY = datetime.date(2024, 12, 21)


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.EXPO_SITE_URL = ""
    settings.EXPO_TICKET_SIGNING_KEY_FILE = tmp_path / "ticket-signing.key"


@pytest.fixture
def before_the_show():
    with time_machine.travel(BEFORE_THE_SHOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def show(edition):
    """Two trade days, two public days with three slots each, two gates; registration open."""
    Admission.objects.create(edition=edition, is_open=True, max_party_size=5, retention_days=90)
    for offset, kind in enumerate([Kind.TRADE, Kind.TRADE, Kind.PUBLIC, Kind.PUBLIC]):
        day = VisitDay.objects.create(edition=edition, date=TRADE_DAY + datetime.timedelta(days=offset), kind=kind)
        if kind == Kind.PUBLIC:
            for hour in (8, 11, 14):
                TimeSlot.objects.create(
                    day=day, starts_at=datetime.time(hour), ends_at=datetime.time(hour + 3), capacity=10
                )
    Gate.objects.create(edition=edition, code="G1", name="Cổng Bắc")
    Gate.objects.create(edition=edition, code="G2", name="Cổng Nam")
    return edition


def slot(hour=8, date=PUBLIC_DAY):
    return TimeSlot.objects.get(day__date=date, starts_at=datetime.time(hour))


@pytest.fixture
def gate_staff(db):
    user = baker.make(User, username="gate1", is_staff=False)
    user.groups.add(Group.objects.get(name="Gate"))
    return user


@pytest.fixture
def registrar(db):
    user = baker.make(User, username="registrar", is_staff=True)
    user.groups.add(Group.objects.get(name="Registration"))
    return user
