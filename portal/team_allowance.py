"""How many stand staff an exhibitor may register at an edition: one definition, read by the
portal's form, its overview and the admin.

The stand's size comes from the site plan (siteplan.StandPlacement: width × depth, or its polygon's
area). By the rule: two badges for a stand up to 9 m², one more for every further 9 m² begun
(18 m² → 3, 36 m² → 5, 100 m² → 13); a stand not yet drawn on the plan gets the two. The
organisers can set any other number for one stand (portal.StandAllowance: a pavilion, a stand
shared by several companies, an outdoor display with a crew); that number wins. An exhibitor
without a stand at the edition may register nobody.
"""

import math
from dataclasses import dataclass

from exhibitors.models import Stand
from portal.models import StandStaff
from siteplan import geometry

BADGES_AT_LEAST = 2
SQUARE_METRES_PER_BADGE = 9


@dataclass(frozen=True)
class Allowance:
    stand: object  # the exhibitor's Stand at the edition, or None
    area: float | None  # m², None when the stand is not on the plan
    badges: int
    set_by_organisers: bool
    used: int

    @property
    def left(self):
        return max(self.badges - self.used, 0)


def badges_for_area(area):
    if not area:
        return BADGES_AT_LEAST
    further = max(area - SQUARE_METRES_PER_BADGE, 0)
    return BADGES_AT_LEAST + math.ceil(round(further / SQUARE_METRES_PER_BADGE, 6))


def stand_area(stand):
    placement = getattr(stand, "placement", None)
    if placement is None:
        return None
    try:
        return round(geometry.area(placement.outline), 1)
    except (TypeError, ValueError):
        return None


def allowance(exhibitor, edition):
    """The Allowance of `exhibitor`'s stand at `edition`, with the members counted against it (2 queries)."""
    stand = (
        Stand.objects.filter(exhibitor=exhibitor, edition=edition).select_related("placement", "team_allowance").first()
    )
    used = StandStaff.objects.counted().filter(exhibitor=exhibitor, edition=edition).count()
    if stand is None:
        return Allowance(stand=None, area=None, badges=0, set_by_organisers=False, used=used)
    area = stand_area(stand)
    own = getattr(stand, "team_allowance", None)
    badges = own.badges if own is not None else badges_for_area(area)
    return Allowance(stand=stand, area=area, badges=badges, set_by_organisers=own is not None, used=used)
