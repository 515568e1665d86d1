"""The cards of delegation members' badges, drawn with fpdf2: A4 sheets of eight cards with crop
marks and mirrored backs, or one card a page for card printers (delegations.badges.Layout).

Why not WeasyPrint, which draws every other printout: a card costs it 35 ms of style and layout
(21 ms with every shared part taken out, measured), two minutes for a whole edition's 5,040
cards on two cores. Drawn here at fixed positions a card costs about 3 ms, its QR code 2 more.
The cover sheet, a table in the printout family's header and footer, stays with WeasyPrint
(badge_print.py).

Every line of text is measured before it is drawn: a name takes the largest of three sizes it
fits in, on at most three lines; anything else too long is shortened with an ellipsis. So no
text leaves its card, whatever was typed. Positions are in millimetres from the card's top left.
"""

import functools
import io
import unicodedata

from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from common.dates import formatted
from delegations import badges

FONT = "Expo Noto Sans"
INK = (17, 17, 17)
WHITE = (255, 255, 255)
RED = (200, 16, 46)  # the emblem's star
PLACEHOLDER = (242, 242, 242)
PT = 25.4 / 72  # millimetres per point
WIDTH, HEIGHT = badges.CARD_WIDTH_MM, badges.CARD_HEIGHT_MM
PHOTO = (3, 13.5, 22, 29)  # x, y, width, height
WHO = (28, 13.5, 55, 29)
BACK_TEXT = (42, 5, 41)  # x, y, width: the back's text, right of the QR code
NAME_SIZES = ((11, 2), (9, 2), (7.5, 3))  # points, most lines: the first the name fits in


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@functools.cache
def _font_files():
    return {style: finders.find(f"expo/fonts/NotoSans-{name}.ttf") for style, name in (("", "Regular"), ("B", "Bold"))}


def _document():
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.c_margin = 0
    for style, path in _font_files().items():
        pdf.add_font(FONT, style, path)
    pdf.set_creator("Expo CMS")
    pdf.set_title(_("Name badges"))
    pdf.set_lang(translation.get_language())
    pdf.widths = {}
    return pdf


def draw(badge_list, layout):
    """The cards of `badge_list` (delegations.badges.Badge) as PDF bytes, in `layout`."""
    pdf = _document()
    if layout == badges.Layout.CR80:
        for badge in badge_list:
            pdf.add_page(format=(WIDTH, HEIGHT))
            _front(pdf, badge, 0, 0)
            pdf.add_page(format=(WIDTH, HEIGHT))
            _back(pdf, badge, 0, 0)
        if not badge_list:
            pdf.add_page(format=(WIDTH, HEIGHT))
            _line(pdf, 5, 5, WIDTH - 10, _("No members yet."), size=9)
    else:
        for fronts, backs in badges.sheets(badge_list):
            pdf.add_page(format="A4")
            _crop_marks(pdf)
            for badge, (x, y) in fronts:
                _front(pdf, badge, x, y)
            pdf.add_page(format="A4")
            for badge, (x, y) in backs:
                _back(pdf, badge, x, y)
    return bytes(pdf.output())


def _crop_marks(pdf):
    pdf.set_draw_color(0)
    pdf.set_line_width(0.25 * PT)
    for x1, y1, x2, y2 in badges.crop_marks():
        pdf.line(x1, y1, x2, y2)


def _width(pdf, text):
    """`text`'s width in the current font and spacing, remembered per document (the same zone
    names, labels and words come back on every card; fpdf2 measures a string in tens of µs)."""
    key = (pdf.font_style, pdf.font_size_pt, pdf.char_spacing, text)
    found = pdf.widths.get(key)
    if found is None:
        found = pdf.widths[key] = pdf.get_string_width(text)
    return found


