"""An address that unsubscribed from a topic is never mailed on it again: not by a new draft, not
by a message already waiting, not by a retry or "send again"; and no member of staff can undo
the unsubscription (the Press office sees it, nothing more)."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from outbox import services
from outbox import unsubscribe as tokens
from outbox.models import Message, Unsubscribe
from outbox.tasks import deliver_message
from press import mail
from tests.accounts import admin_login
from tests.factories import make_message, staff
from tests.helpers import DATABASE_QUEUE, run_queued_tasks

pytestmark = pytest.mark.django_db


def release_message(key="r1", to="Jane@Example.com", **changes):
    return make_message(key, kind=mail.RELEASE, to=to, subject="Press release: The Expo opens", **changes)


def test_the_press_office_sees_unsubscriptions_but_nobody_can_delete_them():
    gone = Unsubscribe.objects.create(email="jane@example.com", topic=mail.RELEASE_TOPIC)
    _, press = staff("Press office")
    admin = Client()
    admin_login(admin, User.objects.create_superuser("root"))
    delete_url = f"/admin/outbox/unsubscribe/{gone.pk}/delete/"

    page = press.get("/admin/outbox/unsubscribe/").content.decode()
    assert "jane@example.com" in page and 'value="delete_selected"' not in page
    for client in (press, admin):
        assert client.get(delete_url).status_code == 403
        assert client.post(delete_url, {"post": "yes"}).status_code == 403
        client.post("/admin/outbox/unsubscribe/", {"action": "delete_selected", "_selected_action": [gone.pk]})
        client.post(f"/admin/outbox/unsubscribe/{gone.pk}/change/", {"email": "x@example.com", "topic": "x"})
    assert Unsubscribe.objects.get().email == "jane@example.com"
    assert User.objects.get(username="Press office").has_perm("outbox.view_unsubscribe")
    assert not User.objects.get(username="Press office").has_perm("outbox.delete_unsubscribe")


def test_no_new_message_of_the_topic_is_made_for_an_unsubscribed_address():
    services.unsubscribe(email=" Jane@Example.com ", topic=mail.RELEASE_TOPIC)
    made = services.draft(
        kind=mail.RELEASE,
        key="press.release:9:jane@example.com",
        to_email="JANE@example.com",
        language="en",
        subject="Press release",
        text="…",
    )
    assert made is None and not Message.objects.exists()
    # Other kinds are not that topic: the journalist still hears about their own accreditation.
    decision = services.draft(
        kind=mail.DECISION, key="press.accreditation_decision:1", to_email="jane@example.com", language="en",
        subject="Your accreditation", text="…",
    )  # fmt: skip
    assert decision is not None


def test_unsubscribing_withholds_the_messages_still_waiting_for_that_address(
    client, smtp, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.TASKS = DATABASE_QUEUE
    approver, _ = staff("Press office", "thu")
    waiting = release_message(status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message=waiting, user=approver, digest=waiting.content_digest())
    failed = release_message("r2", status="failed", last_error="451")
    release_message("r3", to="nhung@example.vn", status="draft")

    link = "/en/unsubscribe/" + tokens.token(email="jane@example.com", topic=mail.RELEASE_TOPIC) + "/"
    client.post(link)
    run_queued_tasks(monkeypatch)

    assert smtp.received == []
    statuses = dict(Message.objects.values_list("key", "status"))
    assert statuses == {"r1": "unsubscribed", "r2": "unsubscribed", "r3": "draft"}
    with pytest.raises(ValidationError):
        services.approve(message=Message.objects.get(key="r1"), user=approver, digest=waiting.content_digest())
    with pytest.raises(ValidationError):
        services.send_again(message=failed)


def test_delivery_and_send_again_check_the_unsubscription_themselves(smtp, django_capture_on_commit_callbacks):
    """An unsubscription recorded while a message was already queued or failed (a race, or a row
    written by another process): the worker and "send again" still send nothing."""
    queued = release_message()
    failed = release_message("r2", status="failed", last_error="451")
    Unsubscribe.objects.create(email="jane@example.com", topic=mail.RELEASE_TOPIC)

    assert deliver_message.call(queued.pk) == "unsubscribed"
    _, press = staff("Press office")
    with django_capture_on_commit_callbacks(execute=True):
        answer = press.post(
            "/admin/outbox/message/", {"action": "send_again", "_selected_action": [failed.pk]}, follow=True
        )
    assert "Người nhận đã hủy đăng ký: thư này sẽ không được gửi." in answer.content.decode()
    assert smtp.received == []
    assert Message.objects.filter(pk=queued.pk, status="unsubscribed", attempts=0).exists()
    assert Message.objects.get(pk=failed.pk).status == "failed"
