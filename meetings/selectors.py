"""What the results page, its feed, its API and the briefing may say: disclosed outcomes only.

Public modules read these two questions and nothing else of the app. Meeting subjects,
parties and places never leave the admin: the public side counts meetings held per day.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.cache import patch_cache_control

from common import clock
from meetings.models import Agreement, Meeting


@dataclass
class KindTotal:
    kind: str
    label: str
    count: int = 0
    usd: Decimal = Decimal(0)


@dataclass
class DayResults:
    date: datetime.date
    meetings_held: int = 0
    agreements: list = field(default_factory=list)


@dataclass
class Results:
    days: list
    meetings_held: int
    kinds: list
    agreements: list
    usd_total: Decimal
    counted_at: datetime.datetime

    @property
    def agreement_count(self):
        return len(self.agreements)

    def day(self, date):
        return next((day for day in self.days if day.date == date), None)


def disclosed_agreements(edition, today=None):
    # Only the public columns: what the sign-off covers is all that the public outputs can read.
    agreements = Agreement.objects.filter(edition=edition).disclosed(today).only(*Agreement.PUBLIC_FIELDS)
    return list(agreements.order_by("signed_on", "kind", "pk"))


def results(edition, today=None):
    """Meetings held per day and disclosed agreements per day, by kind and in total (two queries)."""
    today = today or timezone.localdate(clock.now())
    tz = edition.tz
    held = Counter(
        start.astimezone(tz).date()
        # order_by(): a count needs no order (the default one joins the places).
        for start in Meeting.objects.held().filter(request__edition=edition).order_by().values_list("start", flat=True)
    )
    agreements = disclosed_agreements(edition, today)
    dates = [
        edition.start_date + datetime.timedelta(days=n) for n in range((edition.end_date - edition.start_date).days + 1)
    ]
    days = {date: DayResults(date, held.get(date, 0)) for date in dates}
    kinds = {kind: KindTotal(kind, label) for kind, label in Agreement.Kind.choices}
    usd_total = Decimal(0)
    for agreement in agreements:
        total = kinds[agreement.kind]
        total.count += 1
        if agreement.usd_value is not None:
            total.usd += agreement.usd_value
            usd_total += agreement.usd_value
        day = days.setdefault(agreement.signed_on, DayResults(agreement.signed_on, held.get(agreement.signed_on, 0)))
        day.agreements.append(agreement)
    return Results(
        days=sorted(days.values(), key=lambda day: day.date),
        meetings_held=sum(held.values()),
        kinds=list(kinds.values()),
        agreements=agreements,
        usd_total=usd_total,
        counted_at=clock.now(),
    )


# Meetings held are counted as organisers mark them (Meeting and MeetingRequest are in the cache
# contract, so the mark moves the content version); the minute bounds a browser's copy.
RESULTS_MAX_AGE = 60


def expire_results(response, edition):
    """Results (page, feed, API) may be kept a minute, and never past the next disclosure day."""
    seconds = seconds_until_next_disclosure(edition)
    patch_cache_control(response, max_age=min(RESULTS_MAX_AGE, seconds or RESULTS_MAX_AGE))
    return response


def seconds_until_next_disclosure(edition):
    """How long a results page may be kept: until the next announceable entry's day begins (local)."""
    upcoming = Agreement.objects.filter(edition=edition).next_disclosure_date()
    if upcoming is None:
        return None
    begins = datetime.datetime.combine(upcoming, datetime.time.min, tzinfo=timezone.get_current_timezone())
    return max(1, int((begins - clock.now()).total_seconds()))
