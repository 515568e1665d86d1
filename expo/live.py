"""The live board, /<lang>/live/: now and next in every venue, today's delays and cancellations,
and the countdown to the next flying display; `?screen=1` for the screens around the site.

Hundreds of screens ask every 30 s and see the same thing: the page is kept whole for
REFRESH_SECONDS (common/export_cache.py) with a strong ETag, so a screen whose copy is current
gets a 304 without a query. A change in the admin gives a new content version, hence a new page,
at the next refresh.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from common import clock
from common.export_cache import cached_export
from expo.models import ProgrammeChange, ProgrammeItem
from expo.programme.changes import change_rows
from expo.programme.selection import for_rows, utc_offset_label

# How often screens refresh, and how long a kept board stays true.
REFRESH_SECONDS = 30
CHANGES_SHOWN = 8


@dataclass
class VenueRow:
    venue: object
    now: list
    next: object


def board(edition, now):
    """(rows per venue, today's changes, the next flying display or None), in three queries."""
    tz = edition.tz
    day_start = datetime.datetime.combine(now.astimezone(tz).date(), datetime.time.min, tzinfo=tz)
    day_end = day_start + datetime.timedelta(days=1)
    today = for_rows(
        ProgrammeItem.objects.published()
        .filter(edition=edition, start__lt=day_end, end__gt=day_start)
        .select_related("venue")
        .order_by("start", "end", "pk"),
        tz,
    )
    rows = {}
    for item in today:
        if item.status == ProgrammeItem.Status.CANCELLED or item.end <= now:
            continue
        row = rows.setdefault(item.venue_id, VenueRow(item.venue, [], None))
        if item.start <= now:
            row.now.append(item)
        elif row.next is None:
            row.next = item
    venues = sorted(rows.values(), key=lambda row: (row.venue is None, row.venue.order if row.venue else 0))
    changes = ProgrammeChange.objects.public(edition).filter(
        Q(item__start__lt=day_end, item__end__gt=day_start) | Q(new_start__lt=day_end, new_start__gte=day_start)
    )[:CHANGES_SHOWN]
    flying = (
        ProgrammeItem.objects.published()
        .active()
        .filter(edition=edition, type=ProgrammeItem.Type.FLYING_DISPLAY, start__gt=now)
        .select_related("venue")
        .order_by("start")
        .first()
    )
    return venues, change_rows(changes, tz), flying


@require_safe
@cached_export
def live_board(request):
    edition = request.edition
    if not edition:
        raise Http404
    now = clock.now()
    venues, changes, flying = board(edition, now)
    screen = request.GET.get("screen") == "1"
    context = {
        "edition": edition,
        "venues": venues,
        "changes": changes,
        "flying": flying,
        "flying_minutes": int((flying.start - now).total_seconds() // 60) if flying else None,
        "now": now,
        "screen": screen,
        "refresh": REFRESH_SECONDS,
        "utc_offset": utc_offset_label(edition),
    }
    response = render(request, "expo/live_screen.html" if screen else "expo/live.html", context)
    patch_cache_control(response, max_age=REFRESH_SECONDS, public=True)
    return response
