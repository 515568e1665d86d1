"""Design-scale meetings for `make bench`: 2,000 accepted requests placed by the scheduler, timed."""

import datetime
import time

from common import bench_registry
from delegations.benchdata import ORGANISATION as BENCH_ORGANISATION
from delegations.models import Delegation, Interpreter
from exhibitors.models import Exhibitor
from meetings import services
from meetings.models import Meeting, MeetingDay, MeetingPlace, MeetingPlan, MeetingRequest

REQUESTS = 2000
PLACES = 40
LANGUAGES = ["", "", "", "English", "Russian", "French"]


@bench_registry.register(order=50, label="Meetings: 2,000 requests placed by the scheduler")
def generate_meetings(*, edition, counts, rng, progress):
    MeetingRequest.objects.filter(edition=edition, purpose=bench_registry.PREFIX).delete()
    MeetingPlace.objects.filter(edition=edition, name__startswith=bench_registry.PREFIX).delete()
    MeetingPlan.objects.update_or_create(edition=edition, defaults={"slot_minutes": 30, "buffer_minutes": 10})
    days = []
    for number in range((edition.end_date - edition.start_date).days + 1):
        day, _ = MeetingDay.objects.get_or_create(
            edition=edition,
            date=edition.start_date + datetime.timedelta(days=number),
            defaults={"opens": datetime.time(8, 30), "closes": datetime.time(17, 30)},
        )
        days.append(day)
    MeetingPlace.objects.bulk_create(
        [
            MeetingPlace(
                edition=edition, name=f"{bench_registry.PREFIX}{n}", name_vi=f"{bench_registry.PREFIX}phòng {n}"
            )
            for n in range(PLACES)
        ]
    )
    for language in ("en", "ru", "fr"):
        for n in range(15):
            Interpreter.objects.get_or_create(
                name=f"{bench_registry.PREFIX}{language}-{n}", defaults={"languages": language}
            )
    # Bench delegations only: the demo's own requests stay as the demo loader keeps them.
    delegations = list(Delegation.objects.filter(edition=edition, organisation__startswith=BENCH_ORGANISATION).active())
    exhibitors = list(Exhibitor.objects.filter(slug__startswith=bench_registry.PREFIX).only("pk")[:2000]) or list(
        Exhibitor.objects.only("pk")[:500]
    )
    if len(delegations) < 2 or not exhibitors:
        return "no delegations or exhibitors to meet: run the other generators first"
    rows = []
    for _ in range(REQUESTS):
        delegation = rng.choice(delegations)
        with_exhibitor = rng.random() < 0.7
        other = rng.choice(delegations) if not with_exhibitor else None
        if other == delegation:
            other = None
            with_exhibitor = True
        rows.append(
            MeetingRequest(
                edition=edition,
                delegation=delegation,
                counterpart_delegation=other,
                counterpart_exhibitor=rng.choice(exhibitors) if with_exhibitor else None,
                priority=rng.choice(list(MeetingRequest.Priority)),
                language=rng.choice(LANGUAGES),
                purpose=bench_registry.PREFIX,
                status=MeetingRequest.Status.ACCEPTED,
            )
        )
    created = MeetingRequest.objects.bulk_create(rows)
    started = time.monotonic()
    plan = services.schedule(edition=edition, by=None)
    elapsed = time.monotonic() - started
    placed = Meeting.objects.filter(request__in=created).count()
    return (
        f"{len(created)} requests, {placed} placed, {len(plan.unplaced)} explained; "
        f"timing: placing {len(created)} meeting requests: {elapsed:.1f} s"
    )
