"""Way-finding for every visitor: from here to there, and the nearest service, on the public map.

One engine with the protocol team's routes (siteplan/routes.py): the same walking estimate
(geometry.walk) and the same stops and legs. Places come from a plan already read for the page
(selectors.site_plan), so finding the way costs no query of its own. A place is named by a key
the map's links and the stand cards print: a stand's code ("A-08"), "point:<id>" for a service,
"venue:<slug>" for a hall or area.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from common.text import fold
from siteplan import geometry
from siteplan.models import PointOfInterest
from siteplan.routes import Route, Stop, legs_between

# What "nearest" finds, as the visitor asks for it: (key, label, the kinds of point that answer).
NEAREST = [
    ("toilets", _("Toilets"), [PointOfInterest.Kind.TOILETS]),
    ("exit", _("Exits and gates"), [PointOfInterest.Kind.EXIT, PointOfInterest.Kind.ENTRANCE]),
    ("first-aid", _("First aid"), [PointOfInterest.Kind.FIRST_AID]),
    ("food", _("Food and drink"), [PointOfInterest.Kind.FOOD]),
    ("gate", _("Gates"), [PointOfInterest.Kind.ENTRANCE]),
    ("info", _("Information"), [PointOfInterest.Kind.INFORMATION]),
]
NEAREST_KINDS = {key: kinds for key, _label, kinds in NEAREST}


@dataclass
class Place:
    key: str
    label: str
    point: tuple
    kind: str = ""  # a point's kind (toilets, first-aid…); "" for stands and venues

    # Stops of the shared engine carry an entry with a time; a place on the map has none.
    start = None
    end = None

    @property
    def title(self):
        return self.label

    @property
    def cx(self):
        return f"{self.point[0]:.1f}"

    @property
    def cy(self):
        return f"{self.point[1]:.1f}"


def places(plan):
    """Every place of `plan` by key: stands by code, services as point:<id>, venues as venue:<slug>."""
    found = {}
    for stand in plan.stands:
        found[stand.code] = Place(stand.code, _stand_label(stand), stand.centre)
    for point in plan.points:
        found[f"point:{point.key}"] = Place(f"point:{point.key}", str(point.label), point.centre, kind=point.kind)
    for venue in plan.venues:
        found[f"venue:{venue.extra['slug']}"] = Place(f"venue:{venue.extra['slug']}", str(venue.label), venue.centre)
    return found


def _stand_label(stand):
    return _("Stand %(code)s: %(name)s") % {"code": stand.code, "name": stand.label}


def find(plan_places, text):
    """The place a visitor's text names: a key, a stand code in any case, or a place's name."""
    text = (text or "").strip()
    if not text:
        return None
    if text in plan_places:
        return plan_places[text]
    folded = fold(text)
    for key, place in plan_places.items():
        if fold(key) == folded:
            return place
    for place in plan_places.values():
        if fold(place.label) == folded or fold(place.label).endswith(f": {folded}"):
            return place
    return None


def route(stops_places):
    """The walk through `stops_places` in order, with each leg's distance and time."""
    stops = [Stop(number, place, place.point, place.label) for number, place in enumerate(stops_places, start=1)]
    return Route(stops=stops, legs=legs_between(stops))


def nearest(plan_places, origin, what, count=3):
    """The `count` places of kind `what` (a NEAREST key) closest to `origin` on foot, each with its walk."""
    kinds = NEAREST_KINDS.get(what)
    if not kinds or origin is None:
        return []
    candidates = [place for place in plan_places.values() if place.kind in kinds]
    candidates.sort(key=lambda place: geometry.walk(origin.point, place.point)[0])
    return [route([origin, place]) for place in candidates[:count]]


def tour(plan_places, keys):
    """A walk through the places `keys` name, from the first gate when the plan has one, each time
    on to the nearest place not yet visited (a short walk, not the shortest one)."""
    todo = [plan_places[key] for key in dict.fromkeys(keys) if key in plan_places]
    gates = sorted(
        (place for place in plan_places.values() if place.kind == PointOfInterest.Kind.ENTRANCE),
        key=lambda place: place.key,
    )
    walk = gates[:1] if todo and gates else []
    while todo:
        here = walk[-1].point if walk else todo[0].point
        todo.sort(key=lambda place: geometry.walk(here, place.point)[0])
        walk.append(todo.pop(0))
    return route(walk)
