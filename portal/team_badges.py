"""Stand staff badges: the signed pass (kind "staff") the gates read, what the gates learn of a
member (name, exhibitor, photo: never the ID number), and the badge PDF the organisers print.

A badge is a `common.signing` token of kind "staff" whose id is the member's random `pass_id`,
valid for the edition's days. Approved members open the gates; a member refused, or removed by
the exhibitor after approval, is revoked online and in the gates' offline bundle. The gates
(tickets) find these through common.gate_passes, filled from PortalConfig.ready().
"""

import base64

import segno
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common import gate_passes, signing
from common.pdf import render_pdf
from exhibitors.models import Stand
from portal.models import StandStaff
from portal.models.team import Status

PASS_KIND = "staff"  # noqa: S105 -- the kind of pass, not a secret
LABEL = _("Stand staff")


def token(member, edition=None):
    edition = edition or member.edition
    return signing.sign(PASS_KIND, member.pass_id, edition.start_date, edition.end_date)


def _holder(member):
    approved = member.removed_at is None and member.status == Status.APPROVED
    return gate_passes.Holder(
        member.pass_id, member.name, member.exhibitor.name, LABEL, approved=approved, photo=bool(member.photo)
    )


def _members(edition):
    return (
        StandStaff.objects.filter(edition=edition)
        .select_related("exhibitor")
        .only("pass_id", "name", "status", "removed_at", "photo", "exhibitor__name")
    )


def holder(edition, pass_id):
    member = _members(edition).filter(pass_id=pass_id).first()
    return _holder(member) if member is not None else None


def valid(edition, day):
    if not edition.start_date <= day <= edition.end_date:
        return []
    return [_holder(member) for member in _members(edition).admitted().order_by()]


def revoked(edition):
    return list(StandStaff.objects.filter(edition=edition).revoked().order_by().values_list("pass_id", flat=True))


def search(edition, day, folded, text, limit):
    if not edition.start_date <= day <= edition.end_date:
        return []
    found = _members(edition).admitted().filter(Q(search_name__contains=folded) | Q(pass_id=text.upper()))
    return [(_holder(member), token(member, edition)) for member in found.order_by("search_name", "pk")[:limit]]


def photo(edition, pass_id):
    member = StandStaff.objects.admitted().filter(edition=edition, pass_id=pass_id).exclude(photo="").first()
    if member is None:
        return None
    try:
        return member.photo.open("rb")
    except FileNotFoundError:
        return None


def register_at_the_gates():
    gate_passes.register(
        gate_passes.BadgeKind(
            kind=PASS_KIND, label=LABEL, holder=holder, valid=valid, revoked=revoked, search=search, photo=photo
        )
    )


def _photo_data_uri(member):
    # Private storage is outside what the PDF fetcher may read: inlined. A photo lost from storage
    # prints the badge without it rather than failing the whole sheet.
    try:
        with member.photo.open("rb") as handle:
            return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()
    except (FileNotFoundError, ValueError):
        return ""


def badges_pdf(members):
    """One badge a page for each approved member: band, photo, name, role, exhibitor, stand, QR."""
    approved = [m for m in members if m.status == Status.APPROVED and m.removed_at is None]
    stands = {
        (stand.exhibitor_id, stand.edition_id): stand
        for stand in Stand.objects.filter(
            exhibitor__in={m.exhibitor_id for m in approved}, edition__in={m.edition_id for m in approved}
        ).select_related("venue")
    }
    cards = []
    for member in approved:
        cards.append(
            {
                "member": member,
                "stand": stands.get((member.exhibitor_id, member.edition_id)),
                "photo": _photo_data_uri(member) if member.photo else "",
                "qr_code": segno.make_qr(token(member), error="m").svg_data_uri(scale=4, border=2),
            }
        )
    context = {"badges": cards, "label": LABEL}
    return render_pdf("portal/team/badges_pdf.html", context)
