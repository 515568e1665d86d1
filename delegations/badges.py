"""Name badges of delegation members: the category (one definition), its colour and default access
zones, the signed QR the gates read, and the two print layouts (A4 card sheets, CR80 printers).

Category, from the member's role and the delegation's level (nowhere else):
- VIP: the head or deputy head of a delegation led at service-commander level or above;
- delegate: every other head, deputy and member;
- staff: aides, interpreters and security officers travelling with a delegation.
Liaison and press are badge categories too (liaison officers, journalists), printed elsewhere;
they are declared here so every badge of the expo uses the same colours and zones.
"""

import functools

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


# One fixed mask pattern: segno otherwise tries all eight and scores each, four fifths of a QR's
# cost (43 ms against 10 ms a badge, measured): any mask reads the same in every decoder.
QR_MASK = 2


def qr_image(text):
    """The QR of `text` as a one-bit image, a pixel a module, the quiet zone around (drawn unsmoothed)."""
    import segno
    from PIL import Image, ImageOps

    # Standard QR only: segno.make() picks Micro QR for short data, which zbar and gates cannot read.
    matrix = segno.make_qr(text, error="m", mask=QR_MASK).matrix  # rows of 1 (dark) and 0
    size = len(matrix)
    modules = Image.frombytes("L", (size, size), b"".join(matrix).translate(DARK_AS_BLACK))
    return ImageOps.expand(modules, border=4, fill=255).convert("1")


DARK_AS_BLACK = bytes([255, 0, *range(2, 256)])  # a module's 1 (dark) as black, 0 as white


def _photo(member):
    """The member's photo (a JPEG, re-encoded on upload), or b"" for none or an unreadable file."""
    if not member.photo:
        return b""
    try:
        with member.photo.open("rb") as handle:
            return handle.read()
    except OSError:
        return b""


class Badge:
    def __init__(self, member):
        self.member = member
        self.category = category_of(member)
        self.colour = COLOURS[self.category]
        self.zones = [(zone.value, zone.label) for zone in DEFAULT_ZONES[self.category]]
        self.name = member.full_name
        self.country_code = member.delegation.country.alpha3 or member.delegation.country.code

    # Made when a card is drawn, not for the cover sheet's list (which names the cards only).
    @functools.cached_property
    def token(self):
        return token_for(self.member)

    @functools.cached_property
    def qr(self):
        return qr_image(self.token)

    @functools.cached_property
    def photo(self):
        return _photo(self.member)


class Layout(models.TextChoices):
    SHEET = "sheet", _("A4 card sheets (8 cards, crop marks)")
    CR80 = "cr80", _("Card printer (CR80, one card per page)")


def sheets(badges):
    """A4 pages of up to eight cards: (fronts, backs), each a list of (badge, (left, top) in mm).

    The back of a card sits at the mirrored column, so turned over the long edge (duplex) each
    back lands behind its own front; the grid is centred, so the positions mirror exactly."""
    left, top = _grid_origin()
    per_sheet = SHEET_COLUMNS * SHEET_ROWS
    pages = []
    for start in range(0, len(badges), per_sheet):
        fronts, backs = [], []
        for index, badge in enumerate(badges[start : start + per_sheet]):
            row, column = divmod(index, SHEET_COLUMNS)
            y = top + row * CARD_HEIGHT_MM
            fronts.append((badge, (left + column * CARD_WIDTH_MM, y)))
            backs.append((badge, (left + (SHEET_COLUMNS - 1 - column) * CARD_WIDTH_MM, y)))
        pages.append((fronts, backs))
    return pages


def _grid_origin():
    return (210 - SHEET_COLUMNS * CARD_WIDTH_MM) / 2, (297 - SHEET_ROWS * CARD_HEIGHT_MM) / 2


def crop_marks():
    """Short lines outside the grid at every cut, each (x1, y1, x2, y2) in mm on the A4 sheet."""
    left, top = _grid_origin()
    right, bottom = left + SHEET_COLUMNS * CARD_WIDTH_MM, top + SHEET_ROWS * CARD_HEIGHT_MM
    marks = []
    for column in range(SHEET_COLUMNS + 1):
        x = left + column * CARD_WIDTH_MM
        marks += [(x, top - 8, x, top - 2), (x, bottom + 2, x, bottom + 8)]
    for row in range(SHEET_ROWS + 1):
        y = top + row * CARD_HEIGHT_MM
        marks += [(left - 8, y, left - 2, y), (right + 2, y, right + 8, y)]
    return marks


def badges_of(members):
    return [Badge(member) for member in members]
