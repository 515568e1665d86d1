"""Press badges at the gates: the signed pass a badge's QR code carries, and what the gates read
of accreditations (name and outlet to show, never contact data).

A badge is a `common.signing` token of kind "press" whose id is the accreditation's random badge
reference, valid for the edition's days. Approved accreditations open the gates; one refused
(or withdrawn) after its badge was printed is revoked, online and in the gates' offline bundle.
"""

from django.core.exceptions import ImproperlyConfigured

from common import signing
from press.models import MediaAccreditation

PASS_KIND = "press"  # noqa: S105 -- the kind of pass, not a secret
Status = MediaAccreditation.Status


def token(accreditation):
    edition = accreditation.edition
    return signing.sign(PASS_KIND, accreditation.reference, edition.start_date, edition.end_date)


def reference(text):
    """The badge reference a press token carries, or None when `text` is not a press badge we signed
    (any other search term, or no signing key configured on this site)."""
    text = text.strip()
    if not text.startswith(PASS_KIND + signing.SEPARATOR):
        return None
    try:
        signed = signing.verify(text)
    except (signing.BadToken, ImproperlyConfigured):
        return None
    return signed.id if signed.kind == PASS_KIND else None


def holder(edition, reference):
    """(name, outlet, approved) of the badge `reference` in `edition`, or None if there is none."""
    return (
        MediaAccreditation.objects.filter(edition=edition, reference=reference)
        .values_list("name", "outlet", "status")
        .first()
    )


def valid(edition):
    """[(reference, name, outlet)] of the edition's approved badges."""
    approved = MediaAccreditation.objects.filter(edition=edition, status=Status.APPROVED).order_by()
    return list(approved.values_list("reference", "name", "outlet"))


def revoked(edition):
    """References of the edition's badges refused after approval (or never approved)."""
    refused = MediaAccreditation.objects.filter(edition=edition, status=Status.REJECTED).order_by()
    return list(refused.values_list("reference", flat=True))
