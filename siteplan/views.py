"""The public map and its printouts: /<lang>/map/, plan.pdf and the stand cards."""

from urllib.parse import quote

import segno
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from common.pdf import stored_pdf
from siteplan import selectors
from siteplan.svg import plan_context
from siteplan.wayfinding import NEAREST, find, nearest, places, route, tour

# Query values are echoed into the page and the database; anything longer is not a stand code,
# a slug or a search a visitor types.
MAX_PARAM = 100


def _params(request):
    def value(key):
        text = request.GET.get(key, "")
        return "".join(ch for ch in text if ch.isprintable())[:MAX_PARAM].strip()

    keys = ("q", "sector", "stand", "exhibitor", "exhibit", "point", "hall", "from", "to", "nearest", "here", "walk")
    return {key: value(key) for key in keys}


def _edition_or_404(request):
    if not request.edition:
        raise Http404
    return request.edition


def site_url(request):
    """Public address printed in QR codes: EXPO_SITE_URL, or the request's own host."""
    if settings.EXPO_SITE_URL:
        return settings.EXPO_SITE_URL
    return f"{request.scheme}://{request.get_host()}"


@require_safe
def map_page(request):
    edition = _edition_or_404(request)
    params = _params(request)
    plan = selectors.site_plan(
        edition,
        q=params["q"],
        sector=params["sector"],
        stand=params["stand"],
        exhibitor=params["exhibitor"],
        exhibit=params["exhibit"],
        point=params["point"],
    )
    context = {
        "edition": edition,
        "params": params,
        **plan_context(plan, hall=params["hall"]),
        **way_context(plan, params),
    }
    response = render(request, "siteplan/map.html", context)
    # Kept in the page cache only while the display areas drawn are true.
    seconds = selectors.seconds_until_change(plan)
    if seconds is not None:
        response["Cache-Control"] = f"max-age={seconds}"
    return response


def way_context(plan, params):
    """From here (`from`, or `here` where a stand card's QR code set it) to there (`to`), or to
    the nearest service of a kind (`nearest`), drawn on the plan with distance and time."""
    plan_places = places(plan)
    here = find(plan_places, params["here"])
    origin = find(plan_places, params["from"]) or here
    destination = find(plan_places, params["to"])
    context = {
        "here": here,
        "origin": origin,
        "nearest_choices": [(key, label) for key, label, _kinds in NEAREST],
        "way_places": sorted(plan_places.values(), key=lambda place: (place.kind == "", place.key)),
        "way_problem": (params["from"] and not find(plan_places, params["from"]))
        or (params["to"] and destination is None),
    }
    if params["walk"]:
        # My visit's stands, from the gate: the same walk as its printed plan.
        context["way"] = tour(plan_places, [code.strip() for code in params["walk"].split(",")])
        context["walk_codes"] = params["walk"]
    elif origin and destination and origin.key != destination.key:
        context["way"] = route([origin, destination])
    elif origin and params["nearest"]:
        found = nearest(plan_places, origin, params["nearest"])
        context["nearest_routes"] = found
        context["way"] = found[0] if found else None
    return context


# Raise when the PDFs' stylesheet changes (it is not part of the page the digest is taken of).
PDF_STYLE_VERSION = "1"


def _stored_pdf(request, template, context, *, folder, prefix):
    """The PDF of `template`, laid out only for a new version of the plan (laying out a plan takes
    seconds and it is the same for every visitor until the plan changes): `common.pdf.stored_pdf`."""
    return stored_pdf(template, context, folder=folder, prefix=prefix, version=PDF_STYLE_VERSION, request=request)


def _pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def plan_pdf(request):
    edition = _edition_or_404(request)
    plan = selectors.site_plan(edition)
    index = sorted((shape for shape in plan.stands), key=lambda shape: (shape.extra["venue_code"], shape.code))
    context = {"edition": edition, "index": index, **plan_context(plan, print_mode=True)}
    language = translation.get_language()
    folder = f"siteplan/{edition.slug}"
    pdf = _stored_pdf(request, "siteplan/pdf/plan.html", context, folder=folder, prefix=f"plan-{language}")
    return _pdf_response(pdf, f"plan-{edition.slug}-{language}.pdf")


@require_safe
def stand_card(request, code):
    edition = _edition_or_404(request)
    stand = selectors.stand_for_code(edition, code[:40])
    if stand is None:
        raise Http404
    # "You are here" is set to the stand, so the map opens ready to find the way from it.
    map_url = f"{site_url(request)}{reverse('siteplan:map')}?stand={quote(stand.code)}&here={quote(stand.code)}"
    plan = selectors.site_plan(edition, stand=stand.code)
    context = {
        "edition": edition,
        "stand": stand,
        "sectors": list(stand.exhibitor.sectors.all()),
        "map_url": map_url,
        "qr_code": segno.make(map_url, error="m").svg_data_uri(scale=4, border=2),
        **plan_context(plan, print_mode=True, focus=True),
    }
    language = translation.get_language()
    safe_code = "".join(ch for ch in stand.code if ch.isascii() and (ch.isalnum() or ch in "-_")) or "stand"
    folder = f"siteplan/{edition.slug}"
    prefix = f"stand-{stand.pk}-{language}"
    pdf = _stored_pdf(request, "siteplan/pdf/stand_card.html", context, folder=folder, prefix=prefix)
    return _pdf_response(pdf, f"stand-{safe_code}-{language}.pdf")
