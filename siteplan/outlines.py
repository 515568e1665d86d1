"""Venue outlines and points of interest from an SVG drawing or a coordinate file.

SVG (user units are metres, origin at the plan's north-west corner): a `<polygon>`,
`<polyline>` or `<rect>` whose `id` is a venue's slug or code gives that venue's outline; a
`<circle>` whose `class` is a point kind (entrance, parking, …) is a point of interest, named
by its `<title>` as “Vietnamese name | English name”. Transforms are not applied: export the
drawing flattened.

CSV: columns `feature, kind, name_vi, name_en, x, y`. Rows whose feature is a venue's slug or
code are that venue's outline corners in order; rows whose feature is `point` are points of
interest. All or nothing: any bad element and nothing is saved.
"""

import re
from dataclasses import dataclass, field

from defusedxml import ElementTree
from django.db import transaction
from django.utils.translation import gettext as _

from common.cache import written
from common.text import nfc
from siteplan import geometry, imports
from siteplan.models import PointOfInterest, VenueOutline, plan_box

SVG = "{http://www.w3.org/2000/svg}"
KINDS = set(PointOfInterest.Kind.values)
NAME_LENGTH = PointOfInterest._meta.get_field("name").max_length
# A file with thousands of wrong elements is not listed in full: the first errors say enough.
MAX_ERRORS = 100


class TooManyErrors(Exception):
    pass


@dataclass
class Drawing:
    outlines: dict = field(default_factory=dict)  # venue -> [(x, y), …]
    points: list = field(default_factory=list)  # (kind, name_vi, name_en, x, y)
    errors: list = field(default_factory=list)  # (where, message)

    @property
    def ok(self):
        return not self.errors and bool(self.outlines or self.points)

    def error(self, where, message):
        self.errors.append((where, message))
        if len(self.errors) >= MAX_ERRORS:
            self.errors.append(("…", _("More errors are not listed: correct these first.")))
            raise TooManyErrors


def _float(text):
    return imports._number(text)


def _venue_lookup(edition):
    venues = {}
    for venue in edition.venues.all():
        venues[venue.slug.casefold()] = venue
        if venue.code:
            venues[venue.code.casefold()] = venue
    return venues


def _points_attr(text):
    """The corners of a `points` attribute; ValueError past MAX_CORNERS or for a number that is
    not finite (`1e999`), before the rest of a long attribute is read."""
    numbers = []
    for match in re.finditer(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text or ""):
        if len(numbers) >= 2 * geometry.MAX_CORNERS:
            raise OverflowError
        numbers.append(_float(match[0]))
    return list(zip(numbers[0::2], numbers[1::2], strict=False))


def _names(element):
    """(name_vi, name_en) from a point's <title> “Vietnamese | English”; text only, so a child
    element (an XInclude, markup) adds nothing."""
    title = element.find(f"{SVG}title")
    if title is None:
        title = element.find("title")
    names = [part.strip() for part in "".join(title.itertext() if title is not None else "").split("|")]
    return nfc(names[0]), nfc(names[1] if len(names) > 1 else "")


def _check_point(drawing, where, kind, name_vi, name_en, x, y, box):
    if kind not in KINDS or not name_vi:
        drawing.error(where, _("A point needs a known kind and a Vietnamese name."))
    elif max(len(name_vi), len(name_en)) > NAME_LENGTH:
        drawing.error(where, _("A point's name has at most %(count)s characters.") % {"count": NAME_LENGTH})
    elif not geometry.within([(x, y)], box):
        drawing.error(where, imports.off_plan_message(box))
    elif len(drawing.points) >= geometry.MAX_POINTS:
        drawing.error(where, _("A plan has at most %(count)s points.") % {"count": geometry.MAX_POINTS})
    else:
        drawing.points.append((kind, name_vi, name_en, x, y))


def _check_outlines(drawing, box):
    for venue, points in drawing.outlines.items():
        if len(points) < 3:
            drawing.error(venue.slug, _("An outline needs at least three corners."))
        elif len(points) > geometry.MAX_CORNERS:
            drawing.error(venue.slug, _too_many_corners())
        elif not geometry.within(points, box):
            drawing.error(venue.slug, imports.off_plan_message(box))


def _too_many_corners():
    return _("An outline has at most %(count)s corners.") % {"count": geometry.MAX_CORNERS}


