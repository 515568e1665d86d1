"""Human sentences for the change log, in the active language and the edition's time zone."""

from django.utils.translation import gettext as _

from common.dates import DAY_MONTH_TIME, formatted
from expo.models import ProgrammeChange, ProgrammeItem


def _when(start, end, tz):
    return f"{formatted(start, DAY_MONTH_TIME, tz)}–{formatted(end, 'H:i', tz)}"


def _status_label(value):
    return str(ProgrammeItem.Status(value).label) if value else "—"


def describe_change(change, tz):
    """(label, from, to) of one change, e.g. ("Time", "19/12 09:00–10:00", "19/12 09:30–10:30")."""
    if change.kind == ProgrammeChange.Kind.TIME:
        return _("Time"), _when(change.old_start, change.old_end, tz), _when(change.new_start, change.new_end, tz)
    if change.kind == ProgrammeChange.Kind.VENUE:
        old = str(change.old_venue) if change.old_venue else _("no venue")
        new = str(change.new_venue) if change.new_venue else _("no venue")
        return _("Venue"), old, new
    return _("Status"), _status_label(change.old_status), _status_label(change.new_status)


def change_rows(changes, tz):
    """Changes paired with their description, for templates and the feed."""
    rows = []
    for change in changes:
        label, old, new = describe_change(change, tz)
        rows.append({"change": change, "item": change.item, "label": label, "old": old, "new": new})
    return rows
