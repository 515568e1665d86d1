"""What the site plan adds to other apps' pages (common/slots.py), so they never import it."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from siteplan.models import PointOfInterest

# The places a visitor needs before arriving: gates, car parks, shuttle stops, in this order.
VISIT_KINDS = (PointOfInterest.Kind.ENTRANCE, PointOfInterest.Kind.PARKING, PointOfInterest.Kind.SHUTTLE)


def visit_places(edition):
    """The visitor information page's list of those places, each a link to the map centred on it."""
    points = sorted(
        PointOfInterest.objects.filter(edition=edition, kind__in=VISIT_KINDS),
        key=lambda point: (VISIT_KINDS.index(point.kind), point.name),
    )
    if not points:
        return ""
    map_url = reverse("siteplan:map")
    items = format_html_join(
        "",
        '<li><a href="{}?{}">{}: {}</a></li>',
        ((map_url, urlencode({"point": point.pk}), point.get_kind_display(), point.name) for point in points),
    )
    return format_html(
        '<section class="visit-section" aria-labelledby="visit-places"><h2 id="visit-places">{}</h2>'
        '<ul class="visit-places">{}</ul></section>',
        _("Gates, car parks and shuttle stops on the map"),
        items,
    )