def read_svg(data, edition):
    drawing = Drawing()
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except Exception as exc:  # defusedxml and expat raise several kinds for hostile or broken XML
        drawing.errors.append(("SVG", _("The file is not a readable SVG drawing.")))
        del exc
        return drawing
    venues = _venue_lookup(edition)
    box = plan_box(edition.pk)
    try:
        for element in root.iter():
            _read_element(drawing, element, venues, box)
        _check_outlines(drawing, box)
    except TooManyErrors:
        pass
    return drawing


def _read_element(drawing, element, venues, box):
    tag = element.tag.removeprefix(SVG) if isinstance(element.tag, str) else ""
    ident = (element.get("id") or "").strip()
    where = f"{tag} {imports.shown(ident)}".strip()
    try:
        if tag in ("polygon", "polyline") and ident:
            points = _points_attr(element.get("points"))
        elif tag == "rect" and ident:
            x, y = _float(element.get("x", 0)), _float(element.get("y", 0))
            w, h = _float(element.get("width")), _float(element.get("height"))
            points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        elif tag == "circle" and element.get("class", "").strip() in KINDS:
            kind = element.get("class").strip()
            x, y = _float(element.get("cx")), _float(element.get("cy"))
            _check_point(drawing, f"circle {kind}", kind, *_names(element), x, y, box)
            return
        else:
            return
    except OverflowError:
        drawing.error(where, _too_many_corners())
        return
    except (TypeError, ValueError):
        drawing.error(where, _("A coordinate is not a number."))
        return
    venue = venues.get(ident.casefold())
    if venue is not None:  # other shapes of the drawing (roads, labels) are not venues
        drawing.outlines[venue] = points


def read_csv(data, edition):
    drawing = Drawing()
    try:
        table = imports.read_table(data, "outlines.csv")
    except imports.UnreadableFile as exc:
        drawing.errors.append(("", str(exc)))
        return drawing
    header = [imports._header(cell) for cell in table[0]]
    venues = _venue_lookup(edition)
    box = plan_box(edition.pk)
    try:
        for number, cells in enumerate(table[1:], start=2):
            _read_row(drawing, str(number), dict(zip(header, cells, strict=False)), venues, box)
        _check_outlines(drawing, box)
    except TooManyErrors:
        pass
    return drawing


def _read_row(drawing, number, row, venues, box):
    feature = imports._text(row.get("feature")).casefold()
    if not feature:
        return
    try:
        x, y = _float(row.get("x")), _float(row.get("y"))
    except (TypeError, ValueError):
        drawing.error(number, _("x and y must be numbers."))
        return
    if feature == "point":
        kind = imports._text(row.get("kind"))
        names = imports._text(row.get("name_vi")), imports._text(row.get("name_en"))
        _check_point(drawing, number, kind, *names, x, y, box)
    elif feature in venues:
        corners = drawing.outlines.setdefault(venues[feature], [])
        if len(corners) <= geometry.MAX_CORNERS:  # one past the limit is enough to refuse it
            corners.append((x, y))
    else:
        drawing.error(number, _("No venue “%(name)s” at this edition.") % {"name": imports.shown(feature)})


def read_drawing(data, filename, edition):
    if len(data) > imports.MAX_BYTES:
        return Drawing(errors=[("", _("The file is larger than 5 MB."))])
    head = data.lstrip()[:200].lower()
    if filename.lower().endswith(".svg") or head.startswith(b"<?xml") or head.startswith(b"<svg"):
        return read_svg(data, edition)
    return read_csv(data, edition)


@transaction.atomic
def save_drawing(*, edition, drawing):
    """Replace the outlines of the venues in `drawing` and, if it has points, every point."""
    for venue, points in drawing.outlines.items():
        VenueOutline.objects.update_or_create(venue=venue, defaults={"points": [[x, y] for x, y in points]})
    if drawing.points:
        PointOfInterest.objects.filter(edition=edition).delete()
        PointOfInterest.objects.bulk_create(
            PointOfInterest(edition=edition, kind=kind, name_vi=vi, name_en=en, x=x, y=y)
            for kind, vi, en, x, y in drawing.points
        )
    written(PointOfInterest)  # bulk writes send no post_save: the cache contract moves the version
