"""The gates' check-in page and its JSON endpoints, for accounts of the Gate group
(`tickets.check_in`): the day's bundle to work offline, scans (one or a queued batch), look-up by
name or ticket number, and a visitor's or a badge holder's photo."""

import datetime
import json
import uuid

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from common import clock, gate_passes
from common.responses import private
from common.text import fold
from tickets import gates, passes
from tickets.models import Gate, Registration

LOOKUP_LIMIT = 20
gate_staff = [login_required, permission_required("tickets.check_in", raise_exception=True)]


def _for_gate_staff(view):
    for decorator in reversed(gate_staff):
        view = decorator(view)
    return view


def _edition(request):
    if not request.edition:
        raise Http404
    return request.edition


@require_safe
@_for_gate_staff
# ZXing's QR reader is WebAssembly (browsers without their own reader): compiling it needs
# 'wasm-unsafe-eval', on this page only; inline and eval'd scripts stay refused.
@csp_update({"script-src": ["'wasm-unsafe-eval'"]})
def page(request):
    edition = _edition(request)
    context = {"edition": edition, "gates": Gate.objects.filter(edition=edition), "today": edition.local_today()}
    return private(render(request, "tickets/checkin.html", context))


@require_safe
@_for_gate_staff
def bundle(request):
    edition = _edition(request)
    return private(JsonResponse(gates.bundle(edition, edition.local_today())))


def _photo_url(holder, kind):
    """A ticket's photo, or a badge's (common.gate_passes) by its kind."""
    if isinstance(holder, Registration):
        return reverse("tickets:checkin_photo", kwargs={"pass_id": holder.pass_id})
    return reverse("tickets:checkin_badge_photo", kwargs={"kind": kind, "pass_id": holder.pass_id})


def _shown(scan, registration, request):
    entry = {"client_id": str(scan.client_id), "result": scan.result, "label": scan.get_result_display()}
    if registration is not None:
        entry.update(
            name=registration.name, kind=registration.get_kind_display(), organisation=registration.organisation
        )
        if registration.photo:
            entry["photo"] = _photo_url(registration, scan.pass_kind)
    return entry


@require_POST
@_for_gate_staff
def scans(request):
    """A batch of scans (`{"gate": code, "scans": [{client_id, token, scanned_at}]}`): each stored once
    with the server's verdict, which the page shows in place of its own."""
    edition = _edition(request)
    try:
        payload = json.loads(request.body)
        gate = Gate.objects.get(edition=edition, code=payload["gate"])
        batch = payload["scans"][: gates.MAX_SYNC]
        parsed = [(uuid.UUID(s["client_id"]), str(s["token"])[:300], parse_datetime(s["scanned_at"])) for s in batch]
    except (ValueError, KeyError, TypeError, Gate.DoesNotExist):
        return JsonResponse({"error": _("The scanner sent something this server cannot read.")}, status=400)
    now = clock.now()
    # The site's clock may be set to a show day (the demo's EXPO_DEMO_NOW): scans move with it.
    shift = now - timezone.now()
    results = []
    known = gates.Known(edition, [token for _, token, _ in parsed], [client_id for client_id, _, _ in parsed])
    for client_id, token, scanned_at in parsed:
        scanned_at = scanned_at + shift if scanned_at is not None and scanned_at.tzinfo is not None else None
        if scanned_at is None or scanned_at > now + datetime.timedelta(minutes=5):
            scanned_at = now
        scan, registration = gates.record(
            edition=edition,
            gate=gate,
            token=token,
            scanned_at=scanned_at,
            client_id=client_id,
            by=request.user,
            known=known,
        )
        results.append(_shown(scan, registration, request))
    return private(JsonResponse({"results": results}))


@require_safe
@_for_gate_staff
def lookup(request):
    """Today's valid tickets whose holder's name or ticket number holds `q` (at least 3 characters)."""
    edition = _edition(request)
    query = fold(request.GET.get("q", "")).strip()
    found = []
    if len(query) >= 3:
        today = edition.local_today()
        trade_days = gates.trade_days(edition)
        matching = Registration.objects.valid_on(today).filter(edition=edition)
        matching = matching.filter(Q(search_name__contains=query) | Q(pass_id=request.GET["q"].strip()))
        for registration in matching.select_related("slot__day").order_by("search_name", "pk")[:LOOKUP_LIMIT]:
            found.append(
                {
                    "name": registration.name,
                    "kind": registration.get_kind_display(),
                    "organisation": registration.organisation,
                    "pass_id": registration.pass_id,
                    "token": passes.token(registration, trade_days),
                }
            )
        found += _badges_found(edition, query, request.GET["q"].strip(), today)
    return private(JsonResponse({"found": found[:LOOKUP_LIMIT]}))


def _badges_found(edition, query, text, today):
    """The registered badges (common.gate_passes) valid today whose holder's name holds `query`."""
    found = []
    for badge_kind in gate_passes.registered():
        for holder, token in badge_kind.search(edition, today, query, text, LOOKUP_LIMIT):
            found.append(
                {
                    "name": holder.name,
                    "kind": holder.get_kind_display(),
                    "organisation": holder.organisation,
                    "pass_id": holder.pass_id,
                    "token": token,
                }
            )
    return found


@require_safe
@_for_gate_staff
def photo(request, pass_id):
    registration = get_object_or_404(Registration.objects.exclude(photo=""), pass_id=pass_id)
    response = FileResponse(registration.photo.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return private(response)


@require_safe
@_for_gate_staff
def badge_photo(request, kind, pass_id):
    """The photo of a badge another app signed (common.gate_passes), for the gate's verdict."""
    edition = _edition(request)
    badge_kind = gate_passes.get(kind)
    opened = badge_kind.photo(edition, pass_id) if badge_kind is not None and badge_kind.photo else None
    if opened is None:
        raise Http404
    response = FileResponse(opened, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return private(response)
