"""Writes of the press centre: accreditation applications and decisions, badges."""

import base64
import io
import uuid

import segno
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from common.images import check_upload
from common.pdf import render_pdf
from press import mail
from press.models import MediaAccreditation
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


@transaction.atomic
def apply_for_accreditation(*, edition, fields, photo, language, base_url=None):
    """Save a journalist's application (pending) and e-mail its private status link;
    `fields` are the form's cleaned values."""
    accreditation = MediaAccreditation(edition=edition, language=language, **fields)
    accreditation.photo = _badge_photo(photo)
    accreditation.full_clean(exclude=["photo"])
    accreditation.save()
    mail.accreditation_received(accreditation, base_url=base_url)
    return accreditation


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
    # The photo lives in private storage, outside what the PDF fetcher may read: inline it.
    with accreditation.photo.open("rb") as handle:
        return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()


def verification_url(accreditation, *, base_url):
    """What a badge's QR code holds: the admin lookup of its reference (press office login needed)."""
    lookup = reverse("admin:press_mediaaccreditation_changelist")
    return f"{base_url}{lookup}?q={accreditation.reference}"


def badges_pdf(*, accreditations, base_url):
    """One PDF page per approved accreditation: photo, name, outlet, role, reference and its QR code.

    The QR code carries the badge reference (as the press office's admin lookup), never the
    applicant's private status link.
    """
    badges = []
    for accreditation in accreditations:
        if accreditation.status != MediaAccreditation.Status.APPROVED:
            continue
        badges.append(
            {
                "accreditation": accreditation,
                "photo": _photo_data_uri(accreditation) if accreditation.photo else "",
                "qr_code": segno.make(verification_url(accreditation, base_url=base_url), error="m").svg_data_uri(
                    scale=4, border=2
                ),
            }
        )
    return render_pdf("pdf/badge.html", {"badges": badges})
