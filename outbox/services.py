"""Writes of the outbox: draft, batch, approve, edit, send again.

Sending apps call `draft()` or `add_to_batch()`; the admin calls `approve()` and `send_again()`.
Delivery itself runs on the task queue (outbox.tasks), never in the request.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.text import nfc
from outbox import registry
from outbox.models import Attachment, KindSetting, Message, Unsubscribe, about_fields


def needs_review(kind):
    """Messages to delegations always; the others as the press office set their kind."""
    if kind.second_person:
        return True
    setting = KindSetting.objects.filter(kind=kind.code).values_list("review_first", flat=True).first()
    return kind.review_by_default if setting is None else setting


def is_unsubscribed(*, email, topic):
    return bool(topic) and Unsubscribe.objects.filter(email=email.strip().lower(), topic=topic).exists()


def recipient_unsubscribed(message):
    """Whether the message's recipient unsubscribed from its kind's topic (then it is never sent)."""
    try:
        topic = registry.get(message.kind).topic
    except LookupError:
        return False
    return is_unsubscribed(email=message.to_email, topic=topic)


@transaction.atomic
def unsubscribe(*, email, topic):
    """Record the wish, and withhold every message of that topic still waiting for that address."""
    email = email.strip().lower()
    Unsubscribe.objects.get_or_create(email=email, topic=topic)
    Message.objects.filter(
        kind__in=registry.kinds_of_topic(topic), to_email__iexact=email, status__in=Message.EDITABLE
    ).update(status=Message.Status.UNSUBSCRIBED, updated_at=timezone.now())


def _queue(message):
    # Imported here: the task module imports the delivery code, which imports these models.
    from outbox.tasks import enqueue_delivery, queued_with_the_caller

    if queued_with_the_caller():
        # The database queue's row is written in this transaction: it commits, or rolls back, with
        # the message (one commit, not two), and no worker sees the task before the message.
        enqueue_delivery(message.pk, message.send_after)
    else:
        # A queue that runs the task at once (the demo in debug, the tests) waits for the commit.
        transaction.on_commit(lambda: enqueue_delivery(message.pk, message.send_after))


@transaction.atomic
def draft(
    *,
    kind,
    key,
    to_email,
    language,
    subject,
    text,
    html="",
    to_name="",
    about=None,
    drafted_by=None,
    attachments=(),
    headers=None,
    send_after=None,
):
    """Put a message in the outbox (one recipient). A key already used returns the existing row:
    the same message is never made, nor sent, twice. None for an address that unsubscribed from
    the kind's topic."""
    kind = registry.get(kind)
    existing = Message.objects.filter(key=key).first()
    if existing is not None:
        return existing
    if is_unsubscribed(email=to_email, topic=kind.topic):
        return None
    review = needs_review(kind)
    attachments = list(attachments)
    message = Message(
        kind=kind.code,
        team=kind.team,
        key=key,
        to_email=to_email.strip(),
        to_name=nfc(to_name),
        language=language,
        subject=nfc(subject),
        body_text=nfc(text),
        body_html=nfc(html),
        headers=headers or {},
        send_after=send_after,
        needs_review=review,
        status=Message.Status.DRAFT if review else Message.Status.APPROVED,
        drafted_by=drafted_by,
        **about_fields(about),
    )
    if not review:
        # Sent as made: the approval is the system's, of exactly this content.
        message.approved_digest = message.content_digest(
            attachments=[(name, content_type, content) for name, content, content_type in attachments]
        )
    message.save(force_insert=True)
    Attachment.objects.bulk_create(
        Attachment(message=message, filename=name, content_type=content_type, content=content)
        for name, content, content_type in attachments
    )
    if not review:
        _queue(message)
    return message


@transaction.atomic
def add_to_batch(*, kind, batch_key, line, to_email, language, window, to_name="", about=None):
    """Add one change to the open batch for `batch_key`, or open a new one that closes after `window`.

    Several changes within the window become one message listing them all; a batch stops taking
    lines once someone approved it or its window closed.
    """
    kind = registry.get(kind)
    if not kind.second_person:
        raise ValueError("Only reviewed kinds are batched: the batch waits as a draft for its approver.")
    now = timezone.now()
    batch = (
        Message.objects.select_for_update()
        .filter(batch_key=batch_key, status=Message.Status.DRAFT, send_after__gt=now)
        .order_by("-pk")
        .first()
    )
    if batch is None:
        batch = draft(
            kind=kind.code,
            key=f"{batch_key}:{now.timestamp():.6f}",
            to_email=to_email,
            to_name=to_name,
            language=language,
            subject="…",
            text="…",
            about=about,
            send_after=now + window,
        )
        batch.batch_key = batch_key
    batch.batch_lines = [*batch.batch_lines, nfc(line)]
    subject, text, html = kind.render_batch(batch, batch.batch_lines)
    batch.subject, batch.body_text, batch.body_html = nfc(subject), nfc(text), nfc(html)
    batch.save()
    return batch


