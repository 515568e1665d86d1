"""Check-in at the gates: what a scan means, the day's bundle a gate keeps offline, and syncing.

The server's verdict on a scan mirrors the page's (static/tickets/checkin.js): forged (bad
signature), wrong day, revoked, unknown, already used today at any gate, else admitted. Scans
queued offline arrive later, possibly from two gates that both admitted the same ticket: the
earlier scan keeps the admission and the later becomes "already used" (and is counted so).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import TruncHour
from django.utils import timezone

from common import gate_passes, signing
from tickets.models import Kind, Registration, Result, Scan, Status, VisitDay

TICKET_KINDS = (Kind.TRADE, Kind.PUBLIC)
# Badges signed by other apps open the gates on their days (delegations' "badge"); the kinds in
# common.gate_passes (press, stand staff) are looked up, so a withdrawn or refused one is refused.
MAX_SYNC = 500


def trade_days(edition):
    return set(VisitDay.objects.filter(edition=edition, kind=Kind.TRADE).values_list("date", flat=True))


class Known:
    """What a batch of scans needs to know, read once for the whole batch: the edition's trade days,
    the scans already stored under the batch's client ids, and the tickets the batch names."""

    def __init__(self, edition, tokens=(), client_ids=()):
        self.edition = edition
        self.trade_days = trade_days(edition)
        self.stored = {scan.client_id: scan for scan in Scan.objects.filter(client_id__in=list(client_ids))}
        named = set()
        for token in tokens:
            try:
                signed = signing.verify(token)
            except signing.BadToken:
                continue
            if signed.kind in TICKET_KINDS:
                named.add(signed.id)
        rows = Registration.objects.filter(edition=edition, pass_id__in=named).select_related("slot__day")
        # Keyed by kind too: a token signed as "public" never opens a trade ticket's number.
        self.registrations = {(r.kind, r.pass_id): r for r in rows} if named else {}


def verdict(edition, token, day, known=None):
    """(result, pass, registration or None) for `token` shown on `day`, before duplicates are looked at."""
    try:
        signed = signing.verify(token)
    except signing.BadToken:
        return Result.FORGED, None, None
    if not signed.valid_on(day):
        return Result.WRONG_DAY, signed, None
    badge_kind = gate_passes.get(signed.kind)
    if badge_kind is not None:
        return _badge_verdict(edition, signed, badge_kind)
    if signed.kind not in TICKET_KINDS:
        return Result.ADMITTED, signed, None
    known = known or Known(edition, [token])
    registration = known.registrations.get((signed.kind, signed.id))
    if registration is None:
        return Result.UNKNOWN, signed, None
    if registration.status != Status.ISSUED:
        return Result.REVOKED, signed, registration
    if registration.kind == Kind.PUBLIC and registration.slot.day.date != day:
        return Result.WRONG_DAY, signed, registration
    if registration.kind == Kind.TRADE and day not in known.trade_days:
        return Result.WRONG_DAY, signed, registration
    return Result.ADMITTED, signed, registration


def _badge_verdict(edition, signed, badge_kind):
    holder = badge_kind.holder(edition, signed.id)
    if holder is None:
        return Result.UNKNOWN, signed, None
    if not holder.approved:
        return Result.REVOKED, signed, holder
    return Result.ADMITTED, signed, holder


def record(*, edition, gate, token, scanned_at, client_id, by, known=None):
    """Store one scan (once per client_id) with the server's verdict; returns (scan, registration).

    A batch passes `known` (read once for all its scans); a scan alone reads its own."""
    known = known or Known(edition, [token], [client_id])
    existing = known.stored.get(client_id)
    day = edition.local_today(scanned_at)
    result, signed, registration = verdict(edition, token, day, known)
    if existing is not None:
        return existing, registration
    scan = Scan(
        edition=edition,
        gate=gate,
        pass_kind=signed.kind if signed else "",
        pass_id=signed.id if signed else "",
        day=day,
        scanned_at=scanned_at,
        client_id=client_id,
        by=by,
        result=result,
    )
    with transaction.atomic():
        if result == Result.ADMITTED:
            first = (
                Scan.objects.select_for_update().filter(pass_id=scan.pass_id, day=day, result=Result.ADMITTED).first()
            )
            if first is not None and first.scanned_at <= scanned_at:
                scan.result = Result.ALREADY_USED
            elif first is not None:
                # Synced late from a gate that was offline, but scanned first: it keeps the admission.
                first.result = Result.ALREADY_USED
                first.save(update_fields=["result"])
        try:
            with transaction.atomic():
                scan.save()
        except IntegrityError:
            # Another gate's admission of the same pass committed in between.
            scan.result = Result.ALREADY_USED
            scan.save()
    known.stored[client_id] = scan
    return scan, registration


def bundle(edition, day):
    """What a gate keeps for `day` to work offline: the key, the revoked and the valid pass numbers
    (tickets and the badges of common.gate_passes, with the name and kind to show, never contact
    data), and the passes already admitted today at any gate."""
    valid = (
        Registration.objects.valid_on(day)
        .filter(edition=edition)
        .order_by()
        .values_list("pass_id", "kind", "name", "organisation")
    )
    revoked = Registration.objects.filter(edition=edition, status__in=(Status.CANCELLED, Status.REFUSED))
    revoked = list(revoked.values_list("pass_id", flat=True))
    valid = list(valid)
    for badge_kind in gate_passes.registered():
        valid += [(h.pass_id, badge_kind.kind, h.name, h.organisation) for h in badge_kind.valid(edition, day)]
        revoked += badge_kind.revoked(edition)
    admitted = Scan.objects.admitted().filter(edition=edition, day=day).values_list("pass_id", flat=True)
    return {
        "public_key": signing.public_key_text(),
        "day": day.isoformat(),
        "valid": {pass_id: {"kind": kind, "name": name, "organisation": org} for pass_id, kind, name, org in valid},
        "revoked": revoked,
        # The kinds listed in "valid": one of these missing from it is unknown, offline too.
        "listed_kinds": [*TICKET_KINDS, *(badge_kind.kind for badge_kind in gate_passes.registered())],
        "kind_labels": {kind: str(label) for kind, label in kind_labels().items()},
        "admitted": list(admitted),
        "fetched_at": timezone.now().isoformat(),
    }


def kind_labels():
    return {**dict(Kind.choices), **{badge_kind.kind: badge_kind.label for badge_kind in gate_passes.registered()}}


def counts_by_gate_and_hour(edition, day):
    """[(gate code, local hour, admissions)] for `day`, in one query."""
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=edition.tz)
    rows = (
        Scan.objects.admitted()
        .filter(edition=edition, day=day)
        .annotate(hour=TruncHour("scanned_at", tzinfo=edition.tz))
        .values("gate__code", "hour")
        .annotate(n=Count("pk"))
        .order_by("gate__code", "hour")
    )
    return [(row["gate__code"], row["hour"].astimezone(start.tzinfo).hour, row["n"]) for row in rows]
