"""Open data: the site plan as features in site coordinates (metres), /api/map."""

from typing import Literal

from django.http import Http404, HttpResponse
from django.utils import translation
from ninja import Router, Schema
from ninja.decorators import decorate_view

from common.export_cache import cached_export
from expo.api import Error
from siteplan import selectors

router = Router(tags=["site plan"])


class Feature(Schema):
    type: Literal["venue", "stand", "exhibit", "point", "display_area"]
    id: str
    name: str
    kind: str = ""
    code: str = ""
    url: str = ""
    # A polygon's corners, or one point, as [x, y] in metres (x east, y south of the origin).
    coordinates: list[list[float]]


class SiteMap(Schema):
    edition: str
    units: Literal["m"] = "m"
    scale: str
    width: float
    depth: float
    origin: str
    features: list[Feature]


def _pairs(points):
    return [[round(x, 2), round(y, 2)] for x, y in points]


@router.get(
    "/map",
    response={200: SiteMap, 404: Error},
    summary="Site plan: venues, stands, pinned exhibits, points of interest and active display areas",
)
@decorate_view(cached_export)
def site_map(request, response: HttpResponse, lang: Literal["vi", "en"] = "vi"):
    """Every feature of the current edition's plan in site coordinates: metres, x towards the
    east and y towards the south of the plan's north-west corner (one unit = one metre)."""
    edition = request.edition
    if not edition:
        raise Http404
    with translation.override(lang):
        plan = selectors.site_plan(edition)
        features = [
            Feature(
                type="venue",
                id=f"venue:{v.extra['slug']}",
                name=str(v.label),
                kind=v.kind,
                code=v.code,
                coordinates=_pairs(v.points),
            )
            for v in plan.venues
        ]
        features += [
            Feature(
                type="stand",
                id=f"stand:{s.code}",
                name=s.label,
                code=s.code,
                url=request.build_absolute_uri(s.url),
                coordinates=_pairs(s.points),
            )
            for s in plan.stands
        ]
        features += [
            Feature(
                type="exhibit",
                id=f"exhibit:{p.extra['exhibit']}",
                name=str(p.label),
                url=request.build_absolute_uri(p.url),
                coordinates=_pairs(p.points),
            )
            for p in plan.pins
        ]
        features += [
            Feature(type="point", id=f"point:{p.key}", name=str(p.label), kind=p.kind, coordinates=_pairs(p.points))
            for p in plan.points
        ]
        features += [
            Feature(
                type="display_area", id=f"area:{a.key}", name=str(a.label), kind=a.kind, coordinates=_pairs(a.points)
            )
            for a in plan.areas
        ]
    # Kept under the content version (cached_export) while the display areas drawn are true.
    seconds = selectors.seconds_until_change(plan)
    if seconds is not None:
        response["Cache-Control"] = f"max-age={seconds}"
    return SiteMap(
        edition=edition.slug,
        scale="1 unit = 1 metre",
        width=plan.width,
        depth=plan.depth,
        origin="north-west corner of the site; x east, y south",
        features=features,
    )
