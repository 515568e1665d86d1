"""Printouts a protocol office hands out: who is listed, every page's footer, rows kept whole."""

import datetime
import re
import subprocess

import time_machine
from django.urls import reverse

from delegations.models import Delegation, Member, Movement
from tests.factories import local, make_delegation, make_member
from tests.helpers import pdf_page_texts, pdf_text

NOW = datetime.datetime(2024, 12, 17, 2, 5, tzinfo=datetime.UTC)  # 09:05 in Hanoi


def _coming(edition, count):
    """`count` accepted delegations arriving on the first day, with long organisation names."""
    delegations = []
    for n in range(count):
        delegation = make_delegation(
            edition,
            country=["FR", "DE", "IN", "JP", "KR"][n % 5],
            organisation=f"Đoàn đại biểu Bộ Quốc phòng số {n:02d} — Cục Đối ngoại và Hợp tác quốc tế",
            status=Delegation.Status.ACCEPTED,
        )
        for m in range(3):
            make_member(delegation, family_name="Nguyễn", given_name=f"Văn {n}-{m}")
        Movement.objects.create(
            delegation=delegation, kind="arrival", at=local(edition, -1, 6 + n % 12), flight=f"QH{n:03d}"
        )
        delegations.append(delegation)
    return delegations


@time_machine.travel(NOW, tick=False)
def test_airport_sheet_lists_only_delegations_that_are_coming(protocol_client, edition):
    coming = make_delegation(edition, "FR", "Ministère des Armées", status=Delegation.Status.ACCEPTED)
    for given in ("Marie", "Paul"):
        make_member(coming, family_name="Dupont", given_name=given)
    Movement.objects.create(delegation=coming, kind="arrival", at=local(edition, -1, 9), flight="AF100")
    for status, flight in ((Delegation.Status.DECLINED, "XX1"), (Delegation.Status.CANCELLED, "XX2")):
        gone = make_delegation(edition, "DE", f"Bundeswehr {status}", status=status)
        Movement.objects.create(
            delegation=gone, kind="arrival", at=local(edition, -1, 10), flight=flight, pickup_arranged=True
        )
    text = pdf_text(protocol_client.get(reverse("admin:delegations_delegation_print_movements") + "?lang=vi"))
    assert "AF100" in text and "XX1" not in text and "XX2" not in text
    assert "Trạng thái" in text and "Số người" in text
    assert "Pháp · Ministère des Armées Đã nhận lời Cả đoàn 2" in text
    assert "In lúc 17/12/2024 09:05 (UTC+7)" in text and "Giờ địa phương (UTC+7)" in text


@time_machine.travel(NOW, tick=False)
def test_long_printouts_repeat_headers_keep_rows_whole_and_number_pages(protocol_client, edition):
    delegations = _coming(edition, 45)
    for name, header in (("print_movements", "Chuyến bay"), ("print_list", "Cơ quan")):
        texts = pdf_page_texts(protocol_client.get(reverse(f"admin:delegations_delegation_{name}") + "?lang=vi"))
        assert len(texts) > 1, name
        for number, text in enumerate(texts, start=1):
            assert header in text, (name, number)  # the table's header on every page
            assert f"Trang {number}/{len(texts)}" in text, (name, number)
            assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024 · In lúc 17/12/2024 09:05 (UTC+7)" in text
        for n, delegation in enumerate(delegations):
            # A row is on one page: its organisation and its flight (or its number) together.
            page = next(t for t in texts if f"số {n:02d}" in t)
            if name == "print_movements":
                assert f"QH{n:03d}" in page, (name, n)
            assert "Cục Đối ngoại và Hợp tác quốc tế" in page
            assert delegation.pk


def test_badge_qr_codes_are_standard_and_decode_at_print_resolution(protocol_client, edition, tmp_path):
    delegation = make_delegation(edition, "VN", "Bộ Tư lệnh Cảnh sát biển", status=Delegation.Status.ACCEPTED)
    members = [make_member(delegation, family_name="Đỗ", given_name=f"Thị Hương {n}") for n in range(3)]
    response = protocol_client.get(reverse("admin:delegations_delegation_badges", args=[delegation.pk]) + "?lang=vi")
    text = pdf_text(response)
    assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024 19/12/2024 – 22/12/2024" in text
    (tmp_path / "badges.pdf").write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(tmp_path / "badges.pdf"), str(tmp_path / "p")], check=True)
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", *sorted(str(p) for p in tmp_path.glob("p*.png"))],
        capture_output=True,
        text=True,
        check=False,  # 4: a card's front page has no code
    ).stdout.split()
    # Signed tokens carrying each member's badge code (tests/delegations/test_badges.py checks the signature).
    assert sorted(token.split(".")[1] for token in decoded) == sorted(member.badge_code for member in members)
    assert Member.objects.count() == 3


