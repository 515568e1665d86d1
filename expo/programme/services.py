"""Writes to the programme. Every change to a published item's time, venue or status goes
through here, so the public change log is complete (no signals: callers say what they do).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from expo.models import ProgrammeChange, ProgrammeItem

# Apps that must hear of public changes register a function here (delegations tells the
# delegations engaged in a moved or cancelled item); called in the same transaction.
change_listeners = []


@dataclass(frozen=True)
class Snapshot:
    """What the change log compares: an item's public time, venue, status and visibility."""

    is_published: bool
    start: datetime.datetime
    end: datetime.datetime
    venue_id: int | None
    status: str

    @classmethod
    def of(cls, item):
        return cls(item.is_published, item.start, item.end, item.venue_id, item.status)


def record_changes(*, item, before):
    """Log what differs between `before` (a Snapshot) and `item` as saved. Only items that were
    and still are published have a public history; drafts change freely."""
    if before is None or not (before.is_published and item.is_published):
        return []
    changes = []
    if (before.start, before.end) != (item.start, item.end):
        changes.append(
            ProgrammeChange(
                item=item,
                kind=ProgrammeChange.Kind.TIME,
                old_start=before.start,
                old_end=before.end,
                new_start=item.start,
                new_end=item.end,
            )
        )
    if before.venue_id != item.venue_id:
        changes.append(
            ProgrammeChange(
                item=item, kind=ProgrammeChange.Kind.VENUE, old_venue_id=before.venue_id, new_venue_id=item.venue_id
            )
        )
    if before.status != item.status:
        changes.append(
            ProgrammeChange(
                item=item,
                kind=ProgrammeChange.Kind.STATUS,
                old_status=before.status,
                new_status=item.status,
                reason_vi=item.status_note_vi or "",
                reason_en=item.status_note_en or "",
            )
        )
    changes = ProgrammeChange.objects.bulk_create(changes)
    for listener in change_listeners:
        listener(changes)
    return changes


@transaction.atomic
def save_item(*, item):
    """Save an item edited by hand (the admin form) and log what changed publicly."""
    before = None
    if item.pk:
        previous = ProgrammeItem.objects.filter(pk=item.pk).first()
        before = Snapshot.of(previous) if previous else None
    item.save()
    return record_changes(item=item, before=before)


def _apply(item, **fields):
    before = Snapshot.of(item)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    return record_changes(item=item, before=before)


@transaction.atomic
def delay_item(*, item, minutes, note_vi="", note_en=""):
    """Push the item back by `minutes` (start and end) and mark it delayed."""
    shift = datetime.timedelta(minutes=minutes)
    fields = {"start": item.start + shift, "end": item.end + shift, "status": ProgrammeItem.Status.DELAYED}
    if note_vi or note_en:
        fields.update(status_note_vi=note_vi, status_note_en=note_en)
    return _apply(item, **fields)


@transaction.atomic
def cancel_item(*, item, note_vi, note_en):
    """Cancel the item with its reason in both languages (shown on the item and in the change log)."""
    if not (note_vi.strip() and note_en.strip()):
        raise ValueError("A cancellation needs its reason in Vietnamese and in English.")
    return _apply(item, status=ProgrammeItem.Status.CANCELLED, status_note_vi=note_vi, status_note_en=note_en)


@transaction.atomic
def reinstate_item(*, item):
    """Undo a cancellation: the item is scheduled again, the log shows it with the reason cleared."""
    if item.status != ProgrammeItem.Status.CANCELLED:
        return []
    return _apply(item, status=ProgrammeItem.Status.SCHEDULED, status_note_vi="", status_note_en="")


@transaction.atomic
def move_item(*, item, venue, note_vi="", note_en=""):
    """Move the item to another venue of its edition and mark it moved."""
    if venue.edition_id != item.edition_id:
        raise ValueError("The venue belongs to another edition.")
    fields = {"venue": venue, "status": ProgrammeItem.Status.MOVED}
    if note_vi or note_en:
        fields.update(status_note_vi=note_vi, status_note_en=note_en)
    return _apply(item, **fields)
