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

from common.cache import bump_content_version
from siteplan import imports
from siteplan.models import PointOfInterest, VenueOutline

SVG = "{http://www.w3.org/2000/svg}"
KINDS = set(PointOfInterest.Kind.values)


@dataclass
class Drawing:
    outlines: dict = field(default_factory=dict)  # venue -> [(x, y), …]
    points: list = field(default_factory=list)  # (kind, name_vi, name_en, x, y)
    errors: list = field(default_factory=list)  # (where, message)

    @property
    def ok(self):
        return not self.errors and bool(self.outlines or self.points)


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
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text or "")]
    return list(zip(numbers[0::2], numbers[1::2], strict=False))


def read_svg(data, edition):
    drawing = Drawing()
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except Exception as exc:  # defusedxml and expat raise several kinds for hostile or broken XML
        drawing.errors.append(("SVG", _("The file is not a readable SVG drawing.")))
        del exc
        return drawing
    venues = _venue_lookup(edition)
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        ident = (element.get("id") or "").strip()
        try:
            if tag in ("polygon", "polyline") and ident:
                points = _points_attr(element.get("points"))
            elif tag == "rect" and ident:
                x, y = _float(element.get("x", 0)), _float(element.get("y", 0))
                w, h = _float(element.get("width")), _float(element.get("height"))
                points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            elif tag == "circle" and element.get("class", "").strip() in KINDS:
                title = element.find(f"{SVG}title")
                if title is None:
                    title = element.find("title")
                names = [part.strip() for part in (title.text if title is not None else "").split("|")]
                if not names[0]:
                    drawing.errors.append(
                        (f"circle {element.get('class')}", _("A point needs a <title> with its name."))
                    )
                    continue
                drawing.points.append(
                    (
                        element.get("class").strip(),
                        names[0],
                        names[1] if len(names) > 1 else "",
                        _float(element.get("cx")),
                        _float(element.get("cy")),
                    )
                )
                continue
            else:
                continue
        except (TypeError, ValueError):
            drawing.errors.append((f"{tag} {ident}", _("A coordinate is not a number.")))
            continue
        venue = venues.get(ident.casefold())
        if venue is None:
            continue  # other shapes of the drawing (roads, labels) are not venues
        if len(points) < 3:
            drawing.errors.append((ident, _("An outline needs at least three corners.")))
            continue
        drawing.outlines[venue] = points
    return drawing


def read_csv(data, edition):
    drawing = Drawing()
    try:
        table = imports.read_table(data, "outlines.csv")
    except imports.UnreadableFile as exc:
        drawing.errors.append(("", str(exc)))
        return drawing
    header = [imports._header(cell) for cell in table[0]]
    venues = _venue_lookup(edition)
    for number, cells in enumerate(table[1:], start=2):
        row = dict(zip(header, cells, strict=False))
        feature = imports._text(row.get("feature")).casefold()
        if not feature:
            continue
        try:
            x, y = _float(row.get("x")), _float(row.get("y"))
        except (TypeError, ValueError):
            drawing.errors.append((str(number), _("x and y must be numbers.")))
            continue
        if feature == "point":
            kind = imports._text(row.get("kind"))
            name_vi = imports._text(row.get("name_vi"))
            if kind not in KINDS or not name_vi:
                drawing.errors.append((str(number), _("A point needs a known kind and a Vietnamese name.")))
                continue
            drawing.points.append((kind, name_vi, imports._text(row.get("name_en")), x, y))
        elif feature in venues:
            drawing.outlines.setdefault(venues[feature], []).append((x, y))
        else:
            drawing.errors.append((str(number), _("No venue “%(name)s” at this edition.") % {"name": feature}))
    for venue, points in drawing.outlines.items():
        if len(points) < 3:
            drawing.errors.append((venue.slug, _("An outline needs at least three corners.")))
    return drawing


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
    transaction.on_commit(bump_content_version)
