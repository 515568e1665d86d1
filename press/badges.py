"""Press badges at the gates: the signed pass a badge's QR code carries, and what the gates read
of accreditations (name and outlet to show, never contact data).

A badge is a `common.signing` token of kind "press" whose id is the accreditation's random badge
reference, valid for the edition's days. Approved accreditations open the gates; one refused
(or withdrawn) after its badge was printed is revoked, online and in the gates' offline bundle.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from common import gate_passes, signing
from press.models import MediaAccreditation

PASS_KIND = "press"  # noqa: S105 -- the kind of pass, not a secret
Status = MediaAccreditation.Status
LABEL = _("Press")


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
    """The gates' Holder of the badge `reference` in `edition`, or None if there is none."""
    found = (
        MediaAccreditation.objects.filter(edition=edition, reference=reference)
        .values_list("name", "outlet", "status")
        .first()
    )
    if found is None:
        return None
    name, outlet, status = found
    return gate_passes.Holder(reference, name, outlet, LABEL, approved=status == Status.APPROVED)


def valid(edition, day):
    """The gates' Holders of the edition's approved badges, on the days they are signed for."""
    if not edition.start_date <= day <= edition.end_date:
        return []
    approved = MediaAccreditation.objects.filter(edition=edition, status=Status.APPROVED).order_by()
    return [
        gate_passes.Holder(reference, name, outlet, LABEL, approved=True)
        for reference, name, outlet in approved.values_list("reference", "name", "outlet")
    ]


def revoked(edition):
    """References of the edition's badges refused after approval (or never approved)."""
    refused = MediaAccreditation.objects.filter(edition=edition, status=Status.REJECTED).order_by()
    return list(refused.values_list("reference", flat=True))


def register_at_the_gates():
    gate_passes.register(
        gate_passes.BadgeKind(kind=PASS_KIND, label=LABEL, holder=holder, valid=valid, revoked=revoked)
    )
