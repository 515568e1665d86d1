"""What the accreditation form asks and promises: it closes when the edition says, checks phone
numbers, asks for consent under Decree 13/2023/NĐ-CP and keeps the data no longer than it says."""

import datetime
import io
import json
import zoneinfo

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import call_command

from press.models import MediaAccreditation, PressContact
from tests.forms import ACCREDITATION_URL, APPLICATIONS_OPEN, accreditation_form

EN_URL = "/en/press/accreditation/"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(*moment):
    return time_machine.travel(datetime.datetime(*moment, tzinfo=HANOI), tick=False)


def test_applications_close_at_the_time_the_edition_sets(client, edition):
    edition.accreditation_closes_at = datetime.datetime(2024, 12, 10, 17, 0, tzinfo=HANOI)
    edition.save()
    with at(2024, 12, 10, 16, 59):
        assert "Hạn nhận hồ sơ: 10/12/2024 17:00 (UTC+7)." in client.get(ACCREDITATION_URL).content.decode()
        assert client.post(ACCREDITATION_URL, accreditation_form()).status_code == 302
    with at(2024, 12, 10, 17, 0):
        page = client.get(ACCREDITATION_URL).content.decode()
        assert "Hạn nhận hồ sơ đăng ký thẻ tác nghiệp tại VIDE 2024 đã kết thúc lúc 10/12/2024 17:00 (UTC+7)." in page
        assert 'name="email"' not in page  # no form to fill in for nothing
        response = client.post(EN_URL, accreditation_form(email="late@example.vn"))
        assert response.status_code == 403
        assert "Applications for media accreditation to VIDE 2024 closed on 10/12/2024 17:00 (UTC+7)." in (
            response.content.decode()
        )
    assert list(MediaAccreditation.objects.values_list("email", flat=True)) == ["nhung@example.vn"]


def test_without_a_set_time_applications_close_when_the_last_day_ends(client, edition):
    with at(2024, 12, 22, 23, 59):
        assert client.post(ACCREDITATION_URL, accreditation_form()).status_code == 302
    with at(2024, 12, 23, 0, 0):
        assert client.post(ACCREDITATION_URL, accreditation_form(email="late@example.vn")).status_code == 403
    assert MediaAccreditation.objects.count() == 1


def test_accreditation_cannot_close_after_the_edition_ends(edition):
    edition.accreditation_closes_at = datetime.datetime(2024, 12, 23, 8, 0, tzinfo=HANOI)
    with pytest.raises(ValidationError) as refused:
        edition.full_clean()
    assert refused.value.message_dict["accreditation_closes_at"] == [
        "Hạn nhận hồ sơ thẻ tác nghiệp phải trước khi kết thúc ngày cuối của kỳ triển lãm."
    ]


@pytest.mark.parametrize(
    "url, message",
    [
        (ACCREDITATION_URL, "Hãy nhập số điện thoại gọi được: kèm mã quốc gia (ví dụ +84 24 3747 0000)"),
        (EN_URL, "Enter a phone number we can call: with its country code (for example +84 24 3747 0000)"),
    ],
)
@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_a_phone_number_nobody_can_call_is_refused_in_the_page_language(client, edition, url, message):
    for phone in ("123", "+84 12", "gọi tôi", "+1 555 0100 9999 9999"):
        response = client.post(url, accreditation_form(phone=phone))
        assert response.status_code == 200 and message in response.content.decode(), phone
    assert not MediaAccreditation.objects.exists()


@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_a_phone_number_is_read_in_the_chosen_country_and_kept_international(client, edition):
    client.post(ACCREDITATION_URL, accreditation_form(country="VN", phone="024 3747 0000"))
    client.post(ACCREDITATION_URL, accreditation_form(country="FR", phone="01 42 68 53 00", email="marie@example.fr"))
    client.post(ACCREDITATION_URL, accreditation_form(country="FR", phone="+84 90 123 4567", email="paul@example.fr"))
    assert list(MediaAccreditation.objects.order_by("pk").values_list("phone", flat=True)) == [
        "+84 24 3747 0000",
        "+33 1 42 68 53 00",
        "+84 901 234 567",
    ]


@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_the_form_states_what_the_consent_covers(client, edition):
    PressContact.objects.create(edition=edition, name="Trần Thu Hà", role_vi="Trưởng ban", email="ha@vide.vn")
    page = client.get(ACCREDITATION_URL).content.decode()
    for words in (
        "Nghị định 13/2023/NĐ-CP",
        "họ và tên, cơ quan báo chí, quốc gia, vai trò, địa chỉ e-mail, số điện thoại, số thẻ nhà báo và ảnh làm thẻ",
        "để xét hồ sơ, làm và trao thẻ",
        "đến ngày 21/06/2025 (sáu tháng sau khi triển lãm kết thúc)",
        'Trần Thu Hà, <a href="mailto:ha@vide.vn">ha@vide.vn</a>',
    ):
        assert words in page
    assert '<input type="checkbox" name="consent" required id="id_consent">' in page  # never ticked for them
    english = client.get(EN_URL).content.decode()
    assert "Decree 13/2023/NĐ-CP" in english and "until 21/06/2025 (six months after the expo ends)" in english


@pytest.mark.parametrize(
    "url, message",
    [
        (ACCREDITATION_URL, "Hãy đánh dấu ô này để cho biết bạn đồng ý"),
        (EN_URL, "Tick this box to give your consent: without it we cannot process your application."),
    ],
)
@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_consent_is_required(client, edition, url, message):
    data = accreditation_form()
    del data["consent"]
    response = client.post(url, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not MediaAccreditation.objects.exists()


@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_consent_is_recorded_with_its_time_for_the_press_office(client, edition, user_in):
    client.post(ACCREDITATION_URL, accreditation_form())
    accreditation = MediaAccreditation.objects.get()
    assert accreditation.consented_at == APPLICATIONS_OPEN
    client.force_login(user_in("Press office"))
    page = client.get(f"/admin/press/mediaaccreditation/{accreditation.pk}/change/").content.decode()
    assert "Thời điểm đồng ý" in page and "02/12/2024 16:30" in page


def test_applications_are_deleted_when_the_promised_period_ends(client, edition):
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):
        client.post(ACCREDITATION_URL, accreditation_form())
    photo = MediaAccreditation.objects.get().photo
    assert photo.storage.exists(photo.name)
    # The application's history is in the audit log, its contact details masked.
    (entry,) = LogEntry.objects.get_for_model(MediaAccreditation)
    assert "Hồng Nhung" in entry.object_repr
    assert "nhung@example.vn" not in json.dumps(entry.changes) and "BC-12345" not in json.dumps(entry.changes)
    with at(2025, 6, 20, 23, 59):
        call_command("delete_expired_applications", stdout=io.StringIO())
    assert MediaAccreditation.objects.count() == 1
    with at(2025, 6, 21, 0, 0):
        out = io.StringIO()
        call_command("delete_expired_applications", stdout=out)
    assert "1 expired applications deleted." in out.getvalue()
    assert not MediaAccreditation.objects.exists() and not photo.storage.exists(photo.name)
    assert not LogEntry.objects.get_for_model(MediaAccreditation).exists()  # its history went with it


@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_the_status_page_shows_the_badge_reference(client, edition):
    location = client.post(EN_URL, accreditation_form())["Location"]
    reference = MediaAccreditation.objects.get().reference
    assert f"Badge reference: <strong>{reference}</strong>" in client.get(location).content.decode()
