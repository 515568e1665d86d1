"""Name badges of delegation members: the category (one definition), its colour and default access
zones, the signed QR the gates read, and the two print layouts (A4 card sheets, CR80 printers).

Category, from the member's role and the delegation's level (nowhere else):
- VIP: the head or deputy head of a delegation led at service-commander level or above;
- delegate: every other head, deputy and member;
- staff: aides, interpreters and security officers travelling with a delegation.
Liaison and press are badge categories too (liaison officers, journalists), printed elsewhere;
they are declared here so every badge of the expo uses the same colours and zones.
"""

import base64

from django.db import models
from django.utils.translation import gettext_lazy as _

from common import signing
from delegations.models import Delegation, Member

CARD_WIDTH_MM, CARD_HEIGHT_MM = 86, 54  # CR80 (ISO/IEC 7810 ID-1)
SHEET_COLUMNS, SHEET_ROWS = 2, 4  # 8 cards on an A4 sheet, crop marks around the grid


class Category(models.TextChoices):
    VIP = "vip", _("VIP")
    DELEGATE = "delegate", _("Delegate")
    LIAISON = "liaison", _("Liaison")
    PRESS = "press", _("Press")
    STAFF = "staff", _("Staff")


# The band's colour (print-safe, white text readable on each).
COLOURS = {
    Category.VIP: "#8a1c1c",
    Category.DELEGATE: "#1f4d3a",
    Category.LIAISON: "#1d4f91",
    Category.PRESS: "#b35c00",
    Category.STAFF: "#555555",
}


class Zone(models.TextChoices):
    HALLS = "A", _("Exhibition halls")
    DISPLAY = "B", _("Outdoor display")
    CONFERENCE = "C", _("Conference rooms")
    LOUNGE = "V", _("VIP lounge")
    PRESS_CENTRE = "P", _("Press centre")


DEFAULT_ZONES = {
    Category.VIP: (Zone.HALLS, Zone.DISPLAY, Zone.CONFERENCE, Zone.LOUNGE),
    Category.DELEGATE: (Zone.HALLS, Zone.DISPLAY, Zone.CONFERENCE),
    Category.LIAISON: (Zone.HALLS, Zone.DISPLAY, Zone.CONFERENCE, Zone.LOUNGE),
    Category.PRESS: (Zone.HALLS, Zone.DISPLAY, Zone.PRESS_CENTRE),
    Category.STAFF: (Zone.HALLS, Zone.DISPLAY),
}

SENIOR_LEVELS = frozenset(level for level, rank in Delegation.PRECEDENCE.items() if level != Delegation.Level.OTHER)
LEADERS = (Member.Role.HEAD, Member.Role.DEPUTY)
STAFF_ROLES = (Member.Role.AIDE, Member.Role.INTERPRETER, Member.Role.SECURITY)


def category_of(member):
    if member.role in STAFF_ROLES:
        return Category.STAFF
    if member.role in LEADERS and member.delegation.level in SENIOR_LEVELS:
        return Category.VIP
    return Category.DELEGATE


def token_for(member):
    """The signed QR text: kind, the member's random badge code, the edition's days. No personal data."""
    edition = member.delegation.edition
    return signing.sign("badge", member.badge_code, edition.start_date, edition.end_date)


def _qr(text):
    import segno

    # Standard QR only: segno.make() picks Micro QR for short data, which zbar and gates cannot read.
    return segno.make_qr(text, error="m").svg_data_uri(scale=4)


def _photo(member):
    if not member.photo:
        return ""
    try:
        with member.photo.open("rb") as handle:
            data = handle.read()
    except OSError:
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def name_size(name):
    """Smaller type for long names, so a name never runs out of its card."""
    return "long" if len(name) > 36 else "medium" if len(name) > 22 else ""


class Badge:
    def __init__(self, member):
        self.member = member
        self.category = category_of(member)
        self.colour = COLOURS[self.category]
        self.zones = [(zone.value, zone.label) for zone in DEFAULT_ZONES[self.category]]
        self.token = token_for(member)
        self.qr = _qr(self.token)
        self.photo = _photo(member)
        self.name = member.full_name
        self.name_size = name_size(self.name)
        self.country_code = member.delegation.country.alpha3 or member.delegation.country.code


class Layout(models.TextChoices):
    SHEET = "sheet", _("A4 card sheets (8 cards, crop marks)")
    CR80 = "cr80", _("Card printer (CR80, one card per page)")


def sheets(badges):
    """A4 pages of up to eight cards: (front slots, back slots), each slot (badge, CSS position).

    The back of a card sits at the mirrored column, so turned over the long edge (duplex) each
    back lands behind its own front; the grid is centred, so the positions mirror exactly."""
    left = (210 - SHEET_COLUMNS * CARD_WIDTH_MM) / 2
    top = (297 - SHEET_ROWS * CARD_HEIGHT_MM) / 2
    per_sheet = SHEET_COLUMNS * SHEET_ROWS
    pages = []
    for start in range(0, len(badges), per_sheet):
        fronts, backs = [], []
        for index, badge in enumerate(badges[start : start + per_sheet]):
            row, column = divmod(index, SHEET_COLUMNS)
            y = top + row * CARD_HEIGHT_MM
            fronts.append((badge, _at(left + column * CARD_WIDTH_MM, y)))
            backs.append((badge, _at(left + (SHEET_COLUMNS - 1 - column) * CARD_WIDTH_MM, y)))
        pages.append((fronts, backs))
    return pages


def _at(left, top, width=None, height=None):
    size = "" if width is None else f"; width: {width}mm; height: {height}mm"
    return f"left: {left:.1f}mm; top: {top:.1f}mm{size}"


def crop_marks():
    """Short lines outside the grid at every cut, as CSS positions."""
    left = (210 - SHEET_COLUMNS * CARD_WIDTH_MM) / 2
    top = (297 - SHEET_ROWS * CARD_HEIGHT_MM) / 2
    right, bottom = left + SHEET_COLUMNS * CARD_WIDTH_MM, top + SHEET_ROWS * CARD_HEIGHT_MM
    marks = []
    for column in range(SHEET_COLUMNS + 1):
        x = left + column * CARD_WIDTH_MM
        marks += [_at(x, top - 8, 0, 6), _at(x, bottom + 2, 0, 6)]
    for row in range(SHEET_ROWS + 1):
        y = top + row * CARD_HEIGHT_MM
        marks += [_at(left - 8, y, 6, 0), _at(right + 2, y, 6, 0)]
    return marks


def badges_of(members):
    return [Badge(member) for member in members]
