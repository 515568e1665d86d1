"""Dates and times as people at the event read them: day first, in the edition's zone, zone named.

The one place the project's date forms are written. Printouts, pages, mails and admin lists
write numeric dates, day first, the same in both languages (Django date-format syntax):
`DAY` 19/12/2024, `DAY_MONTH` 19/12, `DAY_TIME` 19/12/2024 14:30, `DAY_MONTH_TIME`
19/12 14:30, `WEEKDAY_DAY` Thursday 19/12/2024, `WEEKDAY_DAY_MONTH` Thu 19/12. Python code
calls `formatted()`; templates use the filters of the same names (`{% load dates %}`:
`{{ value|day }}`, `{{ value|day_time }}` …). A date in running text reads `day_text()`, the
language's DATE_FORMAT (19 December 2024 in English).
"""

import datetime
import functools

from django.utils import dateformat, timezone, translation
from django.utils.formats import date_format

from common.formats import utc_label

DAY = "d/m/Y"
DAY_MONTH = "d/m"
DAY_TIME = "d/m/Y H:i"
DAY_MONTH_TIME = "d/m H:i"
WEEKDAY_DAY = "l d/m/Y"
WEEKDAY_DAY_MONTH = "D d/m"


def formatted(value, pattern=DAY, tz=None):
    """`value` (a date or a datetime) in `pattern`, "" for none; an aware datetime is first moved
    to `tz` when one is given (else it is written in its own zone)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        if tz is not None:
            value = value.astimezone(tz)
        return _moment_text(value, value.tzinfo, pattern, translation.get_language())
    return dateformat.format(value, pattern)


@functools.lru_cache(maxsize=4096)
def _moment_text(moment, zone, pattern, language):
    """Django's dateformat (60 µs a call), once per moment, zone, pattern and language: the
    arrivals of a 5,000-member import or a day's run sheets repeat a few dozen moments. The zone
    is in the key because equal moments in two zones are equal datetimes; only moments are kept,
    never a date (a date of birth)."""
    return dateformat.format(moment, pattern)


def local_text(moment, tz=None, *, with_date=True):
    """'18/12/2024 14:30 (UTC+7)': never a bare UTC time (tz defaults to the current zone)."""
    if moment is None:
        return ""
    tz = tz or timezone.get_current_timezone()
    return f"{formatted(moment, DAY_TIME if with_date else 'H:i', tz)} ({utc_label(tz, moment)})"


def day_text(value):
    """A date as people read it, day first in both languages: '26/01/2024', '26 January 2024'.

    The active language's DATE_FORMAT (common/formats); "" for no date.
    """
    if value is None:
        return ""
    return date_format(value, "DATE_FORMAT")
