"""Template tags for other apps' pages: a small plan of a stand, and links to the map.

The catalogue's templates load these, so exhibitors never imports the site plan in Python.
"""

from urllib.parse import urlencode

from django import template
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from siteplan import geometry
from siteplan.models import StandPlacement

register = template.Library()


@register.simple_tag
def map_url(**params):
    """/<lang>/map/ with `stand`, `exhibitor`, `exhibit` or `hall` to centre on."""
    query = urlencode({key: value for key, value in params.items() if value})
    url = reverse("siteplan:map")
    return f"{url}?{query}" if query else url


@register.simple_tag
def stand_plan(stand, exhibit=""):
    """A small plan of `stand`'s hall with the stand marked, and a link to it on the map (one query)."""
    if stand is None:
        return ""
    # The hall's outline rides along on each of its stands' rows: a few dozen bytes, one query less.
    placements = list(
        StandPlacement.objects.filter(stand__venue_id=stand.venue_id)
        .annotate(venue_outline=F("stand__venue__outline__points"))
        .only("stand_id", "x", "y", "width", "depth", "rotation", "polygon")
    )
    own = next((p for p in placements if p.stand_id == stand.pk), None)
    if own is None:
        return ""
    outline = own.venue_outline
    venue_points = geometry.as_points(outline) if outline else own.outline
    every = venue_points + [point for placement in placements for point in placement.outline]
    min_x, min_y, max_x, max_y = geometry.bounds(every)
    margin = 4
    context = {
        "stand": stand,
        "view_box": " ".join(
            f"{value:.1f}"
            for value in (min_x - margin, min_y - margin, max_x - min_x + 2 * margin, max_y - min_y + 2 * margin)
        ),
        "venue_points": geometry.svg_points(venue_points) if outline else "",
        "others": [geometry.svg_points(p.outline) for p in placements if p.stand_id != stand.pk],
        "own": geometry.svg_points(own.outline),
        "label": gettext("Stand %(code)s in %(venue)s") % {"code": stand.code, "venue": stand.venue.name},
        "url": map_url(exhibit=exhibit) if exhibit else map_url(stand=stand.code),
    }
    return render_to_string("siteplan/includes/stand_plan.html", context)
