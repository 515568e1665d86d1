"""Reads of the site plan shared by the map page, its PDFs, the API and the small plans.

`site_plan(edition, …)` answers one question — everything drawn on the plan — in a fixed
number of queries whatever the number of stands: venues, points, stands (with the search,
sector and highlight flags computed by the database), pins, display areas and the sector
legend each in one query.
"""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery

from common import clock
from common.text import translated
from exhibitors.models import Exhibitor, Product, Sector, Stand
from exhibitors.models.exhibitor import matching, search_words
from exhibitors.selectors import stands_at
from expo.models import ProgrammeItem, Venue
from siteplan import geometry
from siteplan.models import DisplayArea, ExhibitPin, PointOfInterest, SitePlan

DEMONSTRATION_TYPES = [ProgrammeItem.Type.FLYING_DISPLAY, ProgrammeItem.Type.DEMONSTRATION]


@dataclass
class Shape:
    key: str
    label: str
    points: list
    url: str = ""
    code: str = ""
    kind: str = ""
    sector: int = 0  # position of the exhibitor's first sector in the legend (1-based), 0 for none
    highlighted: bool = False
    dimmed: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def centre(self):
        return geometry.centre(self.points)

    @property
    def cx(self):
        # Formatted here, not with floatformat: Vietnamese number format writes a decimal comma.
        return f"{self.centre[0]:.1f}"

    @property
    def cy(self):
        return f"{self.centre[1]:.1f}"

    @property
    def label_y(self):
        return f"{self.centre[1] - 6:.1f}"

    @property
    def svg_points(self):
        return geometry.svg_points(self.points)


@dataclass
class Plan:
    edition: object
    width: float
    depth: float
    venues: list
    stands: list
    pins: list
    points: list
    areas: list
    sectors: list
    next_change: object = None  # when the next demonstration starts: the drawing changes then

    def stands_by_venue(self):
        grouped = {venue.key: (venue, []) for venue in self.venues}
        for stand in self.stands:
            grouped.setdefault(stand.extra["venue"], (None, []))[1].append(stand)
        return [(venue, stands) for venue, stands in grouped.values() if venue is not None]

    @property
    def highlighted(self):
        return [shape for shape in self.stands + self.pins + self.points if shape.highlighted]


def _first_sector():
    through = Exhibitor.sectors.through.objects.filter(exhibitor_id=OuterRef("exhibitor_id"))
    return Subquery(through.order_by("sector__order", "sector__slug").values("sector_id")[:1])


def _stands(edition, *, q, sector, stand, exhibitor):
    rows = (
        Stand.objects.filter(edition=edition, placement__isnull=False)
        .select_related("placement", "exhibitor", "venue")
        .annotate(first_sector=_first_sector())
        .order_by("venue__order", "code")
    )
    flags = {}
    if q:
        words = search_words(q)
        by_code = Q(code__iexact=q.strip()) | Q(code__istartswith=q.strip()) if q.strip() else Q(pk__in=[])
        flags["found"] = by_code | (matching(words, "exhibitor__search_text") if words else Q(pk__in=[]))
    if stand:
        flags["target"] = Q(code__iexact=stand)
    if exhibitor:
        flags["target"] = Q(exhibitor__slug=exhibitor)
    if sector:
        through = Exhibitor.sectors.through.objects.filter(exhibitor_id=OuterRef("exhibitor_id"), sector__slug=sector)
        rows = rows.annotate(in_sector=Exists(through))
    for name, condition in flags.items():
        rows = rows.annotate(**{name: ExpressionWrapper(condition, output_field=BooleanField())})
    return rows


