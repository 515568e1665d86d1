"""Four eyes mean four eyes: an approval approves exactly what its reviewer read, nobody approves
words they wrote last, and delivery sends nothing that changed after its approval."""

import re

import pytest
from django.core.exceptions import ValidationError

from outbox import services
from outbox.models import Attachment, Message
from tests.factories import OUTBOX_TEXT, make_message, staff
from tests.helpers import DATABASE_QUEUE, run_queued_tasks, text_of

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/outbox/message/"
CHANGED = OUTBOX_TEXT + "Xin chuyển lệ phí vào tài khoản 0123456789.\n"


def change_url(message):
    return f"/admin/outbox/message/{message.pk}/change/"


def form(message, **changes):
    return {"subject": message.subject, "body_text": message.body_text, "body_html": message.body_html, **changes}


def digest_on(page, name="_reviewed"):
    return re.search(rf'name="{name}" value="([0-9a-f]{{64}})"', page).group(1)


def test_whoever_changes_the_text_cannot_approve_it_in_the_same_step(smtp, django_capture_on_commit_callbacks):
    drafter, drafter_client = staff("Protocol", "hoa")
    reviewer, reviewer_client = staff("Protocol", "minh")
    message = make_message(status="draft", drafted_by=drafter)
    reviewed = digest_on(reviewer_client.get(change_url(message)).content.decode())

    # "Approve and send" with a rewritten text: refused, and nothing of it is saved.
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            change_url(message), form(message, body_text=CHANGED, _reviewed=reviewed, _approve="1")
        )
    assert response.status_code == 200
    assert "Bạn đã sửa nội dung nên không thể tự duyệt" in response.content.decode()
    message.refresh_from_db()
    assert (message.status, message.body_text, message.edited_by) == ("draft", OUTBOX_TEXT, None)
    assert smtp.received == []

    # Saved as an edit, the text is the reviewer's: no button for them, and the service refuses.
    reviewer_client.post(change_url(message), form(message, body_text=CHANGED, _save="Lưu"))
    message.refresh_from_db()
    assert (message.body_text, message.edited_by, message.status) == (CHANGED, reviewer, "draft")
    page = reviewer_client.get(change_url(message)).content.decode()
    assert 'name="_approve"' not in page and "Bạn là người sửa thư này gần nhất" in page
    with pytest.raises(ValidationError):
        services.approve(message=message, user=reviewer, digest=message.content_digest())

    # The drafter reads the changed text and approves it: two people saw what is sent.
    page = drafter_client.get(change_url(message)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        drafter_client.post(change_url(message), form(message, _reviewed=digest_on(page), _approve="1"))
    message.refresh_from_db()
    assert (message.status, message.approved_by) == ("sent", drafter)
    assert text_of(smtp.messages[0]).replace("\r\n", "\n") == CHANGED


def test_approval_from_the_list_approves_only_the_text_the_reviewer_was_shown(smtp, django_capture_on_commit_callbacks):
    drafter, drafter_client = staff("Protocol", "hoa")
    reviewer, reviewer_client = staff("Protocol", "minh")
    message = make_message(status="draft", drafted_by=drafter)
    action = {"action": "approve", "_selected_action": [message.pk]}

    # The action first shows each message as it will be sent.
    page = reviewer_client.post(CHANGELIST, action).content.decode()
    assert "Lịch trình của đoàn đã thay đổi." in page and "Duyệt và gửi" in page
    shown = digest_on(page, f"reviewed_{message.pk}")

    # Meanwhile the drafter changes the text; the reviewer's confirmation no longer approves it.
    drafter_client.post(change_url(message), form(message, body_text=CHANGED))
    with django_capture_on_commit_callbacks(execute=True):
        refused = reviewer_client.post(
            CHANGELIST, {**action, "post": "yes", f"reviewed_{message.pk}": shown}, follow=True
        ).content.decode()
        # Nor does a confirmation that says nothing of what was read.
        unread = reviewer_client.post(CHANGELIST, {**action, "post": "yes"}, follow=True).content.decode()
    for answer in (refused, unread):
        assert "Thư này đã thay đổi sau khi bạn xem: hãy đọc lại trước khi duyệt." in answer
    message.refresh_from_db()
    assert message.status == "draft" and smtp.received == []

    # Shown the new text, the reviewer approves it, and exactly that is delivered.
    page = reviewer_client.post(CHANGELIST, action).content.decode()
    assert "0123456789" in page
    with django_capture_on_commit_callbacks(execute=True):
        reviewer_client.post(
            CHANGELIST, {**action, "post": "yes", f"reviewed_{message.pk}": digest_on(page, f"reviewed_{message.pk}")}
        )
    message.refresh_from_db()
    assert (message.status, message.approved_by) == ("sent", reviewer)
    assert text_of(smtp.messages[0]).replace("\r\n", "\n") == CHANGED


def test_the_drafter_is_not_offered_approval_of_their_own_message_and_cannot_force_it(
    smtp, django_capture_on_commit_callbacks
):
    drafter, drafter_client = staff("Protocol", "hoa")
    message = make_message(status="draft", drafted_by=drafter)
    action = {"action": "approve", "_selected_action": [message.pk]}

    page = drafter_client.post(CHANGELIST, action).content.decode()
    assert "Bạn đã soạn thư này: một người khác phải duyệt thư." in page
    assert f'name="reviewed_{message.pk}"' not in page and 'type="submit" value="Duyệt và gửi"' not in page
    page = drafter_client.get(change_url(message)).content.decode()
    assert 'name="_approve"' not in page

    # A hand-made confirmation with the right digest is refused all the same.
    forged = {**action, "post": "yes", f"reviewed_{message.pk}": message.content_digest()}
    with django_capture_on_commit_callbacks(execute=True):
        answer = drafter_client.post(CHANGELIST, forged, follow=True).content.decode()
        drafter_client.post(change_url(message), form(message, _reviewed=message.content_digest(), _approve="1"))
    assert "một người khác phải duyệt thư" in answer
    message.refresh_from_db()
    assert (message.status, message.approved_by) == ("draft", None) and smtp.received == []


def test_a_change_after_approval_returns_the_message_to_draft_and_the_queued_delivery_sends_nothing(
    smtp, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.TASKS = DATABASE_QUEUE
    drafter, drafter_client = staff("Protocol", "hoa")
    approver, _ = staff("Protocol", "minh")
    message = make_message(status="draft", drafted_by=drafter)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message=message, user=approver, digest=message.content_digest())

    # Before the worker runs, the drafter changes the text in the admin.
    saved = drafter_client.post(change_url(message), form(message, body_text=CHANGED), follow=True)
    assert "thư trở lại bản nháp và một người khác phải duyệt" in saved.content.decode()
    message.refresh_from_db()
    assert (message.status, message.approved_by, message.approved_digest) == ("draft", None, "")

    run_queued_tasks(monkeypatch)
    message.refresh_from_db()
    assert message.status == "draft" and smtp.received == []


@pytest.mark.parametrize("tamper", ["subject", "text", "html", "recipient", "attachment"])
def test_delivery_sends_nothing_that_differs_from_what_was_approved(
    tamper, smtp, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """Whatever path changes a row after its approval (not the admin, not the services), the
    worker compares it with the approval's digest and sends nothing."""
    settings.TASKS = DATABASE_QUEUE
    approver, approver_client = staff("Protocol", "minh")
    message = make_message(status="draft", body_html="<p>Kính gửi</p>")
    Attachment.objects.create(message=message, filename="thu-moi.pdf", content=b"%PDF-1.7 letter")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message=message, user=approver, digest=message.content_digest())

    rows = Message.objects.filter(pk=message.pk)
    if tamper == "subject":
        rows.update(subject="Thư mời (đã sửa)")
    elif tamper == "text":
        rows.update(body_text=CHANGED)
    elif tamper == "html":
        rows.update(body_html='<p>Kính gửi <a href="https://example.com/x">đây</a></p>')
    elif tamper == "recipient":
        rows.update(to_email="nguoi-khac@example.com")
    else:
        Attachment.objects.filter(message=message).update(content=b"%PDF-1.7 another letter")
    run_queued_tasks(monkeypatch)

    assert smtp.received == []
    message.refresh_from_db()
    assert (message.status, message.approved_by, message.approved_digest, message.attempts) == ("draft", None, "", 0)
    view = approver_client.get(f"/admin/outbox/message/{message.pk}/view/").content.decode()
    assert "Chưa gửi: thư đã thay đổi sau khi được duyệt. Thư cần được duyệt lại." in view
