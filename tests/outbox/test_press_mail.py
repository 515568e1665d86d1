"""Journalists hear from the press office by e-mail: application received, decision, releases."""

import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import User
from django.utils import timezone

from outbox.models import KindSetting, Message, Unsubscribe
from press import mail, services
from press.models import MediaAccreditation, PressContact, PressRelease
from tests.forms import ACCREDITATION_URL, APPLICATIONS_OPEN, accreditation_form
from tests.helpers import DATABASE_QUEUE, html_of, subject_of, text_of

pytestmark = pytest.mark.django_db


def apply(client, language="vi", **changes):
    url = ACCREDITATION_URL if language == "vi" else "/en/press/accreditation/"
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):
        return client.post(url, accreditation_form(**changes))


def test_confirmation_reaches_the_applicant_in_their_language_with_the_status_link(
    client, edition, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client)
    status_path = response["Location"]
    [received] = smtp.received
    message = received["message"]
    assert received["rcpt_tos"] == ["nhung@example.vn"]
    assert message["To"].addresses[0].display_name == ""  # typed by the applicant: never in mail
    assert subject_of(message) == "VIDE 2024: chúng tôi đã nhận đơn đăng ký thẻ tác nghiệp của bạn"
    assert message["Content-Language"] == "vi"
    text = text_of(message)
    assert "Kính gửi người nộp đơn," in text
    assert f"http://testserver{status_path}" in text
    assert f'<a href="http://testserver{status_path}"' in html_of(message)
    # Nothing the applicant typed (tests/press/test_accreditation_relay.py), nothing private.
    assert "BC-12345" not in message.as_string() and "+84 90" not in message.as_string()
    row = Message.objects.get()
    assert (row.status, row.attempts, row.team) == ("sent", 1, "press")
    assert client.get(status_path).status_code == 200


