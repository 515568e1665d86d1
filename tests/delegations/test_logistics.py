"""Hotels and rooming lists, the vehicle pool with clashes and capacity, bulk assignment, run sheets."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from delegations.clashes import find_clashes, over_capacity
from delegations.models import (
    Delegation,
    Engagement,
    Hotel,
    Interpreter,
    LiaisonOfficer,
    Movement,
    RoomAssignment,
    Vehicle,
)
from tests.factories import local, make_delegation, make_member
from tests.helpers import pdf_text


@pytest.fixture
def pool(edition):
    return {
        "car": Vehicle.objects.create(edition=edition, registration="29A-001", model="Toyota Innova", seats=6),
        "bus": Vehicle.objects.create(
            edition=edition, registration="29B-002", model="Thaco 29 chỗ", seats=28, driver_name="Đặng Thị Lan"
        ),
    }


def _delegation(edition, country, organisation, people, **fields):
    delegation = make_delegation(edition, country, organisation, status=Delegation.Status.ACCEPTED, **fields)
    for n in range(people):
        make_member(delegation, family_name="Nguyễn", given_name=f"Văn {country}{n}")
    return delegation


def test_one_vehicle_in_two_places_at_once_is_a_clash(edition, pool):
    france = _delegation(edition, "FR", "Ministère des Armées", 2)
    india = _delegation(edition, "IN", "Ministry of Defence", 2)
    Engagement.objects.create(
        delegation=france,
        kind="stand_visit",
        start=local(edition, 0, 9),
        end=local(edition, 0, 10),
        vehicle=pool["car"],
    )
    Engagement.objects.create(
        delegation=india,
        kind="bilateral",
        start=local(edition, 0, 9, 30),
        end=local(edition, 0, 11),
        vehicle=pool["car"],
    )
    # An arrival holds its car for 90 minutes after landing.
    Movement.objects.create(delegation=india, kind="arrival", at=local(edition, 0, 8, 15), vehicle=pool["car"])
    Movement.objects.create(delegation=france, kind="arrival", at=local(edition, -1, 8), vehicle=pool["car"])
    clashes = [(c.resource, c.name, str(c.first), str(c.second)) for c in find_clashes(edition)]
    assert [c for c in clashes if c[0] == "vehicle"] == [
        ("vehicle", "29A-001 (Toyota Innova, 6 seats)", "Arrival", "Stand visit"),
        ("vehicle", "29A-001 (Toyota Innova, 6 seats)", "Arrival", "Bilateral meeting"),
        ("vehicle", "29A-001 (Toyota Innova, 6 seats)", "Stand visit", "Bilateral meeting"),
    ]


def test_a_car_too_small_for_its_delegation_is_warned_on_the_delegation_page(protocol_client, edition, pool):
    big = _delegation(edition, "KR", "Ministry of National Defense", 8)
    Engagement.objects.create(
        delegation=big, kind="stand_visit", start=local(edition, 1, 9), end=local(edition, 1, 10), vehicle=pool["car"]
    )
    Movement.objects.create(delegation=big, kind="arrival", at=local(edition, -1, 9), vehicle=pool["bus"])
    [warning] = over_capacity(edition)
    assert (warning.vehicle, warning.people) == (pool["car"], 8)
    html = protocol_client.get(
        reverse("admin:delegations_delegation_change", args=[big.pk]), headers={"accept-language": "vi"}
    ).content.decode()
    assert "Xe 29A-001 có 6 chỗ cho 8 người" in html


def test_vehicle_autocomplete_ignores_accents(protocol_client, edition, pool):
    url = reverse("admin:autocomplete")
    params = {"app_label": "delegations", "model_name": "engagement", "field_name": "vehicle", "term": "thaco 29 cho"}
    results = protocol_client.get(url, params).json()["results"]
    assert [r["text"] for r in results] == ["29B-002 (Thaco 29 chỗ, 28 chỗ)"]


def test_bulk_assignment_of_a_liaison_officer_and_interpreters(protocol_client, edition):
    officer = LiaisonOfficer.objects.create(name="Vũ Thu Trang", rank="Trung tá", languages="en,ru")
    french = Interpreter.objects.create(name="Hoàng Mai Anh", languages="fr")
    Interpreter.objects.create(name="Bùi Quốc Việt", languages="ja")
    chosen = [_delegation(edition, "FR", "Ministère des Armées", 1), _delegation(edition, "BE", "Défense", 1)]
    other = _delegation(edition, "JP", "Ministry of Defense", 1)
    url = reverse("admin:delegations_delegation_changelist")
    selected = {"action": "assign_people_action", "_selected_action": [d.pk for d in chosen]}
    form = protocol_client.post(url, selected, headers={"accept-language": "vi"}).content.decode()
    assert "Phân công sĩ quan liên lạc hoặc phiên dịch" in form and "Tiếng Pháp: Hoàng Mai Anh" in form
    response = protocol_client.post(
        url, {**selected, "apply": "1", "liaison_officer": officer.pk, "interpreters": [french.pk]}
    )
    assert response.status_code == 302
    for delegation in chosen:
        delegation.refresh_from_db()
        assert delegation.liaison_officer == officer and list(delegation.interpreters.all()) == [french]
    other.refresh_from_db()
    assert other.liaison_officer is None


def test_bulk_assignment_is_refused_without_change_permission(viewer_client, edition):
    delegation = _delegation(edition, "FR", "Ministère des Armées", 1)
    officer = LiaisonOfficer.objects.create(name="Vũ Thu Trang")
    viewer_client.post(
        reverse("admin:delegations_delegation_changelist"),
        {
            "action": "assign_people_action",
            "_selected_action": [delegation.pk],
            "apply": "1",
            "liaison_officer": officer.pk,
        },
    )
    delegation.refresh_from_db()
    assert delegation.liaison_officer is None


@time_machine.travel(datetime.datetime(2024, 12, 18, 1, 0, tzinfo=datetime.UTC), tick=False)
def test_run_sheet_lists_the_officers_day_in_order_with_vehicles_and_places(protocol_client, edition, pool):
    officer = LiaisonOfficer.objects.create(name="Nguyễn Thành Long", rank="Thượng tá", phone="+84 900 1")
    mine = _delegation(edition, "FR", "Ministère des Armées", 3, liaison_officer=officer)
    theirs = _delegation(edition, "IN", "Ministry of Defence", 2)
    Movement.objects.create(
        delegation=mine,
        kind="arrival",
        at=local(edition, 0, 7, 40),
        flight="AF100",
        airport="Nội Bài T2",
        vehicle=pool["bus"],
    )
    Engagement.objects.create(
        delegation=mine,
        kind="stand_visit",
        counterpart="Viettel",
        start=local(edition, 0, 14),
        end=local(edition, 0, 15),
        vehicle=pool["car"],
    )
    Engagement.objects.create(
        delegation=mine,
        kind="bilateral",
        counterpart="Bộ Quốc phòng",
        start=local(edition, 0, 10),
        end=local(edition, 0, 11),
    )
    Engagement.objects.create(
        delegation=mine,
        kind="bilateral",
        counterpart="Next day",
        start=local(edition, 1, 10),
        end=local(edition, 1, 11),
    )
    Engagement.objects.create(
        delegation=theirs,
        kind="bilateral",
        counterpart="Not mine",
        start=local(edition, 0, 9),
        end=local(edition, 0, 10),
    )
    url = reverse("admin:delegations_liaisonofficer_run_sheet", args=[officer.pk])
    text = pdf_text(protocol_client.get(url, {"day": "2024-12-19", "lang": "vi"}))
    assert "Lịch công tác · Thượng tá Nguyễn Thành Long · " in text and "19/12/2024" in text
    assert text.index("07:40") < text.index("10:00–11:00") < text.index("14:00–15:00")
    # Where, hotel (none booked here: "—"), vehicle, driver, headcount.
    assert "Đến AF100 Nội Bài T2 — 29B-002 Đặng Thị Lan" in text
    assert "Thăm gian trưng bày: Viettel — — 29A-001 — 3" in text
    assert "Not mine" not in text and "Next day" not in text
    assert "In lúc 18/12/2024 08:00 (UTC+7)" in text and "Trang 1/1" in text
    # The English sheet, asked for from the Vietnamese admin, names the movement in English.
    english = pdf_text(protocol_client.get(url, {"day": "2024-12-19", "lang": "en"}, headers={"accept-language": "vi"}))
    assert "Arrival AF100" in english and "Đến" not in english
    assert protocol_client.get(url, {"day": "2031-01-01"}).status_code == 404
    assert protocol_client.get(url, {"day": "19/12"}).status_code == 404


def test_rooming_list_per_hotel(protocol_client, edition):
    hotel = Hotel.objects.create(edition=edition, name="Khách sạn Hồ Gươm", address="1 Hàng Khay")
    other = Hotel.objects.create(edition=edition, name="Khách sạn Khác")
    delegation = _delegation(edition, "FR", "Ministère des Armées", 0)
    guest = make_member(delegation, family_name="Dupont", given_name="Marie", rank="Général")
    elsewhere = make_member(delegation, family_name="Martin", given_name="Paul")
    RoomAssignment.objects.create(
        hotel=hotel,
        member=guest,
        room="512",
        check_in=datetime.date(2024, 12, 17),
        check_out=datetime.date(2024, 12, 23),
    )
    RoomAssignment.objects.create(
        hotel=other,
        member=elsewhere,
        room="101",
        check_in=datetime.date(2024, 12, 17),
        check_out=datetime.date(2024, 12, 20),
    )
    url = reverse("admin:delegations_hotel_rooming_list", args=[hotel.pk])
    text = pdf_text(protocol_client.get(url, {"lang": "vi"}))
    assert "Danh sách phòng · Khách sạn Hồ Gươm" in text
    assert "512 Général Marie Dupont Pháp · Ministère des Armées 17/12/2024 23/12/2024 6" in text
    assert "Paul Martin" not in text


def test_staff_without_delegation_permissions_get_no_logistics(editor_client, edition):
    officer = LiaisonOfficer.objects.create(name="Vũ Thu Trang")
    hotel = Hotel.objects.create(edition=edition, name="Khách sạn Hồ Gươm")
    for url in (
        reverse("admin:delegations_liaisonofficer_run_sheet", args=[officer.pk]) + "?day=2024-12-19",
        reverse("admin:delegations_hotel_rooming_list", args=[hotel.pk]),
        reverse("admin:delegations_vehicle_changelist"),
    ):
        assert editor_client.get(url).status_code == 403, url
