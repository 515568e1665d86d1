from delegations.clashes import find_clashes, over_capacity
from delegations.models import Delegation, Engagement, Hotel, Member, Movement, RoomAssignment, Vehicle
from expo.models import Edition


def test_demo_has_every_status_members_movements_and_one_clash(demo):
    edition = Edition.objects.current()
    assert set(Delegation.objects.values_list("status", flat=True)) == set(Delegation.Status.values)
    assert Delegation.objects.count() == 20
    assert Member.objects.count() == 40 and Movement.objects.count() == 40
    # The delegations' own 22 engagements; the meetings demo adds its meetings' entries.
    assert Engagement.objects.filter(meetings__isnull=True).count() == 22
    [clash] = find_clashes(edition)
    assert clash.resource == "liaison_officer"
    assert {clash.first.delegation.country.code, clash.second.delegation.country.code} == {"VN", "IN"}
    assert Delegation.objects.get(country="VN", organisation_vi="Bộ Quốc phòng").head.full_name == "Trần Minh Quang"
    # Logistics: hotels with rooms, a vehicle pool booked without clashes, one car too small.
    assert Hotel.objects.count() == 2 and Vehicle.objects.count() == 4
    assert (
        RoomAssignment.objects.count()
        == Member.objects.filter(delegation__status__in=["accepted", "arrived", "departed"]).count()
    )
    assert Movement.objects.filter(vehicle__isnull=False).exists()
    [warning] = over_capacity(edition)
    assert warning.vehicle.registration == "29A-DEMO4"
