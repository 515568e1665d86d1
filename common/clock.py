"""The one "now" of the visitor-facing pages that depend on the clock (live board, My visit).

Everything that asks "what is on now?" calls `now()` here, never `timezone.now()` directly, so a
demo can be viewed as if on a show day by switching this one function (a DEMO_NOW setting).
"""

from django.utils import timezone


def now():
    return timezone.now()
