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
import functools
import io
from urllib.parse import quote

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


def _qr(text):
    """The QR as a one-bit PNG, a pixel a module, drawn unsmoothed (badges.css: image-rendering).

    Not SVG: WeasyPrint parses and draws an SVG path of a few hundred segments per card, which
    was most of a badge print's time (measured: 68 of 312 s for 484 members, profiled)."""
    import segno
    from PIL import Image

    # Standard QR only: segno.make() picks Micro QR for short data, which zbar and gates cannot read.
    code = segno.make_qr(text, error="m", mask=QR_MASK)
    rows = [bytes(0 if dark else 255 for dark in row) for row in code.matrix_iter(border=4)]
    image = Image.frombytes("L", (len(rows), len(rows)), b"".join(rows)).convert("1")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@functools.cache
def emblem(colour):
    """The card's emblem in the band's colour, as an image URL: one image per colour, which
    WeasyPrint reads once per document (an inline <svg> was parsed again on every card)."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">'
        '<circle cx="20" cy="20" r="18" fill="#fff"/>'
        f'<circle cx="20" cy="20" r="15" fill="none" stroke="{colour}" stroke-width="2"/>'
        '<path d="M20 8 L23 17 L32 17 L25 23 L28 32 L20 26 L12 32 L15 23 L8 17 L17 17 Z" fill="#c8102e"/></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


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
        self.emblem = emblem(self.colour)
        self.zones = [(zone.value, zone.label) for zone in DEFAULT_ZONES[self.category]]
        self.name = member.full_name
        self.name_size = name_size(self.name)
        self.country_code = member.delegation.country.alpha3 or member.delegation.country.code

    # Made when a card is drawn, not for the cover sheet's list (which names the cards only).
    @functools.cached_property
    def token(self):
        return token_for(self.member)

    @functools.cached_property
    def qr(self):
        return _qr(self.token)

    @functools.cached_property
    def photo(self):
        return _photo(self.member)


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
