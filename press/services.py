"""Writes of the press centre: accreditation applications and decisions, badges."""

import base64
import datetime
import io
import uuid

import segno
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from common import clock, ratelimit
from common.images import check_upload
from common.pdf import render_pdf
from press import badges, mail
from press.models import MediaAccreditation
from press.models.accreditation import RETENTION, kept_until
from press.tokens import accreditation_for_token, status_token  # noqa: F401 -- the views' and mail's entry points

BADGE_PHOTO_SIZE = (600, 800)


def _badge_photo(upload):
    """Check the upload by the catalogue's image rules, then keep a re-encoded JPEG (no EXIF, no GPS)."""
    check_upload(upload)
    with Image.open(upload) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail(BADGE_PHOTO_SIZE, Image.Resampling.LANCZOS)
    image.info = {}  # convert() copies the comment, XMP and ICC Pillow read; the JPEG would keep them
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


# The public form sends mail to whatever address is typed: these limits keep it from being a
# relay. Only accepted applications count (a journalist correcting refused fields is not a
# flood); each is charged against its client address and its recipient, atomically.
PER_SOURCE = (
    ratelimit.Limit(
        "accreditation.source",
        5,
        10 * 60,
        _(
            "Too many applications were sent from your connection. Please wait ten minutes and send the form "
            "again: what you typed is kept below (choose the photo again)."
        ),
    ),
    ratelimit.Limit(
        "accreditation.source.day",
        30,
        ratelimit.DAY,
        _(
            "Too many applications were sent from your connection today. Please send the form again tomorrow, "
            "or write to the press office: what you typed is kept below (choose the photo again)."
        ),
    ),
)
PER_RECIPIENT = ratelimit.Limit(
    "accreditation.recipient",
    3,
    ratelimit.DAY,
    _(
        "Enough applications were already sent today with this e-mail address. Please send the form again "
        "tomorrow, or write to the press office."
    ),
)


def accepting_applications(edition, now=None):
    return (now or clock.now()) < edition.accreditation_closes()


def charge_source(source):
    """Count an attempt that saves nothing (a bot's) against its address; False once it is over the limit."""
    return ratelimit.charge_alone([(limit, source) for limit in PER_SOURCE])


def apply_for_accreditation(*, edition, fields, photo, language, source, base_url=None):
    """Save a journalist's application (pending) and e-mail its private status link.

    `fields` are the form's cleaned values, `source` the client's address. Raises
    ratelimit.Exceeded (nothing saved, nothing counted) when the address or the recipient has
    used up its budget, ValidationError once applications are closed.
    """
    if not accepting_applications(edition):
        raise ValidationError(_("Applications for media accreditation are closed."), code="closed")
    badge_photo = _badge_photo(photo)  # the slow part, done before any counter is locked
    with transaction.atomic():
        ratelimit.charge([(limit, source) for limit in PER_SOURCE] + [(PER_RECIPIENT, fields["email"].strip().lower())])
        accreditation = MediaAccreditation(edition=edition, language=language, consented_at=timezone.now(), **fields)
        accreditation.photo = badge_photo
        accreditation.full_clean(exclude=["photo"])
        accreditation.save()
        mail.accreditation_received(accreditation, base_url=base_url)
    return accreditation


def delete_expired_applications(now=None):
    """Delete the applications (and badge photos) of editions ended longer ago than the retention
    period the consent statement names; returns how many were deleted."""
    now = now or timezone.now()
    deleted = 0
    # A day's margin for the venue's time zone; kept_until() decides.
    latest_end = (now - RETENTION).date() + datetime.timedelta(days=1)
    candidates = MediaAccreditation.objects.filter(edition__end_date__lte=latest_end).select_related("edition")
    history = ContentType.objects.get_for_model(MediaAccreditation)
    for accreditation in candidates.order_by("pk").iterator():
        if kept_until(accreditation.edition) > now:
            continue
        if accreditation.photo:
            accreditation.photo.delete(save=False)
        pk = str(accreditation.pk)
        accreditation.delete()
        # Its change history goes with it (the entries name the journalist), the deletion's own too.
        LogEntry.objects.filter(content_type=history, object_pk=pk).delete()
        deleted += 1
    return deleted


@transaction.atomic
def decide_accreditation(*, accreditation, status, reason="", by, base_url=None):
    """Approve or reject an application, recording who decided and when, and tell the journalist."""
    if status not in (MediaAccreditation.Status.APPROVED, MediaAccreditation.Status.REJECTED):
        raise ValidationError(_("Choose approve or reject."))
    if status == MediaAccreditation.Status.REJECTED and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for rejecting the application.")})
    accreditation.status = status
    accreditation.reason = reason.strip()
    accreditation.decided_by = by
    accreditation.decided_at = timezone.now()
    accreditation.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    mail.accreditation_decided(accreditation, base_url=base_url)
    return accreditation


def _photo_data_uri(accreditation):
    # The photo lives in private storage, outside what the PDF fetcher may read: inline it. A
    # photo lost from storage (a restored database without the private files) prints the badge
    # without it rather than failing the whole sheet.
    try:
        with accreditation.photo.open("rb") as handle:
            return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()
    except FileNotFoundError:
        return ""


def badges_pdf(*, accreditations, base_url):
    """One PDF page per approved accreditation: photo, name, outlet, role, reference and its QR code.

    The QR code is the gates' signed pass (press/badges.py): the badge reference and the edition's
    days, never the applicant's private status link. `base_url` is kept for the callers.
    """
    sheets = []
    for accreditation in accreditations:
        if accreditation.status != MediaAccreditation.Status.APPROVED:
            continue
        sheets.append(
            {
                "accreditation": accreditation,
                "photo": _photo_data_uri(accreditation) if accreditation.photo else "",
                "qr_code": segno.make(badges.token(accreditation), error="m").svg_data_uri(scale=4, border=2),
            }
        )
    return render_pdf("pdf/badge.html", {"badges": sheets})
