"""Times as people at the event read them: in the edition's zone, day-first, zone named."""

from django.utils import timezone
from django.utils.formats import date_format

from common.formats import utc_label


def local_text(moment, tz=None, *, with_date=True):
    """'18/12/2024 14:30 (UTC+7)': never a bare UTC time (tz defaults to the current zone)."""
    if moment is None:
        return ""
    tz = tz or timezone.get_current_timezone()
    local = moment.astimezone(tz)
    pattern = "%d/%m/%Y %H:%M" if with_date else "%H:%M"
    return f"{local.strftime(pattern)} ({utc_label(tz, moment)})"


def day_text(value):
    """A date as people read it, day first in both languages: '26/01/2024', '26 January 2024'.

    The active language's DATE_FORMAT (common/formats); "" for no date.
    """
    if value is None:
        return ""
    return date_format(value, "DATE_FORMAT")
