"""My visit: the page, its list (the fragment the page's script loads), the calendar feed and the
printable plan. Every one reads the visitor's list from the address alone (ids, never a cookie),
so each is the same for everyone who asks for the same list and is kept like any public page."""

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common import clock
from common.dates import local_text
from common.export_cache import cached_export
from common.pdf import render_pdf
from companion.selectors import parse_ids, query_string, visit
from expo.programme.ical import calendar_response
from expo.programme.selection import export_language, utc_offset_label
from siteplan.selectors import site_plan
from siteplan.svg import plan_context
from siteplan.views import site_url
from siteplan.wayfinding import places, tour


def _links(request, ids):
    """The list's addresses: to carry it to another device, subscribe to it, print it."""
    query = query_string(ids)
    share = f"{site_url(request)}{reverse('companion:my')}?{query}"
    host = site_url(request).split("://", 1)[-1]
    language = translation.get_language()
    feed = f"webcal://{host}{reverse('my_ics')}?{query_string({'p': ids['p']})}&lang={language}"
    return {
        "share_url": share,
        "share_qr": segno.make(share, error="m").svg_data_uri(scale=3, border=2),
        "webcal_url": feed if ids["p"] else "",
        "pdf_url": f"{reverse('companion:my_pdf')}?{query}",
    }


def _context(request, ids):
    edition = request.edition
    my_visit = visit(edition, ids)
    context = {"edition": edition, "visit": my_visit, "ids": ids}
    if edition:
        context.update(
            my_days=my_visit.by_day(edition.tz), my_halls=my_visit.by_hall(), utc_offset=utc_offset_label(edition)
        )
    if not my_visit.is_empty:
        context.update(_links(request, ids))
    return context


@require_safe
def my_visit(request):
    """The page. With ids in the address (a shared link, or JavaScript off) it shows that list;
    without, the page's script fills it from the browser's own list."""
    ids = parse_ids(request.GET)
    context = _context(request, ids)
    context["shared"] = any(ids.values())
    return render(request, "companion/my_visit.html", context)


@require_safe
@cached_export
def my_list(request):
    """The list alone, for the page's script (which also keeps it for offline use)."""
    return render(request, "companion/includes/my_list.html", _context(request, parse_ids(request.GET)))


@require_safe
@cached_export
def my_ics(request):
    """The list's programme items as a calendar to subscribe to (webcal:): calendar apps poll it, so
    a moved or cancelled session shows there too (same UIDs and SEQUENCE as programme.ics)."""
    edition = request.edition
    if not edition:
        raise Http404("No edition")
    language = export_language(request)
    with translation.override(language):
        ids = parse_ids(request.GET)
        items = [entry.item for entry in visit(edition, {"e": [], "x": [], "p": ids["p"]}).sessions]
        name = f"{edition.acronym} · {_('My visit')}"
        return calendar_response(request, edition, name, items, filename=f"my-visit-{language}.ics")


@require_safe
@cached_export
def my_pdf(request):
    """One page: the list, and the plan with a walk through its stands. Laying it out takes a
    second or two; the same list's PDF is kept under the content version like the exports."""
    edition = request.edition
    if not edition:
        raise Http404
    context = _context(request, parse_ids(request.GET))
    plan = site_plan(edition)
    walk = tour(places(plan), context["visit"].stand_codes)
    context.update(
        plan_context(plan, print_mode=True),
        walk=walk,
        printed_at=local_text(clock.now(), edition.tz),
    )
    response = HttpResponse(render_pdf("companion/pdf/my_visit.html", context, request=request), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="my-visit-{translation.get_language()}.pdf"'
    return response
