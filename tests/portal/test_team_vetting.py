"""The organisers vet stand staff and print their badges; the badges scan at the gates like a
ticket (once a day, refused once the member is refused); the ID number is masked and audited
like a delegation member's passport number."""

import datetime
import json
import uuid

import pytest
import time_machine
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from model_bakery import baker

from common.sensitive import MASK
from portal import team_services
from portal.models import StandStaff
from tests.accounts import make_contact
from tests.factories import make_exhibitor, make_stand_staff, staff
from tests.helpers import decoded_qr_codes, pdf_text, subject_of, text_of

pytestmark = pytest.mark.django_db
OPENING = datetime.datetime(2024, 12, 19, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
CHANGELIST = "/en/admin/portal/standstaff/".removeprefix("/en")


@pytest.fixture(autouse=True)
def _signing_key(settings, tmp_path):
    settings.EXPO_SITE_URL = ""
    settings.EXPO_TICKET_SIGNING_KEY_FILE = tmp_path / "ticket-signing.key"


@pytest.fixture
def viettel(edition):
    hall = baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", kind="hall", name_en="Hall A", order=1)
    return make_exhibitor("viettel", "Viettel", "VN", stand=(hall, "A-12"), edition=edition)


@pytest.fixture
def security(db):
    return staff("Security")


@pytest.fixture
def gate(db):
    from django.contrib.auth.models import Group

    user = baker.make(User, username="gate1", is_staff=False)
    user.groups.add(Group.objects.get(name="Gate"))
    client = Client()
    client.force_login(user)
    return client


def scan(client, token, gate="G1"):
    entry = {"client_id": str(uuid.uuid4()), "token": token, "scanned_at": timezone.now().isoformat()}
    response = client.post("/en/checkin/scans/", json.dumps({"gate": gate, "scans": [entry]}), "application/json")
    assert response.status_code == 200, response.content
    return response.json()["results"][0]


@pytest.fixture
def clock():
    """The opening morning of the show."""
    with time_machine.travel(OPENING, tick=False) as traveller:
        yield traveller


def test_security_approves_prints_and_the_badge_scans_at_the_gates(clock, security, viettel, edition, show, gate):
    user, admin = security
    member = make_stand_staff(viettel, edition, name="Phạm Văn Kỹ Thuật", role="Kỹ sư", id_number="B7654321")
    response = admin.post(CHANGELIST, {"action": "approve", "_selected_action": [member.pk]})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.status, member.decided_by) == ("approved", user)

    pdf = admin.get(f"/admin/portal/standstaff/{member.pk}/badge.pdf", headers={"accept-language": "en"})
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert (
        "Phạm Văn Kỹ Thuật" in text
        and "Viettel · Stand A · A-12" in text
        and "STAND STAFF" in text
        and member.pass_id in text
    )
    assert "B7654321" not in text
    [token] = decoded_qr_codes(pdf.content)
    assert token.startswith(f"staff.{member.pass_id}.")

    admitted = scan(gate, token)
    assert (admitted["result"], admitted["name"], admitted["kind"]) == (
        "admitted",
        "Phạm Văn Kỹ Thuật",
        "Stand staff",
    )
    assert admitted["organisation"] == "Viettel" and "B7654321" not in json.dumps(admitted)
    assert admitted["photo"] == f"/en/checkin/photo/staff/{member.pass_id}/"  # test_gate_staff_see_the_photo
    again = scan(gate, token, gate="G2")
    assert (again["result"], again["label"]) == ("already_used", "Already used today")

    bundle = gate.get("/en/checkin/bundle.json").json()
    assert bundle["valid"][member.pass_id] == {
        "kind": "staff",
        "name": "Phạm Văn Kỹ Thuật",
        "organisation": "Viettel",
    }
    assert "staff" in bundle["listed_kinds"] and bundle["kind_labels"]["staff"] == "Stand staff"
    assert "B7654321" not in json.dumps(bundle)
    found = gate.get("/en/checkin/lookup/", {"q": "pham van"}).json()["found"]
    assert [(row["name"], row["token"]) for row in found] == [("Phạm Văn Kỹ Thuật", token)]

    response = admin.post(
        CHANGELIST, {"action": "refuse", "_selected_action": [member.pk], "reason": "Không đạt kiểm tra an ninh."}
    )
    assert response.status_code == 302
    clock.shift(datetime.timedelta(days=1))
    assert scan(gate, token)["result"] == "revoked"
    bundle = gate.get("/en/checkin/bundle.json").json()
    assert member.pass_id in bundle["revoked"] and member.pass_id not in bundle["valid"]


def test_gate_staff_see_the_photo_of_approved_members_only(viettel, edition, gate, client):
    approved = make_stand_staff(viettel, edition, status="approved")
    waiting = make_stand_staff(viettel, edition)
    photo = gate.get(f"/en/checkin/photo/staff/{approved.pass_id}/")
    assert photo["Content-Type"] == "image/jpeg" and "no-store" in photo["Cache-Control"]
    assert b"".join(photo.streaming_content)[:2] == b"\xff\xd8"
    assert gate.get(f"/en/checkin/photo/staff/{waiting.pass_id}/").status_code == 404
    assert gate.get(f"/en/checkin/photo/nothing/{approved.pass_id}/").status_code == 404
    assert client.get(f"/en/checkin/photo/staff/{approved.pass_id}/").status_code == 302  # to the sign-in


def test_a_member_to_vet_is_not_a_pass(viettel, edition, show, gate):
    from portal import team_badges

    member = make_stand_staff(viettel, edition)
    with time_machine.travel(OPENING, tick=False):
        assert scan(gate, team_badges.token(member))["result"] == "revoked"
        assert member.pass_id not in gate.get("/en/checkin/bundle.json").json()["valid"]


