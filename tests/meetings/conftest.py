import datetime

import pytest
from django.utils.translation import override
from model_bakery import baker

from delegations.models import Delegation, Interpreter, LiaisonOfficer
from meetings import services
from meetings.models import MeetingDay, MeetingPlace, MeetingPlan, MeetingRequest
from tests.delegations.conftest import protocol_client, protocol_user  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _english():
    with override("en"):
        yield


def local(edition, day, hour, minute=0):
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=edition.tz
    )


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


def make_delegation(edition, country, organisation="Bộ Quốc phòng", **fields):
    delegation = Delegation(
        edition=edition, country=country, organisation=organisation, status=Delegation.Status.ACCEPTED, **fields
    )
    delegation.save()
    return delegation


def make_officer(name="Nguyễn Thành Long"):
    return LiaisonOfficer.objects.create(name=name, rank="Thượng tá")


def make_interpreter(name, languages):
    return Interpreter.objects.create(name=name, languages=languages)


def accepted_request(edition, delegation, *, counterpart=None, exhibitor=None, user=None, **fields):
    request = MeetingRequest.objects.create(
        edition=edition,
        delegation=delegation,
        counterpart_delegation=counterpart,
        counterpart_exhibitor=exhibitor,
        **fields,
    )
    services.set_status(request=request, status=MeetingRequest.Status.ACCEPTED, by=user)
    return request


@pytest.fixture
def exhibitor(db):
    return baker.make("exhibitors.Exhibitor", name="Công ty Thiết bị Quang học Đồng Nai", slug="dong-nai-optics")