def _may_act(user, message):
    if user.is_superuser:
        return True
    return user.has_perm("outbox.approve_message") and user.has_perm(f"outbox.{message.team}_messages")


def approval_refusal(message, user):
    """Why `user` may not approve `message` now, or None if they may. The one rule: the admin asks
    it before offering "Approve", and approve() enforces it."""
    if not _may_act(user, message):
        return _("You may not approve messages.")
    if message.status != Message.Status.DRAFT:
        return _("Only a draft can be approved (this message is “%(status)s”).") % {
            "status": message.get_status_display()
        }
    # Four eyes: whoever wrote the words as they stand (the last editor, else the drafter) is
    # not the second pair. A system draft has no author: anyone with the right may approve it.
    if message.edited_by_id is not None:
        if message.edited_by_id == user.pk:
            return _("You changed this message last: another person must approve it.")
    elif message.drafted_by_id is not None and message.drafted_by_id == user.pk:
        return _("You drafted this message: another person must approve it.")
    return None


@transaction.atomic
def approve(*, message, user, digest):
    """A second pair of eyes: approve exactly the content reviewed (`digest`, as shown to the
    reviewer: Message.content_digest()) and queue it. A message changed since is refused."""
    message = Message.objects.select_for_update().prefetch_related("attachments").get(pk=message.pk)
    refusal = approval_refusal(message, user)
    if refusal is not None:
        raise PermissionDenied(refusal) if not _may_act(user, message) else ValidationError(refusal)
    if digest != message.content_digest():
        raise ValidationError(_("This message changed after you reviewed it: read it again before approving."))
    message.status = Message.Status.APPROVED
    message.approved_by = user
    message.approved_at = timezone.now()
    message.approved_digest = digest
    message.save(update_fields=["status", "approved_by", "approved_at", "approved_digest", "updated_at"])
    _queue(message)
    return message


@transaction.atomic
def edit(*, message, user, subject, text, html):
    """Change the words of a message not yet sent. Any change after approval returns it to draft,
    and its editor can no longer approve it: a second person approves what is actually sent.
    Returns the row; saving the same words changes nothing."""
    message = Message.objects.select_for_update().prefetch_related("attachments").get(pk=message.pk)
    if not message.is_editable:
        raise ValidationError(_("A message that is being sent or was sent can no longer be changed."))
    before = message.content_digest()
    message.subject, message.body_text, message.body_html = nfc(subject), nfc(text), nfc(html)
    if message.content_digest() == before:
        return message
    message.edited_by = user
    if message.status != Message.Status.DRAFT:
        message.status = Message.Status.DRAFT
        message.approved_by, message.approved_at, message.approved_digest = None, None, ""
    message.save()
    return message


@transaction.atomic
def send_again(*, message):
    """Queue a failed message once more (after its automatic retries ran out, or at once)."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.status != Message.Status.FAILED:
        raise ValidationError(_("Only a message that failed can be sent again."))
    if recipient_unsubscribed(message):
        raise ValidationError(_("The recipient unsubscribed: this message will not be sent."))
    message.send_after = None
    message.save(update_fields=["send_after", "updated_at"])
    _queue(message)
    return message


# Provider reports that mean the message did not reach its recipient (django-anymail event types).
UNDELIVERED = {"bounced", "rejected", "failed", "complained"}


def record_provider_event(*, provider_id, event_type, description=""):
    """A provider's delivery report (anymail webhook): a bounce or a rejection marks the message failed
    with the provider's reason, so staff see it in the outbox. Returns the number of rows changed."""
    if not provider_id or event_type not in UNDELIVERED:
        return 0
    error = f"{event_type}: {description}".strip(": ")[:1000]
    return Message.objects.filter(provider_id=provider_id, status=Message.Status.SENT).update(
        status=Message.Status.FAILED, last_error=error, updated_at=timezone.now()
    )
