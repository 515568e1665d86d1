"""The protocol team's printouts (PDF, in Vietnamese or English): the delegation list,
arrivals and departures, a delegation's itinerary and its members' name badges."""

from collections import defaultdict

from django.contrib import admin, messages
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from common import jobs
from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_pdf
from delegations import badge_print, badges, selectors, walking
from delegations.admin.base import can_see_sensitive, require_permission
from delegations.models import Delegation, Movement
from expo.selectors import chosen_edition


def print_language(request):
    return request.GET.get("lang") if request.GET.get("lang") in ("vi", "en") else "vi"


def printout(request, template, context, filename):
    language = print_language(request)
    with override(language):
        context = {**context, "sensitive": can_see_sensitive(request)}
        if context.get("edition") is not None:
            # Every page's footer: edition, local print time (zone named), page x/y.
            context["printed_at"] = local_text(timezone.now(), context["edition"].tz)
            context["zone_label"] = utc_label(context["edition"].tz)
        data = render_pdf(template, context, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}-{language}.pdf"'
    return response


def edition_or_404(request):
    edition = chosen_edition(request)
    if edition is None:
        raise Http404("No edition")
    return edition


def print_list(model_admin, request):
    require_permission(request)
    edition = edition_or_404(request)
    language = print_language(request)
    delegations = (
        Delegation.objects.filter(edition=edition)
        .active()
        .select_related("head", "liaison_officer")
        .annotate(member_total=Count("members"))
        .in_protocol_order(language)
    )
    return printout(
        request, "delegations/pdf/list.html", {"edition": edition, "delegations": delegations}, "delegations"
    )


def print_movements(model_admin, request):
    require_permission(request)
    edition = edition_or_404(request)
    # Only delegations that are coming: a declined or cancelled one must not be met at the airport.
    movements = list(
        Movement.objects.filter(
            delegation__edition=edition,
            delegation__status__in=Delegation.COMING_STATUSES,
        )
        .select_related("delegation__liaison_officer", "delegation__head", "member__delegation", "vehicle")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
        .order_by("at", "flight", "pk")
    )
    found = selectors.lodgings({movement.delegation_id for movement in movements})
    by_day = defaultdict(list)
    for movement in movements:
        movement.hotel = selectors.where_they_stay(movement, found)
        by_day[movement.at.astimezone(edition.tz).date()].append(movement)
    context = {"edition": edition, "days": sorted(by_day.items()), "tz": edition.tz}
    return printout(request, "delegations/pdf/movements.html", context, "arrivals-departures")


def print_itinerary(model_admin, request, pk):
    require_permission(request)
    delegation = get_object_or_404(
        Delegation.objects.select_related("edition", "liaison_officer", "head").prefetch_related("interpreters"),
        pk=pk,
    )
    found = selectors.lodgings([delegation.pk])
    movements = list(delegation.movements.select_related("member", "vehicle").order_by("at"))
    engagements = list(delegation.engagements.select_related("programme_item", "venue", "vehicle").order_by("start"))
    booked = [booking.vehicle.registration for booking in [*movements, *engagements] if booking.vehicle_id]
    context = {
        "delegation": delegation,
        "edition": delegation.edition,
        "members": [(member, found.get(member.pk, selectors.NOWHERE)) for member in delegation.members.all()],
        "hotels": selectors.hotels_of(delegation.pk, found),
        "vehicles": ", ".join(dict.fromkeys(booked)),
        "movements": movements,
        "engagements": engagements,
        "tz": delegation.edition.tz,
        "route": walking.route_for(delegation),
    }
    return printout(request, "delegations/pdf/itinerary.html", context, f"itinerary-{delegation.pk}")


def _badges(request, delegations, layout=badges.Layout.SHEET):
    """A print of one part is drawn now; a larger one (a whole edition) runs as a batch job."""
    language = print_language(request)
    members = badge_print.members_of(delegations, language)
    edition = members[0].delegation.edition if members else edition_or_404(request)
    if len(members) > badge_print.PART:
        return _queued_badges(request, delegations, layout, language, len(members))
    try:
        data = badge_print.render(members, layout=layout, language=language, edition=edition)
    except ImproperlyConfigured as exc:
        # No signing key in production: say so (to the operator) rather than fail with a 500.
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badges-{layout}-{language}.pdf"'
    return response


def _queued_badges(request, delegations, layout, language, count):
    with override(language):
        title = _("Name badges (%(layout)s), %(count)s cards") % {"layout": badges.Layout(layout).label, "count": count}
        job = jobs.start(
            "delegations.badges",
            user=request.user,
            title=title,
            arguments={"delegations": [int(pk) for pk in delegations], "layout": layout},
        )
    messages.info(request, _("The badges are being drawn: this page shows how far along, then the file."))
    return redirect("admin:common_batchjob_change", job.pk)


def print_badges(model_admin, request, pk):
    require_permission(request)
    delegation = get_object_or_404(Delegation, pk=pk)
    layout = request.GET.get("layout")
    return _badges(request, [delegation.pk], layout if layout in badges.Layout.values else badges.Layout.SHEET)


@admin.action(description=_("Print name badges on A4 card sheets (PDF)"), permissions=["view"])
def badges_action(modeladmin, request, queryset):
    return _badges(request, list(queryset.values_list("pk", flat=True)), badges.Layout.SHEET)


@admin.action(description=_("Print name badges for a card printer, CR80 (PDF)"), permissions=["view"])
def badges_cr80_action(modeladmin, request, queryset):
    return _badges(request, list(queryset.values_list("pk", flat=True)), badges.Layout.CR80)
