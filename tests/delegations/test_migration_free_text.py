"""The free-text hotel and vehicle of a delegation go: migration 0005 moves each value into the
rooming list or the vehicle pool where it matches, and keeps the rest in the delegation's notes."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from delegations.models import Delegation, Engagement, Movement, RoomAssignment
from tests.factories import local

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("delegations", "0004_logistics_permissions")]


@pytest.fixture
def old_models():
    """The delegations tables as they were before the change (hotel and vehicle typed in)."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_free_text_moves_into_rooms_and_the_pool_or_stays_in_the_notes(old_models, edition):
    OldDelegation = old_models.get_model("delegations", "Delegation")
    OldMember = old_models.get_model("delegations", "Member")
    OldMovement = old_models.get_model("delegations", "Movement")
    OldEngagement = old_models.get_model("delegations", "Engagement")
    OldHotel = old_models.get_model("delegations", "Hotel")
    OldVehicle = old_models.get_model("delegations", "Vehicle")
    OldRoom = old_models.get_model("delegations", "RoomAssignment")
    OldHotel.objects.create(edition_id=edition.pk, name="Khách sạn Hồ Gươm")
    other_hotel = OldHotel.objects.create(edition_id=edition.pk, name="Khách sạn Tây Hồ")
    OldVehicle.objects.create(edition_id=edition.pk, registration="29A-001.23", seats=6)

    def delegation(country, **fields):
        return OldDelegation.objects.create(
            edition_id=edition.pk, country=country, organisation="Bộ Quốc phòng", version=1, **fields
        )

    # Matches (accents, case, spaces and dashes aside): rooms for both members, the car booked.
    matched = delegation("FR", hotel="khach san ho guom", vehicle="29a 00123", notes="VIP")
    OldMember.objects.create(delegation=matched, family_name="Dupont", given_name="Marie", version=1)
    paul = OldMember.objects.create(delegation=matched, family_name="Martin", given_name="Paul", version=1)
    OldMovement.objects.create(delegation=matched, kind="arrival", at=local(edition, -1, 23, 30))
    OldMovement.objects.create(delegation=matched, member=paul, kind="departure", at=local(edition, 2, 18))
    OldEngagement.objects.create(
        delegation=matched, kind="bilateral", start=local(edition, 0, 10), end=local(edition, 0, 11)
    )
    # No such hotel or vehicle in the edition: both kept in the notes.
    unknown = delegation("DE", hotel="Hotel Adlon", vehicle="XE-99")
    OldMember.objects.create(delegation=unknown, family_name="Schmidt", version=1)
    # The member already sleeps elsewhere: the rooming list is kept, the contradiction noted.
    elsewhere = delegation("IN", hotel="Khách sạn Hồ Gươm")
    sharma = OldMember.objects.create(delegation=elsewhere, family_name="Sharma", version=1)
    OldRoom.objects.create(
        hotel=other_hotel, member=sharma, room="12", check_in=edition.start_date, check_out=edition.end_date
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    rooms = {stay.member.family_name: stay for stay in RoomAssignment.objects.select_related("member", "hotel")}
    assert rooms["Dupont"].hotel.name == rooms["Martin"].hotel.name == "Khách sạn Hồ Gươm"
    # From the arrival day (local time) to the member's own departure, else the day after the closing.
    assert (rooms["Dupont"].check_in, rooms["Dupont"].check_out) == (
        edition.start_date - datetime.timedelta(days=1),
        edition.end_date + datetime.timedelta(days=1),
    )
    assert rooms["Martin"].check_out == edition.start_date + datetime.timedelta(days=2)
    assert rooms["Sharma"].hotel.name == "Khách sạn Tây Hồ"
    assert {e.vehicle.registration for e in Engagement.objects.filter(delegation_id=matched.pk)} == {"29A-001.23"}
    assert Movement.objects.get(delegation_id=matched.pk, member=None).vehicle.registration == "29A-001.23"
    assert Movement.objects.get(member_id=paul.pk).vehicle is None  # a member travelling apart keeps theirs
    notes = dict(Delegation.objects.values_list("country", "notes"))
    assert notes["FR"] == "VIP"
    assert "Hotel (former free text, not matched): Hotel Adlon" in notes["DE"]
    assert "Vehicle (former free text, not matched): XE-99" in notes["DE"]
    assert notes["IN"].endswith("Hotel (former free text, not matched): Khách sạn Hồ Gươm")
    assert not hasattr(Delegation, "hotel") and not hasattr(Delegation, "vehicle")
