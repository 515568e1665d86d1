"""Delivery of one outbox row through Django's e-mail backend (settings from EMAIL_URL).

Idempotent: a row is claimed by one conditional UPDATE (approved/failed → sending), so two
workers, a retry and a click on "send again" can never send it twice. Once claimed, the row is
sent only if it is still exactly what was approved (its digest) and its recipient has not
unsubscribed from its topic. The Message-ID comes
from the row's key, so even a resend after a crash mid-send is recognisable to mail servers;
through a keyed hash (the site's secret key), since a key may hold the recipient's address and a
plain hash of it could be matched against guessed addresses.
Nothing of the message (address, subject, body) is logged: only its id and the error type.
"""

import datetime
import logging
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from outbox import registry
from outbox.models import Message
from outbox.services import recipient_unsubscribed

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def message_id(message):
    digest = salted_hmac("outbox.message-id", message.key, algorithm="sha256").hexdigest()[:32]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "expo.invalid"
    return f"<{digest}@{domain}>"


def sender(message):
    """(From, [Reply-To]) of the team that sends this kind (settings.EXPO_MAIL_SENDERS)."""
    try:
        team = registry.get(message.kind).team
    except LookupError:
        team = None
    configured = getattr(settings, "EXPO_MAIL_SENDERS", {}).get(team)
    if not configured:
        return settings.DEFAULT_FROM_EMAIL, []
    return configured["from"], [configured["reply_to"]] if configured.get("reply_to") else []


def build_email(message):
    """The e-mail exactly as it is (or was) sent for this row."""
    headers = {**message.headers, "Message-ID": message_id(message), "Content-Language": message.language}
    from_email, reply_to = sender(message)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=from_email,
        to=[formataddr((message.to_name, message.to_email))],
        reply_to=reply_to,
        headers=headers,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for attachment in message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return email


def _claim(message_id_):
    return Message.objects.filter(pk=message_id_, status__in=[Message.Status.APPROVED, Message.Status.FAILED]).update(
        status=Message.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )


def _describe(exc):
    # SMTP errors carry the server's reply (code and text), never our message's body.
    return f"{type(exc).__name__}: {exc}"[:1000]


def deliver(message_pk):
    """Send one row if it is due and not sent yet. Returns "sent", "failed" or "skipped"."""
    if not _claim(message_pk):
        return "skipped"
    message = Message.objects.prefetch_related("attachments").get(pk=message_pk)
    if recipient_unsubscribed(message):
        Message.objects.filter(pk=message_pk).update(
            status=Message.Status.UNSUBSCRIBED, attempts=F("attempts") - 1, updated_at=timezone.now()
        )
        logger.info("Outbox message %s withheld: its recipient unsubscribed", message_pk)
        return "unsubscribed"
    if not message.approved_digest or message.approved_digest != message.content_digest():
        _withhold_changed(message_pk)
        return "withheld"
    email = build_email(message)
    try:
        email.send(fail_silently=False)
    except Exception as exc:  # any backend error: record it, let the queue retry later
        Message.objects.filter(pk=message_pk).update(
            status=Message.Status.FAILED, last_error=_describe(exc), updated_at=timezone.now()
        )
        logger.warning("Outbox message %s failed on attempt %s (%s)", message_pk, message.attempts, type(exc).__name__)
        return "failed"
    # django-anymail reports the provider's id, which its delivery/bounce webhooks refer to.
    status = getattr(email, "anymail_status", None)
    provider_id = (getattr(status, "message_id", None) or "") if status else ""
    Message.objects.filter(pk=message_pk).update(
        status=Message.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        provider_id=str(provider_id)[:200],
        updated_at=timezone.now(),
    )
    logger.info("Outbox message %s sent", message_pk)
    return "sent"


def _withhold_changed(message_pk):
    """Changed after its approval (by whatever path): back to draft, for a new approval."""
    with translation.override(settings.LANGUAGE_CODE):
        error = gettext("Not sent: the message changed after it was approved. It needs a new approval.")
    Message.objects.filter(pk=message_pk).update(
        status=Message.Status.DRAFT,
        approved_by=None,
        approved_at=None,
        approved_digest="",
        attempts=F("attempts") - 1,  # claimed, but no attempt to send was made
        last_error=error,
        updated_at=timezone.now(),
    )
    logger.warning("Outbox message %s withheld: changed after approval", message_pk)


def retry_delay(attempts):
    """Back off: 2, 4, 8, 16 minutes after the 1st, 2nd, 3rd, 4th failure."""
    return datetime.timedelta(minutes=2**attempts)
