"""Protocol printouts: Vietnamese names exactly, protocol order, both languages, masking."""

import io

from django.urls import reverse
from pypdf import PdfReader

from delegations.models import Delegation, Hotel, Movement, RoomAssignment
from tests.factories import local, make_delegation, make_member
from tests.helpers import pdf_text


def _vietnam(edition):
    delegation = make_delegation(edition, "VN", "Bộ Tư lệnh Cảnh sát biển", level="deputy_minister")
    head = make_member(
        delegation,
        "Đỗ",
        "Thị Hương",
        rank="Thiếu tướng",
        position_vi="Phó Tư lệnh",
        position_en="Deputy Commander",
        passport_no="B7654321",
        needs="Dị ứng hải sản",
    )
    delegation.head = head
    delegation.save()
    Movement.objects.create(
        delegation=delegation, kind="arrival", at=local(edition, -1, 14, 30), flight="VN217", airport="Nội Bài T1"
    )
    hotel = Hotel.objects.create(edition=edition, name="Khách sạn Hồ Gươm")
    RoomAssignment.objects.create(
        hotel=hotel, member=head, room="501", check_in=edition.start_date, check_out=edition.end_date
    )
    return delegation


def test_delegation_list_in_protocol_order_in_both_languages(protocol_client, edition):
    _vietnam(edition)
    make_member(make_delegation(edition, "IN", "Ministry of Defence", level="minister"), "Sharma", "Arjun")
    make_delegation(edition, "DE", "Bundesministerium der Verteidigung", level="minister")
    url = reverse("admin:delegations_delegation_print_list")
    vietnamese = pdf_text(protocol_client.get(url + "?lang=vi"))
    assert "Danh sách đoàn" in vietnamese and "Bộ Tư lệnh Cảnh sát biển" in vietnamese
    assert "Thiếu tướng Đỗ Thị Hương" in vietnamese
    # (The footer names the edition, "…Việt Nam 2024": look for the country after Đức.)
    assert vietnamese.index("Ấn Độ") < vietnamese.index("Đức") < vietnamese.index("Việt Nam", vietnamese.index("Đức"))
    english = pdf_text(protocol_client.get(url + "?lang=en"))
    assert "Delegation list" in english
    assert english.index("Germany") < english.index("India") < english.index("Vietnam", english.index("India"))


def test_itinerary_shows_names_exactly_and_masks_without_permission(protocol_client, viewer_client, edition):
    delegation = _vietnam(edition)
    url = reverse("admin:delegations_delegation_itinerary", args=[delegation.pk])
    text = pdf_text(protocol_client.get(url + "?lang=vi"))
    assert "Đỗ Thị Hương" in text and "Khách sạn Hồ Gươm" in text and "VN217" in text
    assert "B7654321" in text and "Dị ứng hải sản" in text
    assert "18/12 14:30" in text  # the venue's local time
    masked = pdf_text(viewer_client.get(url + "?lang=en"))
    assert "Đỗ Thị Hương" in masked and "Deputy Commander" in masked
    assert "B7654321" not in masked and "Dị ứng hải sản" not in masked


def test_arrivals_and_departures_by_day(protocol_client, edition):
    # The airport sheet lists only delegations that are coming.
    Delegation.objects.filter(pk=_vietnam(edition).pk).update(status=Delegation.Status.ACCEPTED)
    text = pdf_text(protocol_client.get(reverse("admin:delegations_delegation_print_movements") + "?lang=en"))
    assert "Arrivals and departures" in text
    assert "18/12/2024" in text and "14:30" in text and "VN217" in text and "Nội Bài T1" in text


def test_name_badges_have_names_and_a_qr_code(protocol_client, edition):
    delegation = _vietnam(edition)
    response = protocol_client.get(reverse("admin:delegations_delegation_badges", args=[delegation.pk]) + "?lang=vi")
    text = pdf_text(response)
    assert "Đỗ Thị Hương" in text and "Phó Tư lệnh" in text and "VIỆT NAM" in text
    assert "B7654321" not in text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert page.get_contents() is not None and b"re" in page.get_contents().get_data()  # QR modules drawn


def test_printouts_without_an_edition_are_not_found(protocol_client, db):
    for name in ("print_list", "print_movements"):
        assert protocol_client.get(reverse(f"admin:delegations_delegation_{name}")).status_code == 404


def test_internal_documents_carry_the_organisers_marking_never_a_secrecy_classification(protocol_client, edition):
    """A "Mật" marking is a state-secret classification with legal duties attached: the software never
    prints it by default; the marking is the organisers' choice, per edition."""
    delegation = _vietnam(edition)
    printouts = [
        reverse("admin:delegations_delegation_print_list"),
        reverse("admin:delegations_delegation_itinerary", args=[delegation.pk]),
    ]
    for url in printouts:
        # (The marking is printed in capitals.)
        vietnamese = pdf_text(protocol_client.get(url + "?lang=vi")).upper()
        assert "TÀI LIỆU NỘI BỘ" in vietnamese
        assert "MẬT" not in vietnamese.split()
        assert "INTERNAL — PROTOCOL USE" in pdf_text(protocol_client.get(url + "?lang=en")).upper()
    edition.internal_marking_vi = "Hạn chế phát tán"
    edition.internal_marking_en = "Limited distribution"
    edition.save()
    for url in printouts:
        assert "HẠN CHẾ PHÁT TÁN" in pdf_text(protocol_client.get(url + "?lang=vi")).upper()
        assert "LIMITED DISTRIBUTION" in pdf_text(protocol_client.get(url + "?lang=en")).upper()
