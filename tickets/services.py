"""Writes of visitor registration: register, confirm, change the slot, cancel, and vet.

Each is one transaction: the rate counters, the place in the slot, the row and the e-mail in the
outbox are saved together or not at all.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from common import ratelimit
from common.cache import remember
from common.images import check_upload
from tickets import mail, slots, vetting
from tickets.models import Admission, Kind, Registration, Status
from tickets.models.registrations import HOME_COUNTRY, OPEN_FOR_DECISION, new_pass_id

PHOTO_SIZE = (600, 800)

# Only accepted registrations count: a visitor correcting a refused field is not a flood.
PER_SOURCE = (
    ratelimit.Limit(
        "tickets.source",
        10,
        10 * 60,
        _("Too many registrations were sent from your connection. Please wait ten minutes and send the form again."),
    ),
    ratelimit.Limit(
        "tickets.source.day",
        60,
        ratelimit.DAY,
        _("Too many registrations were sent from your connection today. Please try again tomorrow."),
    ),
)
PER_RECIPIENT = ratelimit.Limit(
    "tickets.recipient",
    3,
    ratelimit.DAY,
    _("Enough registrations were already made today with this e-mail address. Please try again tomorrow."),
)


def admission(edition):
    """The edition's rules, read through the fragment cache: every registration asks for them,
    and a change in the admin moves the content version (Admission is @public_content)."""
    found = remember(f"tickets-admission:{edition.pk}", lambda: Admission.objects.filter(edition=edition).first())
    found = found or Admission(edition=edition)
    found.edition = edition
    return found


def _charges(source, email):
    return [(limit, source) for limit in PER_SOURCE] + [(PER_RECIPIENT, email.strip().lower())]


def charge_source(source):
    """A bot's try (the honeypot filled in) counts against its address and saves nothing."""
    return ratelimit.charge_alone([(limit, source) for limit in PER_SOURCE])


def _photo(upload):
    """Checked by the catalogue's image rules, kept as a re-encoded JPEG (no EXIF, no GPS)."""
    check_upload(upload)
    with Image.open(upload) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail(PHOTO_SIZE, Image.Resampling.LANCZOS)
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def register_public(*, edition, slot, fields, language, source, base_url=None, now=None, rules=None):
    """Hold `fields["party_size"]` places in `slot` and e-mail the confirmation link.

    Raises ratelimit.Exceeded, slots.SlotFull (with the nearest free slots) or ValidationError;
    in each case nothing is saved and nothing counted. `rules`: the edition's Admission, if read already.
    """
    rules = rules or admission(edition)
    if not rules.is_open:
        raise ValidationError(_("Registration for this edition is closed."), code="closed")
    party = fields["party_size"]
    with transaction.atomic():
        ratelimit.charge(_charges(source, fields["email"]), now=now)
        if not slots.take(slot, party):
            # Places held by visitors who never confirmed are given back when they are missed, not
            # by every registration: a query saved on each request of a slot's opening.
            slots.expire_stale_holds(slot, hold_minutes=rules.hold_minutes, now=now)
            if not slots.take(slot, party):
                raise slots.SlotFull(slot, slots.nearest_free(slot, party))
        registration = Registration(
            edition=edition, kind=Kind.PUBLIC, slot=slot, language=language, consented_at=timezone.now(), **fields
        )
        # The fields as typed are checked here; the edition and the slot were just read or taken, and
        # the random pass and access numbers and the table's constraints are the database's to enforce
        # (a query each, at the busiest moment of a slot's opening).
        registration.full_clean(exclude=["edition", "slot"], validate_unique=False, validate_constraints=False)
        registration.save()
        mail.soon(mail.CONFIRM, registration, base_url=base_url)
    return registration


def register_trade(*, edition, fields, photo, language, source, base_url=None, now=None):
    """Save a trade registration "to check" (flagged if foreign or on the watch list) and say so by e-mail."""
    if not admission(edition).is_open:
        raise ValidationError(_("Registration for this edition is closed."), code="closed")
    stored_photo = _photo(photo) if photo else None  # slow: before any counter is locked
    with transaction.atomic():
        ratelimit.charge(_charges(source, fields["email"]), now=now)
        registration = Registration(
            edition=edition,
            kind=Kind.TRADE,
            status=Status.TO_CHECK,
            language=language,
            consented_at=timezone.now(),
            **fields,
        )
        registration.is_foreign = bool(registration.country) and registration.country != HOME_COUNTRY
        registration.on_watch_list = vetting.matches(registration)
        if stored_photo:
            registration.photo = stored_photo
        registration.full_clean(exclude=["photo"])
        registration.save()
        mail.soon(mail.RECEIVED, registration, base_url=base_url)
    return registration


