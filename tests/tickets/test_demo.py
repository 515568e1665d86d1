"""The demo holds a slot-bearing public day, gates, an issued public ticket and a trade
registration to vet, so the registration and the gates can be tried in `make run`."""

from tickets.models import Kind, Registration, Status, TimeSlot, VisitDay


def test_demo_has_public_slots_and_a_trade_registration_to_vet(demo, admin_client):
    assert VisitDay.objects.filter(kind=Kind.PUBLIC).exists()
    assert TimeSlot.objects.filter(day__kind=Kind.PUBLIC).count() >= 3
    to_vet = Registration.objects.get(kind=Kind.TRADE)
    assert (to_vet.status, to_vet.is_foreign) == (Status.TO_CHECK, True)
    page = admin_client.get("/admin/tickets/registration/?status__exact=to_check", headers={"accept-language": "en"})
    assert "Demo Trade Visitor (invented)" in page.content.decode()
