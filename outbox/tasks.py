"""The outbox's work on the task queue (django-tasks: inline in the demo and tests, a database
queue with `manage.py db_worker` in production; see docs/deploy.md)."""

from django.utils import timezone
from django_tasks import task

from outbox import delivery
from outbox.models import Message


def can_defer():
    return deliver_message.get_backend().supports_defer


def queued_with_the_caller():
    """Whether enqueueing writes a row in the caller's transaction (the database queue)."""
    from django_tasks_db import DatabaseBackend

    return isinstance(deliver_message.get_backend(), DatabaseBackend)


def enqueue_delivery(message_pk, when=None):
    """Queue delivery of one row, at `when` if the queue can wait (the inline demo queue sends at once)."""
    if when is not None and when > timezone.now() and can_defer():
        return deliver_message.using(run_after=when).enqueue(message_pk)
    return deliver_message.enqueue(message_pk)


@task()
def deliver_message(message_pk):
    outcome = delivery.deliver(message_pk)
    if outcome == "failed" and can_defer():
        attempts = Message.objects.filter(pk=message_pk).values_list("attempts", flat=True).first() or 0
        if attempts < delivery.MAX_ATTEMPTS:
            deliver_message.using(run_after=timezone.now() + delivery.retry_delay(attempts)).enqueue(message_pk)
    return outcome
