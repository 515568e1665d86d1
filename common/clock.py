"""The site's "now": one definition for every public page, selector and check of what is open.

`clock.now()` is `timezone.now()`, except in the demo with EXPO_DEMO_NOW set (config/parsing.py:
only honoured with EXPO_DEMO=1 or DJANGO_DEBUG=1), where the site shows itself as on that day:

- a date (`2026-12-20`): that day, at the real time of day, ticking (the live board moves on);
- a date and time (`2026-12-20T10:30`, Hanoi time unless an offset is given): that moment, frozen.

Use it wherever "now" decides what a reader sees (phase, countdowns, what is on, embargoes, forms
open or closed). Timestamps of what happened (audit, sent mail, task runs) keep `timezone.now()`.
Tests freeze the clock with time-machine as before: without EXPO_DEMO_NOW this is timezone.now().
"""

import datetime

from django.conf import settings
from django.utils import timezone


def now():
    """The current moment as the site shows it (an aware datetime)."""
    real = timezone.now()
    demo = getattr(settings, "EXPO_DEMO_NOW", None)
    if demo is None:
        return real
    if isinstance(demo, datetime.datetime):
        return demo
    # A date: the same instant of the day, moved by whole days to that date.
    return real + datetime.timedelta(days=(demo - timezone.localdate(real)).days)


def is_moved():
    """True when the demo shows another moment than the real one (a notice says so)."""
    return getattr(settings, "EXPO_DEMO_NOW", None) is not None
