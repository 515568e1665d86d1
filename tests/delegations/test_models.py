"""Delegations' rules: name order, precedence, movements and engagements that cannot be."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from delegations.clashes import find_clashes
from delegations.models import Delegation, Engagement, Interpreter, LiaisonOfficer, Movement, Vehicle
from tests.factories import local, make_delegation, make_member, make_movement


def test_member_name_puts_the_family_name_first_for_vietnamese_only(edition):
    vietnam = make_delegation(edition, "VN")
    france = make_delegation(edition, "FR", "Ministère des Armées")
    assert make_member(vietnam, "Nguyễn", "Văn An", nationality="VN").full_name == "Nguyễn Văn An"
    assert make_member(france, "Dupont", "Marie", nationality="FR").full_name == "Marie Dupont"
    # No nationality given: the delegation's country decides.
    assert make_member(vietnam, "Trần", "Thị Bình").full_name == "Trần Thị Bình"


def test_protocol_order_is_precedence_then_country_name_in_the_language(edition):
    make_delegation(edition, "FR", "Ministère des Armées", level=Delegation.Level.OTHER)
    make_delegation(edition, "IN", "Ministry of Defence", level=Delegation.Level.MINISTER)
    make_delegation(edition, "DE", "Bundesministerium der Verteidigung", level=Delegation.Level.MINISTER)
    make_delegation(edition, "LA", "Ministry of National Defence", level=Delegation.Level.DEPUTY_MINISTER)
    in_english = [d.country.code for d in Delegation.objects.in_protocol_order("en")]
    # Ministers first: Germany before India in English…
    assert in_english == ["DE", "IN", "LA", "FR"]
    with override("vi"):
        in_vietnamese = [d.country.code for d in Delegation.objects.in_protocol_order("vi")]
    # …but "Ấn Độ" (India) before "Đức" (Germany) in Vietnamese.
    assert in_vietnamese == ["IN", "DE", "LA", "FR"]


def test_departure_before_arrival_is_refused(edition):
    delegation = make_delegation(edition)
    make_movement(delegation, Movement.Kind.ARRIVAL, local(edition, 0, 10))
    departure = Movement(delegation=delegation, kind=Movement.Kind.DEPARTURE, at=local(edition, -1, 9))
    with pytest.raises(ValidationError, match="departure cannot be before the arrival"):
        departure.full_clean()
    departure.at = local(edition, 3, 9)
    departure.full_clean()


def test_engagement_outside_the_expo_days_is_refused(edition):
    delegation = make_delegation(edition)
    engagement = Engagement(
        delegation=delegation, kind=Engagement.Kind.BILATERAL, start=local(edition, 4, 9), end=local(edition, 4, 10)
    )
    with pytest.raises(ValidationError, match="within the expo's days"):
        engagement.full_clean()
    engagement.start, engagement.end = local(edition, 3, 9), local(edition, 3, 10)
    engagement.full_clean()


def test_engagement_from_the_programme_takes_its_times(edition):
    from model_bakery import baker

    item = baker.make(
        "expo.ProgrammeItem", edition=edition, slug="opening", start=local(edition, 0, 8), end=local(edition, 0, 9)
    )
    engagement = Engagement(delegation=make_delegation(edition), kind=Engagement.Kind.PROGRAMME, programme_item=item)
    engagement.full_clean()
    assert (engagement.start, engagement.end) == (item.start, item.end)


def _meeting(delegation, start, minutes=60, **fields):
    return Engagement.objects.create(
        **fields,
        delegation=delegation,
        kind=Engagement.Kind.BILATERAL,
        counterpart="Bộ Quốc phòng",
        start=start,
        end=start + datetime.timedelta(minutes=minutes),
    )


def test_clash_detection_finds_each_double_booked_resource(edition):
    officer = LiaisonOfficer.objects.create(name="Nguyễn Thành Long")
    interpreter = Interpreter.objects.create(name="Hoàng Mai Anh")
    car = Vehicle.objects.create(edition=edition, registration="29A-001", seats=6)
    first = make_delegation(edition, "FR", "Ministère des Armées", liaison_officer=officer)
    second = make_delegation(edition, "IN", "Ministry of Defence", liaison_officer=officer)
    third = make_delegation(edition, "JP", "Ministry of Defense")
    second.interpreters.add(interpreter)
    third.interpreters.add(interpreter)
    _meeting(first, local(edition, 1, 10), vehicle=car)
    _meeting(second, local(edition, 1, 10, 30))  # same officer as first, overlapping
    _meeting(third, local(edition, 1, 10, 45), vehicle=car)  # same interpreter as second, same vehicle as first
    _meeting(first, local(edition, 1, 11), vehicle=car)  # back to back with the first: no clash with itself
    found = {
        (clash.resource, clash.first.delegation.country.code, clash.second.delegation.country.code)
        for clash in find_clashes(edition)
    }
    assert found == {
        ("liaison_officer", "FR", "IN"),  # 10:00 and 10:30
        ("liaison_officer", "IN", "FR"),  # 10:30–11:30 and 11:00
        ("interpreter", "IN", "JP"),  # 10:30 and 10:45
        ("vehicle", "FR", "JP"),  # 10:00 and 10:45
        ("vehicle", "JP", "FR"),  # 10:45–11:45 and 11:00
    }


def test_no_clash_for_back_to_back_or_cancelled(edition):
    officer = LiaisonOfficer.objects.create(name="Vũ Thu Trang")
    first = make_delegation(edition, "FR", "Ministère des Armées", liaison_officer=officer)
    second = make_delegation(edition, "IN", "Ministry of Defence", liaison_officer=officer)
    cancelled = make_delegation(edition, "JP", "Ministry of Defense", liaison_officer=officer, status="cancelled")
    _meeting(first, local(edition, 1, 10))
    _meeting(second, local(edition, 1, 11))
    _meeting(cancelled, local(edition, 1, 10))
    assert find_clashes(edition) == []


def test_same_delegation_booked_twice_is_a_clash(edition):
    delegation = make_delegation(edition)
    _meeting(delegation, local(edition, 2, 9))
    _meeting(delegation, local(edition, 2, 9, 30))
    [clash] = find_clashes(edition)
    assert clash.resource == "delegation"
