"""One fact, one place: a member's hotel, room and car, and the head of delegation, read the same
on the delegation's page, the rooming list, the itinerary, the run sheet and the airport sheet."""

import io
import re
import unicodedata

from django.urls import reverse
from pypdf import PdfReader

from delegations import services
from delegations.models import Delegation, Hotel, LiaisonOfficer, Member, Movement, RoomAssignment, Vehicle
from tests.factories import local, make_delegation, make_member

HOTEL = "Khách sạn Hồ Gươm"


def _text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)).split())


def _scene(edition):
    officer = LiaisonOfficer.objects.create(name="Trần Văn Bình", rank="Thượng tá")
    delegation = make_delegation(
        edition, "FR", "Ministère des Armées", status=Delegation.Status.ACCEPTED, liaison_officer=officer
    )
    marie = make_member(delegation, "Dupont", "Marie", role=Member.Role.HEAD)
    paul = make_member(delegation, "Martin", "Paul")
    services.sync_heads(delegations=[delegation])
    hotel = Hotel.objects.create(edition=edition, name=HOTEL)
    for member, room in ((marie, "501"), (paul, "502")):
        RoomAssignment.objects.create(
            hotel=hotel, member=member, room=room, check_in=edition.start_date, check_out=edition.end_date
        )
    car = Vehicle.objects.create(edition=edition, registration="29A-001", seats=6, driver_name="Phạm Văn Hùng")
    bus = Vehicle.objects.create(edition=edition, registration="29B-002", seats=15)
    # The delegation lands together with the car; Paul comes later on his own, met by the bus.
    Movement.objects.create(
        delegation=delegation, kind="arrival", at=local(edition, -1, 9), flight="AF100", vehicle=car
    )
    Movement.objects.create(
        delegation=delegation, member=paul, kind="arrival", at=local(edition, -1, 15), flight="AF200", vehicle=bus
    )
    return officer, delegation


def test_hotel_room_car_and_head_agree_on_the_page_and_every_printout(protocol_client, edition):
    officer, delegation = _scene(edition)
    english = {"accept-language": "en"}
    page = protocol_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk]), headers=english
    ).content.decode()
    assert f"<tr><td>Marie Dupont</td><td>{HOTEL}, 501</td><td>29A-001</td></tr>" in page
    assert f"<tr><td>Paul Martin</td><td>{HOTEL}, 502</td><td>29B-002</td></tr>" in page

    hotel = Hotel.objects.get()
    rooming = _text(protocol_client.get(reverse("admin:delegations_hotel_rooming_list", args=[hotel.pk]) + "?lang=en"))
    assert "501 Marie Dupont (Head of delegation)" in rooming and "502 Paul Martin" in rooming

    itinerary = _text(
        protocol_client.get(reverse("admin:delegations_delegation_itinerary", args=[delegation.pk]) + "?lang=en")
    )
    assert "Head of delegation: Marie Dupont" in itinerary
    assert f"Hotel: {HOTEL} · Vehicle: 29A-001, 29B-002" in itinerary
    members = itinerary[itinerary.index("Members") :]
    assert members.index("Marie Dupont") < members.index(f"{HOTEL}, 501") < members.index("29A-001")
    assert members.index("Paul Martin") < members.index(f"{HOTEL}, 502") < members.index("29B-002")

    day = local(edition, -1, 0).date().isoformat()
    run_sheet = _text(
        protocol_client.get(
            reverse("admin:delegations_liaisonofficer_run_sheet", args=[officer.pk])
            + f"?day={day}&edition={edition.pk}&lang=en"
        )
    )
    airport = _text(
        protocol_client.get(reverse("admin:delegations_delegation_print_movements") + f"?edition={edition.pk}&lang=en")
    )
    for sheet in (run_sheet, airport):
        assert "Head of delegation: Marie Dupont" in sheet
        first, second = sheet.index("AF100"), sheet.index("AF200")
        together, apart = sheet[first:second], sheet[second:]
        assert HOTEL in together and "29A-001" in together and "29B-002" not in together
        assert f"{HOTEL}, 502" in apart and "29B-002" in apart
        assert "501" not in sheet  # the whole delegation's row names the hotel, not one member's room

    listed = _text(
        protocol_client.get(reverse("admin:delegations_delegation_print_list") + f"?edition={edition.pk}&lang=en")
    )
    badges = _text(protocol_client.get(reverse("admin:delegations_delegation_badges", args=[delegation.pk])))
    assert "Marie Dupont" in listed and "Marie Dupont" in badges


def test_new_delegation_page_has_no_hotel_or_vehicle_to_type(protocol_client, edition):
    html = protocol_client.get(reverse("admin:delegations_delegation_add"), headers={"accept-language": "en"})
    assert html.status_code == 200
    page = html.content.decode()
    assert "Hotel, room and vehicle" in page
    assert not re.search(r'\sname="(hotel|vehicle)"', page)  # no field of the delegation's own to type them in
