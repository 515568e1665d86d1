"""What visitors are told by e-mail, through the outbox, in the language they registered in.

The address is typed in a public form: until the visitor follows the confirmation link nothing
they typed goes back to it (no name, not even in the To header). Tickets carry the QR code and
the PDF as attachments and the private link to view, change or cancel.
"""

from typing import NamedTuple

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from outbox import compose, registry, services
from outbox.tasks import queued_with_the_caller
from tickets import passes
from tickets.models import Registration
from tickets.models.registrations import OPEN_FOR_DECISION, Status

CONFIRM = "tickets.confirm"
RECEIVED = "tickets.trade_received"
TICKET = "tickets.ticket"
DECISION = "tickets.trade_decision"
PLACE_FREE = "tickets.place_free"


def register_kinds():
    team = {"team": registry.Team.VISITORS, "address_permission": Registration.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(CONFIRM, _("Registration: confirm the e-mail address"), **team))
    registry.register(registry.Kind(RECEIVED, _("Registration: trade registration received"), **team))
    registry.register(registry.Kind(TICKET, _("Registration: ticket"), **team))
    registry.register(registry.Kind(DECISION, _("Registration: decision or question"), **team))
    registry.register(registry.Kind(PLACE_FREE, _("Registration: a place is free"), **team))


def manage_url(registration, base_url=None):
    with translation.override(registration.language):
        path = reverse("tickets:manage", kwargs={"key": registration.access_key})
    return (base_url or passes.site_url()) + path


def _send(registration, *, kind, key, template, to_name="", attachments=(), **context):
    context = {"registration": registration, "edition": registration.edition, **context}
    subject, text, html = compose.render(template, context, language=registration.language)
    return services.draft(
        kind=kind,
        key=key,
        to_email=registration.email,
        to_name=to_name,
        language=registration.language,
        subject=subject,
        text=text,
        html=html,
        about=registration,
        attachments=attachments,
    )


def confirm_address(registration, *, base_url=None):
    return _send(
        registration,
        kind=CONFIRM,
        key=f"{CONFIRM}:{registration.pk}",
        template="tickets/email/confirm",
        manage_url=manage_url(registration, base_url),
    )


def trade_received(registration, *, base_url=None):
    return _send(
        registration,
        kind=RECEIVED,
        key=f"{RECEIVED}:{registration.pk}",
        template="tickets/email/trade_received",
        manage_url=manage_url(registration, base_url),
    )


class Soon(NamedTuple):
    draft: object  # the function drafting the mail: (registration, *, base_url)
    statuses: tuple  # the registration's statuses in which it is still wanted


# The first mail of a registration, drafted by the worker when the queue has one (tickets.tasks).
SOON = {
    CONFIRM: Soon(confirm_address, (Status.UNCONFIRMED,)),
    RECEIVED: Soon(trade_received, OPEN_FOR_DECISION),
}


def soon(kind, registration, *, base_url=None):
    """Draft `kind` (of SOON) for a registration being saved. When a slot opens, thousands register
    within minutes, and drafting the mail (its templates in the visitor's language, the outbox's
    key and review checks) was a third of each registration's cost in the request. So on the
    database queue the request only queues `draft_soon`, in its own transaction: the registration
    and the promise of its mail commit together or not at all, and the worker drafts the mail,
    which the outbox then delivers. On a queue that runs tasks at once (tests, the debug demo),
    the mail is drafted now, in the same transaction."""
    if not queued_with_the_caller():
        return SOON[kind].draft(registration, base_url=base_url)
    return draft_soon.enqueue(kind, registration.pk, base_url)


@task()
def draft_soon(kind, registration_pk, base_url=None):
    """The worker's half of `soon`; nothing for a registration deleted or moved on meanwhile (its
    hold lapsed, it was cancelled)."""
    registration = Registration.objects.select_related("edition").filter(pk=registration_pk).first()
    if registration is None or registration.status not in SOON[kind].statuses:
        return None
    message = SOON[kind].draft(registration, base_url=base_url)
    return message.pk if message else None


def ticket(registration, *, base_url=None, reissue=False):
    """The ticket: QR code (PNG) and PDF attached; keyed by the pass and slot, so a change sends it again."""
    with translation.override(registration.language):
        attachments = [
            ("ticket.pdf", passes.ticket_pdf(registration), "application/pdf"),
            ("ticket-qr.png", passes.qr_png_bytes(registration), "image/png"),
        ]
    return _send(
        registration,
        kind=TICKET,
        key=f"{TICKET}:{registration.pk}:{registration.pass_id}:{registration.slot_id}",
        template="tickets/email/ticket",
        to_name=registration.name,
        attachments=attachments,
        manage_url=manage_url(registration, base_url),
        first_day=passes.valid_days(registration)[0],
        last_day=passes.valid_days(registration)[1],
        reissue=reissue,
    )


def trade_decided(registration, *, base_url=None):
    return _send(
        registration,
        kind=DECISION,
        key=f"{DECISION}:{registration.pk}:{registration.decided_at.isoformat()}",
        template="tickets/email/trade_decision",
        manage_url=manage_url(registration, base_url),
    )


def place_free(registration, *, base_url=None):
    with translation.override(registration.language):
        url = (base_url or passes.site_url()) + reverse("tickets:register")
    return _send(
        registration,
        kind=PLACE_FREE,
        key=f"{PLACE_FREE}:{registration.pk}",
        template="tickets/email/place_free",
        slot=registration.slot,
        register_url=url,
    )
