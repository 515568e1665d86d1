"""An invented but plausible plan of Gia Lam airfield for the demo edition (labelled demo).

Not the real layout: three halls along the north apron, the L-shaped outdoor static park,
the flying-display line on the runway to the south, the ground-demonstration area, the
seminar hall and press centre to the east, gates, parking and services. Every demo stand is
placed in its venue's grid; a few aircraft and vehicles are pinned inside their plots.
"""

from common import demo_registry
from exhibitors.models import Product, Stand
from siteplan.models import DisplayArea, ExhibitPin, PointOfInterest, SitePlan, StandPlacement, VenueOutline

WIDTH, DEPTH = 720.0, 430.0


def _rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


OUTLINES = {
    "hall-a": _rect(60, 60, 200, 160),
    "hall-b": _rect(230, 60, 370, 160),
    "hall-c": _rect(400, 60, 540, 160),
    "static-display": [[60, 190], [560, 190], [560, 60], [640, 60], [640, 260], [60, 260]],
    "flight-line": _rect(40, 370, 680, 410),
    "demonstration-ground": _rect(60, 285, 220, 345),
    "conference-hall": _rect(660, 60, 705, 115),
    "press-centre": _rect(660, 135, 705, 185),
}

# Where stands go in each venue: rectangles filled row by row with stands of the given size.
# venue slug: (stand width, depth, aisle, [blocks as (x0, y0, x1, y1)])
GRIDS = {
    "hall-a": (12, 8, 4, [(64, 64, 196, 156)]),
    "hall-b": (12, 8, 4, [(234, 64, 366, 156)]),
    "hall-c": (12, 8, 4, [(404, 64, 536, 156)]),
    "static-display": (40, 26, 5, [(64, 194, 556, 256), (564, 64, 636, 186)]),
    "conference-hall": (6, 4, 2, [(662, 62, 703, 113)]),
    "press-centre": (6, 4, 2, [(662, 137, 703, 183)]),
    "flight-line": (20, 10, 5, [(45, 372, 675, 408)]),
    "demonstration-ground": (20, 10, 5, [(62, 287, 218, 343)]),
}

POINTS = [
    ("entrance", "Cổng chính (cổng số 1)", "Main gate (gate 1)", 300, 30),
    ("entrance", "Cổng số 2 (phía đông)", "Gate 2 (east)", 712, 300),
    ("parking", "Bãi đỗ xe P1", "Car park P1", 120, 22),
    ("parking", "Bãi đỗ xe P2 (khách mời)", "Car park P2 (guests)", 600, 22),
    ("shuttle", "Điểm đón xe buýt", "Shuttle stop", 380, 22),
    ("info", "Quầy thông tin", "Information desk", 300, 48),
    ("first-aid", "Trạm y tế", "First aid post", 385, 176),
    ("food", "Khu ẩm thực", "Food court", 215, 176),
    ("toilets", "Nhà vệ sinh", "Toilets", 385, 110),
    ("toilets", "Nhà vệ sinh", "Toilets", 300, 275),
    ("vip", "Phòng khách VIP", "VIP lounge", 682, 215),
    ("media", "Vị trí tác nghiệp báo chí", "Media position", 460, 355),
]

AREAS = [
    # venue slug, kind, name vi, name en, outline
    ("flight-line", DisplayArea.Kind.DISPLAY, "Đường băng trình diễn", "Display runway", _rect(40, 370, 680, 410)),
    (
        "flight-line",
        DisplayArea.Kind.VIEWING,
        "Khán đài xem bay",
        "Flying-display viewing stands",
        _rect(240, 350, 640, 366),
    ),
    (
        "demonstration-ground",
        DisplayArea.Kind.DISPLAY,
        "Bãi trình diễn",
        "Demonstration field",
        _rect(60, 285, 220, 345),
    ),
    (
        "demonstration-ground",
        DisplayArea.Kind.VIEWING,
        "Khu xem trình diễn",
        "Demonstration viewing area",
        _rect(228, 290, 268, 345),
    ),
]

PINNED_CATEGORIES = ["fighter-aircraft", "helicopters", "tanks", "armoured-vehicles", "self-propelled-artillery"]


def grid_slots(width, depth, aisle, blocks):
    """Centres of stand slots, block by block, row by row (west to east, north to south)."""
    for x0, y0, x1, y1 in blocks:
        y = y0
        while y + depth <= y1 + 0.01:
            x = x0
            while x + width <= x1 + 0.01:
                yield (x + width / 2, y + depth / 2)
                x += width + aisle
            y += depth + aisle


def _place_stands(edition):
    placed = 0
    stands = Stand.objects.filter(edition=edition).select_related("venue").order_by("venue__order", "code")
    by_venue = {}
    for stand in stands:
        by_venue.setdefault(stand.venue.slug, []).append(stand)
    for slug, venue_stands in by_venue.items():
        width, depth, aisle, blocks = GRIDS.get(slug, GRIDS["hall-a"])
        for stand, (cx, cy) in zip(venue_stands, grid_slots(width, depth, aisle, blocks), strict=False):
            StandPlacement.objects.update_or_create(
                stand=stand, defaults={"x": cx, "y": cy, "width": width, "depth": depth, "rotation": 0, "polygon": None}
            )
            placed += 1
    return placed


def _pin_exhibits(edition):
    pinned = 0
    plots = {
        placement.stand.exhibitor_id: placement
        for placement in StandPlacement.objects.filter(
            stand__edition=edition, stand__venue__slug="static-display"
        ).select_related("stand")
    }
    products = (
        Product.objects.published()
        .filter(exhibitor_id__in=plots, category__slug__in=PINNED_CATEGORIES)
        .order_by("exhibitor_id", "slug")
    )
    per_plot = {}
    for product in products:
        number = per_plot.get(product.exhibitor_id, 0)
        if number >= 2 or pinned >= 8:
            continue
        per_plot[product.exhibitor_id] = number + 1
        plot = plots[product.exhibitor_id]
        # Two exhibits side by side in the plot, a quarter of its width from either end.
        offset = plot.width / 4 * (-1 if number == 0 else 1)
        ExhibitPin.objects.update_or_create(
            edition=edition, product=product, defaults={"x": plot.x + offset, "y": plot.y}
        )
        pinned += 1
    return pinned


@demo_registry.register(order=35, label="Site plan of the airfield (invented)")
def load_site_plan(*, edition, progress):
    SitePlan.objects.update_or_create(edition=edition, defaults={"width": WIDTH, "depth": DEPTH})
    venues = {venue.slug: venue for venue in edition.venues.all()}
    for slug, points in OUTLINES.items():
        if slug in venues:
            VenueOutline.objects.update_or_create(venue=venues[slug], defaults={"points": points})
    PointOfInterest.objects.filter(edition=edition).delete()
    PointOfInterest.objects.bulk_create(
        PointOfInterest(edition=edition, kind=kind, name_vi=name_vi, name_en=name_en, x=x, y=y)
        for kind, name_vi, name_en, x, y in POINTS
    )
    DisplayArea.objects.filter(venue__edition=edition).delete()
    DisplayArea.objects.bulk_create(
        DisplayArea(venue=venues[slug], kind=kind, name_vi=name_vi, name_en=name_en, points=points)
        for slug, kind, name_vi, name_en, points in AREAS
        if slug in venues
    )
    placed = _place_stands(edition)
    pinned = _pin_exhibits(edition)
    return f"{len(OUTLINES)} venue outlines, {len(POINTS)} points, {placed} stands placed, {pinned} exhibits pinned"