def test_confirmation_in_english_for_an_english_applicant(client, edition, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        apply(client, "en", name="John Carter", email="john@example.com")
    message = smtp.messages[0]
    assert subject_of(message) == "VIDE 2024: we received your accreditation application"
    assert message["Content-Language"] == "en"
    assert text_of(message).startswith("Dear applicant,")


def _accreditation(edition, **changes):
    fields = {
        "edition": edition,
        "name": "Nguyễn Văn Bình",
        "outlet": "VnExpress",
        "country": "VN",
        "role": "photographer",
        "email": "binh@example.vn",
        "phone": "0900000000",
        "press_card_number": "PC-777",
        "language": "vi",
        "photo": "accreditation/x.jpg",
    }
    fields.update(changes)
    return MediaAccreditation.objects.create(**fields)


def test_approval_tells_where_to_collect_the_badge(edition, smtp, django_capture_on_commit_callbacks):
    PressContact.objects.create(edition=edition, name="Trần Thu Hà", role_vi="Trưởng ban báo chí", email="ha@vide.vn")
    officer = User.objects.create_user("press-officer")
    accreditation = _accreditation(edition)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(accreditation=accreditation, status="approved", by=officer)
    message = smtp.messages[0]
    assert subject_of(message) == "VIDE 2024: thẻ tác nghiệp của bạn đã được duyệt"
    text = text_of(message)
    assert "Sân bay Gia Lâm, Hà Nội, từ 19/12/2024" in text
    assert "thẻ nhà báo" in text and "Trần Thu Hà" in text
    assert "PC-777" not in message.as_string()


def test_refusal_gives_the_reason_in_english(edition, smtp, django_capture_on_commit_callbacks):
    officer = User.objects.create_user("press-officer")
    accreditation = _accreditation(edition, language="en", name="Jane Roe", email="jane@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(
            accreditation=accreditation, status="rejected", reason="The outlet is not a news medium.", by=officer
        )
    message = smtp.messages[0]
    assert subject_of(message) == "VIDE 2024: your accreditation application"
    text = text_of(message)
    assert "was not approved" in text and "The outlet is not a news medium." in text
    assert "Collecting your badge" not in text


def test_press_office_can_hold_decisions_for_review(edition, smtp, django_capture_on_commit_callbacks):
    KindSetting.objects.create(kind=mail.DECISION, review_first=True)
    officer = User.objects.create_user("press-officer")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(accreditation=_accreditation(edition), status="approved", by=officer)
    assert smtp.received == []
    assert Message.objects.get().status == "draft"


def _release(edition, publish_at, slug="opening"):
    return PressRelease.objects.create(
        edition=edition,
        slug=slug,
        title_vi="Khai mạc Triển lãm",
        title_en="The Expo opens",
        body_vi="<p>Sáng nay, triển lãm khai mạc.</p>",
        body_en="<p>This morning the expo opened.</p>",
        publish_at=publish_at,
    )


@time_machine.travel(datetime.datetime(2024, 12, 18, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_release_goes_to_each_accredited_journalist_in_their_language_once_the_embargo_lifts(
    client, edition, smtp, django_capture_on_commit_callbacks
):
    _accreditation(edition, status="approved", decided_at=timezone.now())
    _accreditation(
        edition, name="Jane Roe", email="jane@example.com", language="en", status="approved", decided_at=timezone.now()
    )
    _accreditation(edition, name="Pending Person", email="pending@example.com")
    release = _release(edition, timezone.now() + datetime.timedelta(hours=2))
    assert mail.send_release(release) == 0  # under embargo: nothing
    with time_machine.travel(datetime.datetime(2024, 12, 18, 11, 0, tzinfo=datetime.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert mail.send_release(release) == 2
        with django_capture_on_commit_callbacks(execute=True):
            assert mail.send_release(release) == 0
    by_address = {item["rcpt_tos"][0]: item["message"] for item in smtp.received}
    assert sorted(by_address) == ["binh@example.vn", "jane@example.com"]  # one message each, nobody else
    vi, en = by_address["binh@example.vn"], by_address["jane@example.com"]
    assert subject_of(vi) == "Thông cáo báo chí: Khai mạc Triển lãm" and "Sáng nay, triển lãm khai mạc." in text_of(vi)
    assert subject_of(en) == "Press release: The Expo opens" and "This morning the expo opened." in text_of(en)
    assert "jane@example.com" not in vi.as_string()  # recipients never see each other
    assert len(smtp.received) == 2  # sending again made no duplicate

    # The unsubscribe link works without logging in (GET asks, POST does it; one-click header too).
    link = re.search(r"http://localhost:8000(/en/unsubscribe/\S+/)", text_of(en)).group(1)
    assert en["List-Unsubscribe"].strip() == f"<http://localhost:8000{link}>"
    page = client.get(link)
    assert "j•••@example.com" in page.content.decode() and not Unsubscribe.objects.exists()
    done = client.post(link)
    assert "will receive no more press releases" in done.content.decode()
    assert Unsubscribe.objects.get().email == "jane@example.com"
    assert client.get(link[:-2] + "x/").status_code == 404

    second = _release(edition, timezone.now() - datetime.timedelta(minutes=1), slug="day-two")
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_release(second) == 1
    assert [item["rcpt_tos"] for item in smtp.received[2:]] == [["binh@example.vn"]]


def test_due_releases_command_catches_up_once(edition, smtp, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    _accreditation(edition, status="approved", decided_at=timezone.now())
    _release(edition, timezone.now() - datetime.timedelta(hours=1))
    _release(edition, timezone.now() - datetime.timedelta(days=3), slug="old")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_releases", stdout=io.StringIO())
        call_command("send_due_releases", stdout=io.StringIO())
    assert [subject_of(m) for m in smtp.messages] == ["Thông cáo báo chí: Khai mạc Triển lãm"]


def test_release_mailing_waits_on_the_queue_for_its_embargo(edition, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    release = _release(edition, timezone.now() + datetime.timedelta(hours=5))
    mail.schedule_release(release)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "press.tasks.mail_release" and queued.run_after == release.publish_at


def test_sending_rules_belong_to_the_press_office(edition):
    from django.contrib.auth.models import Group, User
    from django.test import Client

    clients = {}
    for group in ("Press office", "Protocol"):
        user = User.objects.create_user(group, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        clients[group] = Client()
        clients[group].force_login(user)
    page = clients["Press office"].get("/admin/outbox/kindsetting/add/").content.decode()
    assert "press.release" in page and "delegations.invitation" not in page  # delegations: always reviewed
    assert clients["Protocol"].get("/admin/outbox/kindsetting/").status_code == 403


@time_machine.travel(datetime.datetime(2024, 12, 19, 3, 0, tzinfo=datetime.UTC), tick=False)
def test_release_mail_reads_as_text_with_a_plain_subject(edition, smtp, django_capture_on_commit_callbacks):
    _accreditation(edition, status="approved", decided_at=timezone.now())
    release = PressRelease.objects.create(
        edition=edition,
        slug="khai-mac",
        title_vi="Ra mắt <UAV> 'Hổ mang' & \"Rắn\"",
        title_en="Launch",
        body_vi=(
            "<p>Sáng&nbsp;nay, đoàn tham quan khu trưng bày.</p><h2>Bốn lĩnh vực</h2>"
            "<ul><li><p>Phòng không – Không quân</p></li><li><p>Hải quân</p></li></ul>"
            "<table><tr><th>Giờ</th><th>Hoạt động</th></tr><tr><td>09:00</td><td>Khai mạc</td></tr></table>"
        ),
        body_en="<p>This morning.</p>",
        publish_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_release(release) == 1
    message = smtp.messages[0]
    assert subject_of(message) == "Thông cáo báo chí: Ra mắt <UAV> 'Hổ mang' & \"Rắn\""
    text = text_of(message).replace("\r\n", "\n")
    assert (
        "Sáng nay, đoàn tham quan khu trưng bày.\n\nBốn lĩnh vực\n\n– Phòng không – Không quân\n– Hải quân\n\n"
        "Giờ | Hoạt động\n09:00 | Khai mạc\n"
    ) in text
    assert "&nbsp;" not in text
