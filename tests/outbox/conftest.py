"""A real SMTP server (aiosmtpd) on a free local port, started per test, and helpers to read
what it received as parsed e-mail messages."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """aiosmtpd handler: keeps every accepted message; refuses the first `fail_next` with a 451."""

    def __init__(self):
        self.received = []
        self.fail_next = 0

    async def handle_DATA(self, server, session, envelope):
        if self.fail_next:
            self.fail_next -= 1
            return "451 4.3.0 Try again later"
        self.received.append(
            {
                "rcpt_tos": list(envelope.rcpt_tos),
                "message": email.message_from_bytes(envelope.original_content, policy=email.policy.default),
            }
        )
        return "250 OK"

    @property
    def messages(self):
        return [item["message"] for item in self.received]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Route Django's mail to a real SMTP server for this test; yields its Inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "VIDE 2024 <press@vide.example.vn>"
    try:
        yield inbox
    finally:
        controller.stop()


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def subject_of(message):
    # Django folds a long encoded subject right after "Subject:", which parses with a leading space.
    return str(message["Subject"]).strip()


def run_queued_tasks(monkeypatch):
    """Run every due task on the database queue as `manage.py db_worker --batch` does.

    The worker closes "old" connections between tasks; inside a test's transaction that would
    close the test's own connection on PostgreSQL, so that one call is made a no-op here.
    """
    import io

    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command(
        "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO()
    )
