"""Date and time formats per language (Django's FORMAT_MODULE_PATH points here).

Dates are typed and shown day-first; a month-first value is never guessed: the only accepted
input forms are ISO (``2026-12-20``) and day-first (``20/12/2026``), in both languages. Every
date-time shown carries the zone it is in ("UTC+7"), computed from ``TIME_ZONE``: the admin
and printouts show times in that zone, which is the edition's.
"""

import datetime
import zoneinfo

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hg%M"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d",
]


def utc_label(tz, moment=None):
    """'UTC+7' (or 'UTC+5:30', 'UTC') for a zone at a moment (now when not given)."""
    offset = (moment or datetime.datetime.now(datetime.UTC)).astimezone(tz).utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_suffix():
    """The settings zone's label as an escaped Django date-format literal: ' (UTC+7)'."""
    from django.conf import settings

    label = utc_label(zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return " " + "".join("\\" + char for char in f"({label})")