@time_machine.travel(NOW, tick=False)
def test_every_back_office_printout_has_the_one_header_and_footer(protocol_client, edition, protocol_user):
    from delegations.models import Hotel, LiaisonOfficer, RoomAssignment, Vehicle
    from meetings.models import Meeting, MeetingPlace, MeetingRequest

    officer = LiaisonOfficer.objects.create(name="Vũ Thu Trang", rank="Thượng tá")
    delegation = make_delegation(
        edition, "FR", "Ministère des Armées", status=Delegation.Status.ACCEPTED, liaison_officer=officer
    )
    head = make_member(delegation, family_name="Dupont", given_name="Marie", role="head", rank="Đại tướng")
    Delegation.objects.filter(pk=delegation.pk).update(head=head)
    vehicle = Vehicle.objects.create(
        edition=edition, registration="29A-123.45", seats=7, driver_name="Trần Văn Bình", driver_phone="0912 345 678"
    )
    Movement.objects.create(
        delegation=delegation, kind="arrival", at=local(edition, -1, 9), flight="AF198", vehicle=vehicle
    )
    hotel = Hotel.objects.create(edition=edition, name="Khách sạn Hồ Gươm")
    RoomAssignment.objects.create(
        hotel=hotel,
        member=head,
        room="512",
        check_in=datetime.date(2024, 12, 17),
        check_out=datetime.date(2024, 12, 23),
    )
    room = MeetingPlace.objects.create(edition=edition, name_vi="Phòng họp 1", name_en="Room 1")
    korea = make_delegation(edition, "KR", "Ministry of National Defense", status=Delegation.Status.ACCEPTED)
    open_request = MeetingRequest.objects.create(
        edition=edition, delegation=delegation, counterpart_delegation=korea, subject="Hợp tác huấn luyện"
    )
    secret = MeetingRequest.objects.create(
        edition=edition,
        delegation=korea,
        counterpart_delegation=delegation,
        subject="Mua sắm tàu ngầm",
        restricted=True,
    )
    for n, request in enumerate((open_request, secret)):
        Meeting.objects.create(
            request=request, place=room, start=local(edition, 0, 9 + n), end=local(edition, 0, 9 + n, 30)
        )
    printouts = {
        "list": reverse("admin:delegations_delegation_print_list"),
        "airport": reverse("admin:delegations_delegation_print_movements"),
        "itinerary": reverse("admin:delegations_delegation_itinerary", args=[delegation.pk]),
        "rooming": reverse("admin:delegations_hotel_rooming_list", args=[hotel.pk]),
        "run sheet": reverse("admin:delegations_liaisonofficer_run_sheet", args=[officer.pk])
        + "?day=2024-12-18&lang=vi",
        "meetings": f"/admin/meetings/meeting/place/{room.pk}/schedule.pdf",
        "badges' cover sheet": reverse("admin:delegations_delegation_badges", args=[delegation.pk]),
    }
    texts = {}
    for name, url in printouts.items():
        texts[name] = pdf_page_texts(protocol_client.get(url if "?" in url else f"{url}?lang=vi"))[0]
        text = texts[name]
        # The marking, then the edition, first; the footer: edition, local print time, page x/y.
        assert text.startswith("TÀI LIỆU NỘI BỘ Triển lãm Quốc phòng quốc tế Việt Nam 2024 · In lúc"), (
            name,
            text[:120],
        )
        assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024 · In lúc 17/12/2024 09:05 (UTC+7)" in text, name
        assert re.search(r"Trang 1/\d+$", text), (name, text[-60:])
    # The airport sheet: vehicle, driver and head of delegation, under the ministry's column names.
    airport = texts["airport"]
    for column in ("Xe", "Lái xe", "Thành phần"):
        assert column in airport
    assert "29A-123.45" in airport and "Trần Văn Bình" in airport and "Trưởng đoàn: Đại tướng Marie Dupont" in airport
    assert " Ai " not in airport
    # The meeting schedule: a subject only for whoever may read it.
    assert "Lịch gặp · Phòng họp 1" in texts["meetings"]
    assert "Hợp tác huấn luyện" in texts["meetings"] and "Mua sắm tàu ngầm" not in texts["meetings"]
    assert "Hạn chế" in texts["meetings"]
    assert protocol_user.is_superuser is False
    assert "Thẻ đeo · Bảng kê 1 thẻ" in texts["badges' cover sheet"]