@transaction.atomic
def confirm(*, registration, base_url=None, now=None):
    """The visitor followed the e-mailed link: issue the public ticket (a place taken again if the hold lapsed)."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("slot__day").get(pk=registration.pk)
    )
    if registration.status == Status.ISSUED:
        return registration
    if registration.status == Status.EXPIRED:
        if not slots.take(registration.slot, registration.party_size):
            raise slots.SlotFull(registration.slot, slots.nearest_free(registration.slot, registration.party_size))
    elif registration.status != Status.UNCONFIRMED:
        raise ValidationError(_("This registration can no longer be confirmed."), code="not_confirmable")
    registration.status = Status.ISSUED
    registration.confirmed_at = now or timezone.now()
    registration.save(update_fields=["status", "confirmed_at"])
    mail.ticket(registration, base_url=base_url)
    return registration


@transaction.atomic
def change_slot(*, registration, slot, base_url=None):
    """Move a public ticket to another slot: the new place is taken before the old one is given back."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("slot__day").get(pk=registration.pk)
    )
    if registration.status not in (Status.ISSUED, Status.UNCONFIRMED) or registration.kind != Kind.PUBLIC:
        raise ValidationError(_("This ticket can no longer be changed."), code="not_changeable")
    if slot.pk == registration.slot_id:
        return registration
    if slot.day.edition_id != registration.edition_id or slot.day.kind != Kind.PUBLIC:
        raise ValidationError(_("Choose one of the time slots listed."), code="bad_slot")
    if not slots.take(slot, registration.party_size):
        raise slots.SlotFull(slot, slots.nearest_free(slot, registration.party_size))
    slots.give_back(registration.slot, registration.party_size)
    old_slot = registration.slot
    if slot.day_id != registration.slot.day_id:
        # Another day, another pass: the old QR code names the old day and must not open the gates.
        registration.pass_id = new_pass_id()
    registration.slot = slot
    registration.save(update_fields=["slot", "pass_id"])
    if registration.status == Status.ISSUED:
        mail.ticket(registration, base_url=base_url, reissue=True)
    _tell_waiting(old_slot, base_url=base_url)
    return registration


@transaction.atomic
def cancel(*, registration, base_url=None):
    """The visitor cancels: the ticket is revoked at the gates and a public place goes back to the slot."""
    registration = Registration.objects.select_for_update(of=("self",)).select_related("slot").get(pk=registration.pk)
    if registration.status in (Status.CANCELLED, Status.REFUSED, Status.EXPIRED):
        return registration
    held = registration.status in (Status.ISSUED, Status.UNCONFIRMED) and registration.slot_id
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status"])
    if held:
        slots.give_back(registration.slot, registration.party_size)
        _tell_waiting(registration.slot, base_url=base_url)
    return registration


def join_waiting_list(*, edition, slot, fields, language, source, now=None):
    """Put a public party on the waiting list of a full slot (counted against the same limits)."""
    with transaction.atomic():
        ratelimit.charge(_charges(source, fields["email"]), now=now)
        registration = Registration(
            edition=edition,
            kind=Kind.PUBLIC,
            status=Status.WAITING,
            slot=slot,
            language=language,
            consented_at=timezone.now(),
            **fields,
        )
        registration.full_clean()
        registration.save()
    return registration


def _tell_waiting(slot, *, base_url=None):
    """Tell the first people waiting for `slot` whose party now fits (first come, first told)."""
    slot.refresh_from_db(fields=["taken", "capacity"])
    waiting = Registration.objects.filter(
        slot=slot, status=Status.WAITING, told_at__isnull=True, party_size__lte=slot.free
    ).order_by("created_at", "pk")
    for registration in waiting[:3]:
        registration.told_at = timezone.now()
        registration.save(update_fields=["told_at"])
        mail.place_free(registration, base_url=base_url)


DECISIONS = (Status.ISSUED, Status.REFUSED, Status.MORE_INFO)
REASON_NEEDED = _("Say why, or what the visitor must send: the visitor reads it.")


@transaction.atomic
def decide(*, registration, status, reason="", by, base_url=None):
    """Approve (the ticket is sent), refuse with a reason, or ask the visitor for more information."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.kind != Kind.TRADE or status not in DECISIONS:
        raise ValidationError(_("Choose approve, refuse or ask for more information."))
    if status in (Status.REFUSED, Status.MORE_INFO) and not reason.strip():
        raise ValidationError({"reason": REASON_NEEDED})
    if registration.status not in (*OPEN_FOR_DECISION, Status.ISSUED, Status.REFUSED):
        raise ValidationError(_("This registration was cancelled by the visitor."))
    registration.status = status
    registration.reason = reason.strip()
    registration.decided_by = by
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    if status == Status.ISSUED:
        mail.ticket(registration, base_url=base_url)
    else:
        mail.trade_decided(registration, base_url=base_url)
    return registration


@transaction.atomic
def answer(*, registration, text, base_url=None):
    """The visitor answers a question from the Registration group: back to "to check"."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.MORE_INFO:
        raise ValidationError(_("Nothing was asked of you on this registration."))
    registration.reason = f"{registration.reason}\n\n— {text.strip()}"
    registration.status = Status.TO_CHECK
    registration.save(update_fields=["reason", "status"])
    return registration
