"""The outbox itself: delivery once, retries, what each team sees, and nothing private in logs."""

import logging

import pytest
from django.contrib.auth.models import User
from django.test import Client

from outbox import services
from outbox.models import Message
from outbox.tasks import deliver_message
from tests.factories import OUTBOX_TEXT, make_message, staff
from tests.helpers import DATABASE_QUEUE, run_queued_tasks, subject_of, text_of

pytestmark = pytest.mark.django_db


def test_failed_delivery_keeps_its_error_and_a_retry_sends_exactly_once(smtp, caplog):
    message = make_message()
    smtp.fail_next = 1
    caplog.set_level(logging.DEBUG)
    assert deliver_message.call(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == "failed" and message.attempts == 1
    assert "451" in message.last_error and "Try again later" in message.last_error
    assert smtp.received == []

    assert deliver_message.call(message.pk) == "sent"
    assert deliver_message.call(message.pk) == "skipped"  # a duplicate task, a double click…
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == ("sent", 2, "")
    assert len(smtp.received) == 1
    email = smtp.messages[0]
    assert subject_of(email) == "Thư mời tham dự VIDE 2024" and text_of(email).replace("\r\n", "\n") == OUTBOX_TEXT
    assert email["Message-ID"].endswith("@vide.example.vn>")

    # The log says what happened to which row, never to whom or what.
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))  # aiosmtpd's own
    assert "failed on attempt 1" in logged and f"message {message.pk} sent" in logged
    for private in ("binh@qk7.vn", "Nguyễn", "Lịch trình", "Thư mời"):
        assert private not in logged


def test_send_again_from_the_admin_after_a_failure(smtp, django_capture_on_commit_callbacks):
    _, client = staff("Protocol")
    message = make_message()
    smtp.fail_next = 1
    deliver_message.call(message.pk)
    view = client.get(f"/admin/outbox/message/{message.pk}/view/").content.decode()
    assert "451" in view  # the failure is visible with its error
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/outbox/message/", {"action": "send_again", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.status == "sent" and len(smtp.received) == 1


def test_each_team_sees_only_its_own_messages():
    protocol_message = make_message("p1")
    press_message = make_message(
        "r1", kind="press.accreditation_decision", to="nhung@example.vn", subject="Thẻ tác nghiệp"
    )
    _, protocol = staff("Protocol")
    _, press = staff("Press office")
    _, editor = staff("Content editors")

    page = protocol.get("/admin/outbox/message/").content.decode()
    assert "binh@qk7.vn" in page and "nhung@example.vn" not in page
    assert protocol.get(f"/admin/outbox/message/{press_message.pk}/change/").status_code == 302  # "does not exist"
    assert protocol.get(f"/admin/outbox/message/{press_message.pk}/view/").status_code == 404
    assert protocol.get("/admin/outbox/message/?q=nhung").content.decode().count("nhung@example.vn") == 0

    page = press.get("/admin/outbox/message/").content.decode()
    assert "nhung@example.vn" in page and "binh@qk7.vn" not in page
    assert press.get(f"/admin/outbox/message/{protocol_message.pk}/view/").status_code == 404

    assert editor.get("/admin/outbox/message/").status_code == 403
    assert editor.get(f"/admin/outbox/message/{protocol_message.pk}/view/").status_code == 403


def test_messages_are_not_deleted_nor_made_by_hand():
    _, protocol = staff("Protocol")
    message = make_message()
    assert protocol.get("/admin/outbox/message/add/").status_code == 403
    assert protocol.post(f"/admin/outbox/message/{message.pk}/delete/").status_code == 403
    assert Message.objects.filter(pk=message.pk).exists()


def test_editing_an_approved_message_sends_it_back_for_approval():
    approver, _ = staff("Protocol", "minh")
    other, _ = staff("Protocol", "lan")
    message = make_message(status="draft", drafted_by=other)
    services.approve(message=message, user=approver, digest=message.content_digest())
    services.edit(message=message, user=other, subject="Thư mời (sửa)", text=OUTBOX_TEXT, html="")
    message.refresh_from_db()
    assert (message.status, message.approved_by) == ("draft", None)


@pytest.mark.parametrize("rows", [1, 30])
def test_outbox_changelist_query_count(rows, django_assert_num_queries):
    user, client = staff("Protocol")
    for number in range(rows):
        make_message(f"k{number}", drafted_by=user, approved_by=user)
    client.get("/admin/outbox/message/")  # warm the session and permission caches
    # session, user, user and group permissions, count filtered and in all, the page of rows,
    # and the date bar's range and days.
    with django_assert_num_queries(9):
        response = client.get("/admin/outbox/message/")
    assert response.content.decode().count('<td class="field-to_email">binh@qk7.vn</td>') == rows


def test_a_bounce_reported_by_the_provider_shows_on_the_message():
    from anymail.signals import AnymailTrackingEvent, tracking

    message = make_message(status="sent", sent_at="2024-12-18T09:00:00+07:00", provider_id="esp-42")
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type="bounced", message_id="esp-42", description="Mailbox unavailable"),
        esp_name="Mailgun",
    )
    message.refresh_from_db()
    assert (message.status, message.last_error) == ("failed", "bounced: Mailbox unavailable")


def test_on_the_database_queue_approval_only_queues_and_a_failure_retries_with_backoff(
    smtp, settings, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime

    import time_machine
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    approver, _ = staff("Protocol", "minh")
    message = make_message(status="draft")
    start = datetime.datetime(2024, 12, 18, 2, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.approve(message=message, user=approver, digest=message.content_digest())
        assert smtp.received == [] and DBTaskResult.objects.count() == 1  # queued, not sent in the request
        smtp.fail_next = 1
        run_queued_tasks(monkeypatch)
        message.refresh_from_db()
        assert message.status == "failed" and smtp.received == []
        retry = DBTaskResult.objects.filter(status="READY").get()
        assert retry.run_after == start + datetime.timedelta(minutes=2)
    with time_machine.travel(start + datetime.timedelta(minutes=3), tick=False):
        run_queued_tasks(monkeypatch)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 2) and len(smtp.received) == 1


def test_delegates_addresses_are_masked_for_staff_without_the_sensitive_data_permission():
    from django.contrib.auth.models import Permission

    message = make_message()
    user = User.objects.create_user("outbox-only", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="outbox", codename__in=["view_message", "change_message", "protocol_messages"]
        )
    )
    client = Client()
    client.force_login(user)
    pages = [
        client.get("/admin/outbox/message/").content.decode(),
        client.get(f"/admin/outbox/message/{message.pk}/change/").content.decode(),
        client.get(f"/admin/outbox/message/{message.pk}/view/").content.decode(),
    ]
    for page in pages:
        assert "b•••@qk7.vn" in page and "binh@qk7.vn" not in page
    # Nor can the address be guessed through the search box.
    assert "b•••@qk7.vn" not in client.get("/admin/outbox/message/?q=binh@qk7.vn").content.decode()
