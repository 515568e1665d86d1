"""The ticket: its signed token (common.signing), its QR code and its PDF.

The token holds the ticket's kind ("trade" or "public"), its random pass number and the days it
opens the gates, signed with Ed25519: a gate checks it offline with the public key alone. No
name, no e-mail, no database key.
"""

import base64

import segno
from django.conf import settings
from django.utils import timezone, translation

from common import signing
from common.dates import local_text
from common.pdf import render_pdf
from tickets.models import Kind, VisitDay


def site_url(request=None):
    if settings.EXPO_SITE_URL:
        return settings.EXPO_SITE_URL
    if request is not None:
        return request.build_absolute_uri("/").removesuffix("/")
    return "http://localhost:8000"


def valid_days(registration, trade_days=None):
    """(first, last) day the ticket opens the gates. `trade_days`: the edition's, when already read."""
    if registration.kind == Kind.PUBLIC:
        return registration.slot.day.date, registration.slot.day.date
    days = list(
        trade_days
        if trade_days is not None
        else VisitDay.objects.filter(edition_id=registration.edition_id, kind=Kind.TRADE).values_list("date", flat=True)
    )
    edition = registration.edition
    return (min(days), max(days)) if days else (edition.start_date, edition.end_date)


def token(registration, trade_days=None):
    first, last = valid_days(registration, trade_days)
    return signing.sign(registration.kind, registration.pass_id, first, last)


def _qr(text):
    # Standard QR only (segno picks Micro QR for short data, which gates cannot read).
    return segno.make_qr(text, error="m")


def qr_png(registration, scale=8):
    return _qr(token(registration)).png_data_uri(scale=scale, border=4)


def qr_png_bytes(registration, scale=8):
    return base64.b64decode(qr_png(registration, scale).split(",", 1)[1])


def _photo_data_uri(registration):
    with registration.photo.open("rb") as handle:
        return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()


def ticket_pdf(registration):
    """One A4 page in the visitor's language: name, kind, day and slot, gates, rules, the QR code."""
    edition = registration.edition
    first, last = valid_days(registration)
    with translation.override(registration.language):
        context = {
            "edition": edition,
            "registration": registration,
            "first_day": first,
            "last_day": last,
            "gates": list(edition.gates.all()),
            "qr_code": _qr(token(registration)).svg_data_uri(scale=5, border=4),
            "photo": _photo_data_uri(registration) if registration.photo else "",
            "printed_at": local_text(timezone.now(), edition.tz),
        }
        return render_pdf("pdf/ticket.html", context)
