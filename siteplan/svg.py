"""What the plan templates draw: the viewBox, the legend and the text list, computed once."""

from django.utils.translation import gettext

from siteplan import geometry
from siteplan.selectors import focus_box

# Sector colours on the plan (CSS classes sector-1 … sector-6); more sectors reuse them.
SECTOR_COLOURS = 6
# The same colours for the printed plan, whose SVG carries them as attributes (WeasyPrint
# does not apply the page's stylesheet inside an SVG).
SECTOR_FILLS = ["#c9d3e0", "#9cc3e6", "#8fd0c3", "#d9c48a", "#e3a7a0", "#c2b0e0", "#b9d68f"]
VENUE_FILLS = {"static": "#f1eee2", "flight": "#d9dde3", "demo": "#efe3d6", "conference": "#e6eef7", "press": "#e6eef7"}


def _box(values):
    return " ".join(f"{value:.1f}" for value in values)


def plan_context(plan, *, hall="", print_mode=False, focus=False):
    venue = next((shape for shape in plan.venues if hall and shape.extra["slug"] == hall), None)
    if venue is not None:
        venue.highlighted = True
        min_x, min_y, max_x, max_y = geometry.bounds(venue.points)
        margin = 15
        box = (min_x - margin, min_y - margin, max_x - min_x + 2 * margin, max_y - min_y + 2 * margin)
    elif plan.highlighted and (focus or not print_mode):
        box = focus_box(plan)
    else:
        box = (0.0, 0.0, plan.width, plan.depth)
    title = gettext("Stand %(code)s: %(name)s")
    for shape in plan.stands:
        shape.title = title % {"code": shape.code, "name": shape.label}
        shape.colour = ((shape.sector - 1) % SECTOR_COLOURS) + 1 if shape.sector else 0
        shape.fill = "#ffd54a" if shape.highlighted else SECTOR_FILLS[shape.colour]
        # Codes are drawn only where they fit: a stand narrower than its code stays unlabelled.
        x0, y0, x1, y1 = geometry.bounds(shape.points)
        shape.label_size = min(4.0, (x1 - x0) / max(len(shape.code), 1) * 1.6, (y1 - y0) * 0.6)
        shape.font = f"{shape.label_size:.1f}"
    for shape in plan.venues:
        shape.fill = VENUE_FILLS.get(shape.kind, "#ffffff")
    legend = [
        {
            "sector": sector,
            "colour": ((number - 1) % SECTOR_COLOURS) + 1,
            "fill": SECTOR_FILLS[((number - 1) % SECTOR_COLOURS) + 1],
        }
        for number, sector in enumerate(plan.sectors, start=1)
    ]
    return {
        "plan": plan,
        "view_box": _box(box),
        "site_width": f"{plan.width:.0f}",
        "site_depth": f"{plan.depth:.0f}",
        "site_box": _box((0.0, 0.0, plan.width, plan.depth)),
        "zoomed": box != (0.0, 0.0, plan.width, plan.depth),
        "focus_venue": venue,
        "legend": legend,
        "halls": [
            (venue, stands, venue.highlighted or len(stands) < 12 or any(stand.highlighted for stand in stands))
            for venue, stands in plan.stands_by_venue()
        ],
        "highlighted": plan.highlighted,
    }
