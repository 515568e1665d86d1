"""Walking routes between engagements on the plan, for the protocol team's printouts.

The site plan never imports delegations: callers pass their engagements as plain objects with
`counterpart`, `venue_id`, `start`, `end` and `title`, and read back stops and legs. A stand
visit is placed on the stand whose code or exhibitor name its counterpart gives (accents and
case ignored); anything else at the centre of its venue; what cannot be placed is left out.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from common.text import fold
from exhibitors.models import Stand
from expo.models import Venue
from siteplan import geometry
from siteplan.models import SitePlan


@dataclass
class Stop:
    number: int
    entry: object
    point: tuple
    where: object  # a stand code (str) or a Venue, named in the language of the page that shows it

    @property
    def place(self):
        if isinstance(self.where, str):
            return _("Stand %(code)s") % {"code": self.where}
        return str(self.where)

    @property
    def cx(self):
        return f"{self.point[0]:.1f}"

    @property
    def cy(self):
        return f"{self.point[1]:.1f}"


@dataclass
class Leg:
    first: Stop
    second: Stop
    metres: float
    minutes: int  # estimated walk, rounded up
    gap_minutes: int | None  # time between the end of the first and the start of the second

    @property
    def too_tight(self):
        return self.gap_minutes is not None and self.gap_minutes < self.minutes


@dataclass
class Route:
    stops: list
    legs: list
    view_box: str = ""
    venues: list = None

    @property
    def metres(self):
        return sum(leg.metres for leg in self.legs)

    @property
    def minutes(self):
        return sum(leg.minutes for leg in self.legs)

    @property
    def polyline(self):
        return geometry.svg_points([stop.point for stop in self.stops])


class Locator:
    """Where engagements take place on `edition`'s plan (two queries, then lookups in memory)."""

    def __init__(self, edition):
        self.by_name = {}
        for stand in Stand.objects.filter(edition=edition, placement__isnull=False).select_related(
            "placement", "exhibitor"
        ):
            place = (geometry.centre(stand.placement.outline), stand.code)
            self.by_name.setdefault(fold(stand.code), place)
            self.by_name.setdefault(fold(stand.exhibitor.name), place)
        self.venues = {}
        for venue in Venue.objects.filter(edition=edition, outline__isnull=False).select_related("outline"):
            points = geometry.as_points(venue.outline.points)
            self.venues[venue.pk] = (geometry.centre(points), venue, points)

    def locate(self, entry):
        counterpart = fold(getattr(entry, "counterpart", "") or "")
        if counterpart in self.by_name:
            return self.by_name[counterpart]
        for name, place in self.by_name.items():
            # "Visit to Công ty Sông Hồng (stand A-09)" names the stand inside a longer text.
            if counterpart and len(name) > 3 and name in counterpart:
                return place
        venue = self.venues.get(getattr(entry, "venue_id", None))
        return (venue[0], venue[1]) if venue else None


def legs_between(stops):
    """The walks between consecutive stops; the time between them where their entries have times."""
    legs = []
    for first, second in zip(stops, stops[1:], strict=False):
        metres, seconds = geometry.walk(first.point, second.point)
        gap = None
        if getattr(first.entry, "end", None) and getattr(second.entry, "start", None):
            gap = math.floor((second.entry.start - first.entry.end).total_seconds() / 60)
        legs.append(Leg(first, second, metres, math.ceil(seconds / 60), gap))
    return legs


def walking_route(edition, entries):
    """The stops of `entries` (in time order) that can be placed, and the walks between them."""
    locator = Locator(edition)
    stops = []
    for entry in sorted(entries, key=lambda e: e.start):
        place = locator.locate(entry)
        if place is not None:
            stops.append(Stop(len(stops) + 1, entry, place[0], place[1]))
    route = Route(
        stops=stops, legs=legs_between(stops), venues=[geometry.svg_points(v[2]) for v in locator.venues.values()]
    )
    size = SitePlan.objects.filter(edition=edition).values_list("width", "depth").first()
    width, depth = size or (1000.0, 1000.0)
    route.view_box = f"0 0 {width:.1f} {depth:.1f}"
    return route


def tight_walks(edition, entries, *, key):
    """Legs between consecutive engagements of the same party (`key(entry)`), on the same day,
    that leave less time than the walk takes."""
    locator = Locator(edition)
    by_party = {}
    for entry in sorted(entries, key=lambda e: e.start):
        by_party.setdefault(key(entry), []).append(entry)
    warnings = []
    for party_entries in by_party.values():
        stops = []
        for entry in party_entries:
            place = locator.locate(entry)
            if place is not None:
                stops.append(Stop(len(stops) + 1, entry, place[0], place[1]))
        for leg in legs_between(stops):
            same_day = (
                leg.first.entry.end.astimezone(edition.tz).date()
                == leg.second.entry.start.astimezone(edition.tz).date()
            )
            if same_day and leg.too_tight and leg.gap_minutes >= 0:
                warnings.append(leg)
    return warnings