def site_plan(edition, *, q="", sector="", stand="", exhibitor="", exhibit="", point="", now=None):
    """Everything drawn on `edition`'s plan, with the requested stand, exhibit or point (its
    primary key, as the visitor information page links it) highlighted."""
    size = SitePlan.objects.filter(edition=edition).values_list("width", "depth").first()
    venues = [
        Shape(
            key=venue.pk,
            label=venue.name,
            code=venue.code,
            kind=venue.kind,
            points=geometry.as_points(venue.outline.points),
            extra={"slug": venue.slug},
        )
        for venue in Venue.objects.filter(edition=edition, outline__isnull=False).select_related("outline")
    ]
    sectors = list(Sector.objects.only("slug", "name_vi", "name_en", "order"))
    sector_index = {item.pk: number for number, item in enumerate(sectors, start=1)}
    stands = []
    for row in _stands(edition, q=q, sector=sector, stand=stand, exhibitor=exhibitor):
        found = getattr(row, "found", None)
        stands.append(
            Shape(
                key=row.pk,
                label=row.exhibitor.name,
                code=row.code,
                points=row.placement.outline,
                url=row.exhibitor.get_absolute_url(),
                sector=sector_index.get(row.first_sector, 0),
                highlighted=bool(getattr(row, "target", False) or found),
                dimmed=(sector and not row.in_sector) or (found is False),
                extra={"venue": row.venue_id, "exhibitor": row.exhibitor.slug, "venue_code": row.venue.code},
            )
        )
    pins = [
        Shape(
            key=pin.pk,
            label=pin.product.name,
            points=[(pin.x, pin.y)],
            url=pin.product.get_absolute_url(),
            highlighted=bool(exhibit) and pin.product.slug == exhibit,
            extra={"exhibit": pin.product.slug, "exhibitor": pin.product.exhibitor_id},
        )
        for pin in ExhibitPin.objects.filter(edition=edition, product__is_published=True)
        .select_related("product")
        .order_by("product__name_vi")
    ]
    if exhibit:
        # An exhibit without a pin is shown by its exhibitor's stand.
        owner = Product.objects.published().filter(slug=exhibit).values_list("exhibitor__slug", flat=True)
        if not any(pin.highlighted for pin in pins):
            owners = set(owner)
            for shape in stands:
                shape.highlighted = shape.highlighted or shape.extra["exhibitor"] in owners
    points = [
        Shape(
            key=row.pk,
            label=row.name,
            kind=row.kind,
            points=[(row.x, row.y)],
            highlighted=str(row.pk) == point,
            extra={"kind_label": row.get_kind_display()},
        )
        for row in PointOfInterest.objects.filter(edition=edition)
    ]
    width, depth = size or _fallback_size(venues, stands)
    areas, next_change = area_states(edition, now=now)
    return Plan(
        edition=edition,
        width=width,
        depth=depth,
        venues=venues,
        stands=stands,
        pins=pins,
        points=points,
        areas=areas,
        sectors=sectors,
        next_change=next_change,
    )


def seconds_until_change(plan):
    """How long a drawing of `plan` stays true (None: until an edit). A display area is marked
    only while its demonstration lasts: a kept copy must not outlive the end of one, nor miss
    the start of the next."""
    changes = [area.extra["until"] for area in plan.areas]
    if plan.next_change is not None:
        changes.append(plan.next_change)
    if not changes:
        return None
    return max(1, min(int((moment - clock.now()).total_seconds()) for moment in changes))


def _fallback_size(venues, stands):
    every = [point for shape in venues + stands for point in shape.points]
    if not every:
        return 100.0, 100.0
    _, _, max_x, max_y = geometry.bounds(every)
    return max_x + 10, max_y + 10


def area_states(edition, *, now=None):
    """(areas drawn now, when the next demonstration starts or None), in one query.

    An area is drawn while its venue holds a published flying or ground demonstration; the
    current item's end and title and the next item's start come from correlated subqueries.
    """
    now = now or clock.now()
    demonstrations = (
        ProgrammeItem.objects.published().active().filter(venue=OuterRef("venue"), type__in=DEMONSTRATION_TYPES)
    )
    running = demonstrations.filter(start__lte=now, end__gt=now).order_by("-end")
    areas = DisplayArea.objects.filter(venue__edition=edition).annotate(
        until=Subquery(running.values("end")[:1]),
        item_title_vi=Subquery(running.values("title_vi")[:1]),
        item_title_en=Subquery(running.values("title_en")[:1]),
        next_start=Subquery(demonstrations.filter(start__gt=now).order_by("start").values("start")[:1]),
    )
    result, upcoming = [], []
    for area in areas:
        if area.next_start is not None:
            upcoming.append(area.next_start)
        if area.until is None:
            continue
        title = translated(area, "item_title")
        result.append(
            Shape(
                key=area.pk,
                label=area.name,
                kind=area.kind,
                points=geometry.as_points(area.points),
                extra={"until": area.until.astimezone(edition.tz), "title": title},
            )
        )
    return result, min(upcoming, default=None)


def focus_box(plan, margin=30.0):
    """The viewBox (x, y, w, h) that centres the highlighted shapes, or the whole site."""
    shapes = plan.highlighted
    if not shapes:
        return (0.0, 0.0, plan.width, plan.depth)
    min_x, min_y, max_x, max_y = geometry.bounds([p for shape in shapes for p in shape.points])
    span = max(max_x - min_x, max_y - min_y) + 2 * margin
    span = max(span, 140.0)
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    # Keep the site's aspect ratio so the zoomed view fills the same frame.
    ratio = plan.depth / plan.width
    width, height = (span, span * ratio) if ratio <= 1 else (span / ratio, span)
    return (cx - width / 2, cy - height / 2, width, height)


def stand_for_code(edition, code):
    """The placed stand with `code` (case-blind) in `edition`, with its exhibitor, or None."""
    return (
        stands_at(edition)
        .filter(code__iexact=code)
        .select_related("exhibitor", "placement")
        .prefetch_related("exhibitor__sectors")
        .first()
    )


def unplaced_stands(edition):
    return stands_at(edition).filter(placement__isnull=True).select_related("exhibitor")