def _fitted(pdf, text, width):
    """`text` shortened with an ellipsis to fit `width` in the current font."""
    if _width(pdf, text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _line(pdf, x, y, width, text, *, size, bold=False, colour=INK, spacing=0.0, align="L"):
    """One line of `text` whose top is at `y`, shortened to `width`."""
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_char_spacing(spacing * size)
    pdf.set_text_color(*colour)
    text = _fitted(pdf, unicodedata.normalize("NFC", text), width)
    drawn = _width(pdf, text)
    left = x + (width - drawn) / 2 if align == "C" else x
    pdf.text(left, y + size * PT * 0.85, text)  # baseline: the ascent of Noto Sans below the top
    pdf.set_char_spacing(0)


def _lines(pdf, text, width, size, bold=False):
    """`text` wrapped at `width` in a `size` font, as lines (a word longer than a line is cut)."""
    pdf.set_font(FONT, "B" if bold else "", size)
    # Without text shaping a line's width is the sum of its words' and spaces' widths.
    found, line, used = [], "", 0.0
    space = _width(pdf, " ")
    for word in unicodedata.normalize("NFC", text).split():
        wide = _width(pdf, word)
        if line and used + space + wide <= width:
            line, used = f"{line} {word}", used + space + wide
            continue
        if line:
            found.append(line)
        while pdf.get_string_width(word) > width:
            cut = len(word) - 1
            while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                cut -= 1
            found.append(word[:cut])
            word = word[cut:]
        line, used = word, _width(pdf, word)
    return [*found, line] if line else found


def _paragraph(pdf, x, y, width, text, *, size, most, bold=False, leading=1.2):
    """`text` wrapped at `width`, at most `most` lines (the last shortened); returns the y below it."""
    found = _lines(pdf, text, width, size, bold)
    if len(found) > most:
        found = [*found[: most - 1], " ".join(found[most - 1 :]).strip()]
    for line in found:
        _line(pdf, x, y, width, line, size=size, bold=bold)
        y += size * PT * leading
    return y


def _front(pdf, badge, left, top):
    member, edition = badge.member, badge.member.delegation.edition
    colour = _rgb(badge.colour)
    pdf.set_fill_color(*colour)
    pdf.rect(left, top, WIDTH, 11, style="F")
    _line(pdf, left + 3, top + 1, 68, str(badge.category.label).upper(), size=10, bold=True, colour=WHITE, spacing=0.06)
    _line(pdf, left + 3, top + 6.2, 68, edition.name, size=5.5, colour=WHITE)
    _emblem(pdf, left + 74.5, top + 1, colour)
    _photo(pdf, badge, left, top)
    x, y, width, height = WHO
    x, y = left + x, top + y
    size, most = _name_size(pdf, badge.name, width)
    y = _paragraph(pdf, x, y, width, badge.name, size=size, most=most, bold=True, leading=1.15) + 1
    country_top = top + WHO[1] + height - 7.5 * PT * 1.3
    for text in (member.rank, Truncator(member.position).chars(60)):
        if text and y + 7 * PT * 1.2 <= country_top:
            room = max(1, int((country_top - y) // (7 * PT * 1.2)))
            y = _paragraph(pdf, x, y, width, text, size=7, most=min(room, 2))
    _country(pdf, badge, x, country_top, width)
    _zones(pdf, badge.zones, left + 3, top + HEIGHT - 2.5 - 3.6, width=5, size=7)


def _name_size(pdf, name, width):
    for size, most in NAME_SIZES:
        if len(_lines(pdf, name, width, size, bold=True)) <= most:
            return size, most
    return NAME_SIZES[-1]


def _emblem(pdf, x, y, colour):
    """The expo's emblem, 9 mm: a white disc, a ring in the band's colour, a red star."""
    scale = 9 / 40
    pdf.set_fill_color(*WHITE)
    pdf.circle(x + 20 * scale, y + 20 * scale, 18 * scale, style="F")
    pdf.set_draw_color(*colour)
    pdf.set_line_width(2 * scale)
    pdf.circle(x + 20 * scale, y + 20 * scale, 15 * scale, style="D")
    star = ((20, 8), (23, 17), (32, 17), (25, 23), (28, 32), (20, 26), (12, 32), (15, 23), (8, 17), (17, 17))
    pdf.set_fill_color(*RED)
    pdf.polygon([(x + px * scale, y + py * scale) for px, py in star], style="F")


def _photo(pdf, badge, left, top):
    x, y, width, height = PHOTO
    x, y = left + x, top + y
    data = badge.photo
    if data:
        from PIL import Image

        pixels_wide, pixels_high = Image.open(io.BytesIO(data)).size
        # Cover the frame (CSS object-fit: cover): scale to fill it, centred, the overflow clipped.
        scale = max(width / pixels_wide, height / pixels_high)
        wide, high = pixels_wide * scale, pixels_high * scale
        with pdf.rect_clip(x, y, width, height):
            pdf.image(io.BytesIO(data), x - (wide - width) / 2, y - (high - height) / 2, wide, high)
        return
    pdf.set_fill_color(*PLACEHOLDER)
    pdf.rect(x, y, width, height, style="F")
    pdf.set_draw_color(136, 136, 136)
    pdf.set_line_width(0.5 * PT)
    pdf.set_dash_pattern(dash=1, gap=0.7)
    pdf.rect(x + 0.1, y + 0.1, width - 0.2, height - 0.2, style="D")
    pdf.set_dash_pattern()
    _line(pdf, x + 1, y + 12, width - 2, _("No photo"), size=6, colour=(85, 85, 85), align="C")


def _country(pdf, badge, x, y, width):
    """The country's code in a black chip, then its name, both in capitals."""
    pdf.set_font(FONT, "B", 6.5)
    pdf.set_char_spacing(0.05 * 6.5)
    chip = _width(pdf, badge.country_code) + 2
    pdf.set_char_spacing(0)
    pdf.set_fill_color(*INK)
    pdf.rect(x, y, chip, 6.5 * PT * 1.4, style="F")
    _line(pdf, x + 1, y + 0.3, chip, badge.country_code, size=6.5, bold=True, colour=WHITE, spacing=0.05)
    name = str(badge.member.delegation.country.name).upper()
    _line(pdf, x + chip + 1.2, y + 0.1, width - chip - 1.2, name, size=7.5, bold=True)


def _zones(pdf, zones, x, y, *, width, size, labels=False, leading=0):
    """Each zone's letter in a box; with `labels`, one a line with its name after it."""
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.6 * PT)
    pdf.set_dash_pattern()
    height = size * PT * 1.35
    for code, label in zones:
        pdf.rect(x, y, width, height, style="D")
        _line(pdf, x, y + 0.15, width, code, size=size, bold=True, align="C")
        if labels:
            _line(pdf, x + width + 1, y + 0.15, BACK_TEXT[2] - width - 1, str(label), size=size)
            y += leading
        else:
            x += width + 1


def _back(pdf, badge, left, top):
    member, edition = badge.member, badge.member.delegation.edition
    pdf.image(badge.qr, left + 3, top + 5, 36, 36)
    x, y, width = BACK_TEXT
    x, y = left + x, top + y
    y = _paragraph(pdf, x, y, width, edition.name, size=7, most=3, bold=True)
    days = f"{formatted(edition.start_date)} – {formatted(edition.end_date)}"
    _line(pdf, x, y, width, days, size=7)
    y += 7 * PT * 1.2 + 1
    _line(pdf, x, y, width, member.badge_code, size=8, bold=True, spacing=0.08)
    y += 8 * PT * 1.2 + 2
    _zones(pdf, badge.zones, x, y, width=4, size=6, labels=True, leading=6 * PT * 1.5 + 0.4)