def test_refusing_in_bulk_asks_for_the_reason(security, viettel, edition):
    _, admin = security
    members = [make_stand_staff(viettel, edition, name=name) for name in ("Một", "Hai")]
    ids = [m.pk for m in members]
    page = admin.post(CHANGELIST, {"action": "refuse", "_selected_action": ids}, headers={"accept-language": "en"})
    assert page.status_code == 200 and "The reason is shown to the exhibitor in the portal." in page.content.decode()
    assert set(StandStaff.objects.values_list("status", flat=True)) == {"to_vet"}
    admin.post(CHANGELIST, {"action": "refuse", "_selected_action": ids, "reason": "Ảnh không rõ mặt."})
    assert set(StandStaff.objects.values_list("status", "reason")) == {("refused", "Ảnh không rõ mặt.")}
    with pytest.raises(ValidationError) as refused:
        team_services.decide(members=members, status="refused", reason=" ", by=None)
    assert refused.value.code == "reason"


def test_each_exhibitor_is_told_of_its_refused_members_in_its_contacts_language(
    security, viettel, edition, smtp, django_capture_on_commit_callbacks
):
    redwood = make_exhibitor("redwood", "Redwood Aerospace", "US", edition=edition)
    make_contact(viettel, "lan@viettel.example.vn", name="Nguyễn Thị Lan", is_main=True, language="vi")
    make_contact(redwood, "kate@redwood.example.com", name="Kate Moss", is_main=True, language="en")
    ours = [make_stand_staff(viettel, edition, name=name) for name in ("Lê Văn Một", "Phạm Thị Hai")]
    theirs = make_stand_staff(redwood, edition, name="John Third")
    approved = make_stand_staff(viettel, edition, name="Đỗ Văn Duyệt")
    _, admin = security
    ids = [m.pk for m in (*ours, theirs)]
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(CHANGELIST, {"action": "approve", "_selected_action": [approved.pk]})
        admin.post(CHANGELIST, {"action": "refuse", "_selected_action": ids, "reason": "Ảnh không rõ mặt."})
    mails = {mail["To"].addresses[0].addr_spec: mail for mail in smtp.messages}
    assert set(mails) == {"lan@viettel.example.vn", "kate@redwood.example.com"}  # nothing for an approval
    vi, en = mails["lan@viettel.example.vn"], mails["kate@redwood.example.com"]
    assert subject_of(vi) == "VIDE 2024: 2 nhân sự gian hàng không được duyệt"
    assert subject_of(en) == "VIDE 2024: a member of your stand team was refused"
    assert "Lê Văn Một" in text_of(vi) and "Phạm Thị Hai" in text_of(vi) and "Ảnh không rõ mặt." in text_of(vi)
    assert "John Third" in text_of(en) and "Ảnh không rõ mặt." in text_of(en)
    # Only its own people, never an ID number or the approved member.
    assert "John Third" not in text_of(vi) and "Lê Văn Một" not in text_of(en)
    assert "Đỗ Văn Duyệt" not in text_of(vi)
    for member in (*ours, theirs):
        assert member.id_number not in text_of(vi) + text_of(en)
    assert "/vi/exhibitor/team/" in text_of(vi) and "/en/exhibitor/team/" in text_of(en)


def test_staff_without_the_permission_see_the_id_number_masked(viettel, edition):
    member = make_stand_staff(viettel, edition, id_number="ZX9988776")
    user = User.objects.create_user("viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_standstaff"))
    client = Client()
    client.force_login(user)
    listing = client.get(CHANGELIST, headers={"accept-language": "en"}).content.decode()
    assert member.name in listing and "ZX9988776" not in listing and MASK in listing
    form = client.get(f"/admin/portal/standstaff/{member.pk}/change/").content.decode()
    assert "ZX9988776" not in form and MASK in form
    assert client.get(f"/admin/portal/standstaff/{member.pk}/photo/").status_code == 403
    assert client.get(f"/admin/portal/standstaff/{member.pk}/badge.pdf").status_code == 403
    assert client.get(CHANGELIST, {"id_number__startswith": "ZX"}).status_code == 400
    # The Security group sees it, to vet.
    _, security = staff("Security")
    assert "ZX9988776" in security.get(CHANGELIST).content.decode()


def test_every_change_is_audited_with_the_id_number_masked(viettel, edition):
    member = make_stand_staff(viettel, edition, id_number="ZX9988776")
    member.id_number = "ZX1111111"
    member.save()
    team_services.decide(members=[member], status="approved", by=None)
    entries = LogEntry.objects.get_for_object(member).order_by("pk")
    assert entries.count() == 3
    recorded = json.dumps([entry.changes for entry in entries], ensure_ascii=False)
    assert "ZX9988776" not in recorded and "ZX1111111" not in recorded and MASK in recorded
    assert "approved" in recorded and "photo" not in json.dumps([entry.changes for entry in entries])


@pytest.mark.parametrize("rows", [1, 15])
def test_the_changelist_reads_a_fixed_number_of_queries(security, viettel, edition, rows, django_assert_num_queries):
    _, admin = security
    for n in range(rows):
        make_stand_staff(viettel, edition, name=f"Người {n}", status="approved" if n % 2 else "to_vet")
    # +1: the session's TOTP device, read by django-otp for staff who approve (common/second_factor.py).
    with django_assert_num_queries(10):
        response = admin.get(CHANGELIST)
    assert response.content.decode().count('class="action-select"') == rows
