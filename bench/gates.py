"""Tickets and gates at scale (issue 28), run on their own: `python -m bench.gates`.

1. Registration: REGISTRANTS distinct visitors (each from its own address, so no rate limit
   refuses them) POST the public form at once from THREADS threads, into six slots holding fewer
   places than they ask for. No answer may be a 5xx; afterwards the database must show no slot
   holding more than its capacity, and each slot's count equal to the parties registered in it.
2. Sync: SCANS scans of SCANS / 2 tickets, each read at two gates that were both offline (gate
   G2 a minute before G1), posted in batches of `tickets.gates.MAX_SYNC` as the check-in page
   sends its queue; afterwards each ticket must hold one admission, and the other scan "already used".

Needs DATABASE_URL (a migrated PostgreSQL database; the edition "bench-gates" is created in it
and made current for the run, then the previous current edition is restored) and either
DJANGO_DEBUG=1 or production settings with collected static files. `make bench` runs it last
with BENCH_GATES=1 (bench/run.py) on the bench's database. Prints the figures; 1 and 2 in process,
through Django's test client.
3. Registration under load: the public form's POST through gunicorn and wrk (bench/client_wsgi.py
   gives each request its own client address), against the bare list anchor in the same rounds.
"""

import datetime
import json
import os
import random
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

REGISTRANTS = int(os.environ.get("BENCH_GATES_REGISTRANTS", "2000"))
THREADS = int(os.environ.get("BENCH_GATES_THREADS", "4"))
SCANS = int(os.environ.get("BENCH_GATES_SCANS", "20000"))
CAPACITY = 500  # per slot: 6 slots, 3,000 places for about 4,000 asked


def log(message):
    print(message, flush=True)  # noqa: T201 (the benchmark reports on the console)


def edition():
    from django.utils import timezone

    from expo.models import Edition
    from tickets.models import Admission, Gate, Kind, Registration, TimeSlot, VisitDay

    today = timezone.localdate()
    show, _ = Edition.objects.update_or_create(
        slug="bench-gates",
        defaults={
            "acronym": "BENCH",
            "ordinal": 99,
            "name_vi": "Triển lãm thử tải",
            "name_en": "Load-test expo",
            "start_date": today,
            "end_date": today + datetime.timedelta(days=2),
            "is_current": True,
        },
    )
    Edition.objects.exclude(pk=show.pk).update(is_current=False)  # main() gives the role back
    Admission.objects.update_or_create(edition=show, defaults={"is_open": True, "max_party_size": 5})
    # The run's own edition starts empty: an earlier run's registrations may hold more places
    # than the capacity set again below (its wrk phase lifts the capacities).
    Registration.objects.filter(edition=show).delete()
    TimeSlot.objects.filter(day__edition=show).update(taken=0)
    for offset in range(3):
        day, _ = VisitDay.objects.update_or_create(
            edition=show, date=today + datetime.timedelta(days=offset), defaults={"kind": Kind.PUBLIC}
        )
        for hour in (8, 11, 14):
            times = {"ends_at": datetime.time(hour + 3), "capacity": CAPACITY}
            TimeSlot.objects.update_or_create(day=day, starts_at=datetime.time(hour), defaults=times)
    for code in ("G1", "G2"):
        Gate.objects.get_or_create(edition=show, code=code, defaults={"name": code})
    return show, today


def registration(show, today):
    from django.db import connection
    from django.test import Client

    from tickets.models import Registration, TimeSlot

    # edition() emptied the run's edition: every slot starts with no place taken.
    slots = list(TimeSlot.objects.filter(day__edition=show, day__date__gt=today).values_list("pk", flat=True))
    statuses, lock = {}, threading.Lock()

    def worker(numbers):
        client, picks = Client(), random.Random(numbers[0])  # noqa: S311 (a load pattern, not a secret)
        for n in numbers:
            data = {
                "name": f"Khách {n}",
                "email": f"visitor{n}@example.invalid",
                "phone": "0912 345 678",
                "party_size": str(picks.randint(1, 3)),
                "slot": str(picks.choice(slots)),
                "consent": "on",
                "website": "",
            }
            address = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
            status = client.post("/en/register/", data, REMOTE_ADDR=address).status_code
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(range(i, REGISTRANTS, THREADS),)) for i in range(THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    log(f"registration: {REGISTRANTS} POSTs from {THREADS} threads in {seconds:.1f} s = {REGISTRANTS / seconds:.0f}/s")
    log(f"  answers: {dict(sorted(statuses.items()))} (302 registered, 409 slot full)")
    assert not any(status >= 500 for status in statuses), statuses
    over = []
    for slot in TimeSlot.objects.filter(day__edition=show, day__date__gt=today):
        held = sum(Registration.objects.filter(slot=slot).values_list("party_size", flat=True))
        if slot.taken > slot.capacity or held != slot.taken:
            over.append((slot.pk, slot.capacity, slot.taken, held))
    taken = sum(TimeSlot.objects.filter(day__edition=show).values_list("taken", flat=True))
    log(f"  places taken {taken} of {6 * CAPACITY}; slots overbooked or miscounted: {over or 'none'}")
    assert not over, over


POST_SCRIPT = """
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local slots = {%(slots)s}
local n = 0
request = function()
  n = n + 1
  local who = id .. "-" .. n
  local body = "csrfmiddlewaretoken=%(token)s&name=Kh%%C3%%A1ch+" .. who .. "&email=wrk" .. who
    .. "%%40example.invalid&phone=0912+345+678&party_size=1&slot=" .. slots[n %% #slots + 1] .. "&consent=on&website="
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=%(cookie)s",
    ["X-Bench-Client"] = "10." .. id .. "." .. (math.floor(n / 256) %% 256) .. "." .. (n %% 256),
  }
  return wrk.format("POST", "/en/register/", headers, body)
end
"""


def _csrf(base):
    """The CSRF cookie and a form token for it, as a browser gets them from the form."""
    import re
    import urllib.request

    with urllib.request.urlopen(base + "/en/register/") as page:  # noqa: S310 (our own server)
        cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
    return cookie, token


def registration_under_load(show, today):
    """The public form's POST under gunicorn and wrk, against the bare list anchor (C) in the same
    rounds (bench/load.py): every POST a distinct visitor from its own address, into slots with
    room for all, so each answer is a registration (302) or an error."""
    import tempfile

    from django.db.models import F, Value
    from django.db.models.functions import Greatest

    from bench import load
    from bench.run import prepare_anchor
    from tickets.models import Registration, TimeSlot

    slots = list(TimeSlot.objects.filter(day__edition=show, day__date__gt=today).values_list("pk", flat=True))
    TimeSlot.objects.filter(pk__in=slots).update(capacity=10_000_000)
    before = Registration.objects.filter(edition=show).count()
    anchor_env = prepare_anchor(os.environ["DATABASE_URL"])
    rounds = []
    with load.Server("bench.anchor.wsgi", anchor_env) as anchor, load.Server("bench.client_wsgi", os.environ) as site:
        cookie, token = _csrf(site.url)
        load.warm(anchor.url, ["/rows/?page=1"])
        for _ in range(load.ROUNDS):
            reference = load.wrk(anchor.url, [f"/rows/?page={n}" for n in range(1, 126)])
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, prefix="expo-bench-") as handle:
                handle.write(POST_SCRIPT % {"slots": ",".join(map(str, slots)), "token": token, "cookie": cookie})
            posted = load.wrk(site.url, ["/en/register/"], script=handle.name)
            rounds.append((posted, posted[0] / reference[0], reference[0]))
    made = Registration.objects.filter(edition=show).count() - before
    ratio = sorted(r[1] for r in rounds)[len(rounds) // 2]
    rps = sorted(r[0][0] for r in rounds)[len(rounds) // 2]
    errors = sum(r[0][3] for r in rounds)
    log(
        f"registration under wrk: POST {rps:.0f}/s (median of {len(rounds)} rounds), {ratio:.2f} × the bare list "
        f"anchor C (goal ≥ 0.5); p99 {max(r[0][2] for r in rounds):.0f} ms; {made} registrations, "
        f"about {rps * 3600:,.0f} an hour (goal 10,000 in the first hour); errors and non-2xx/3xx: {errors}"
    )
    # Back to the run's capacity, or to what was taken if more (the CHECK constraint holds either way).
    TimeSlot.objects.filter(pk__in=slots).update(capacity=Greatest(F("taken"), Value(CAPACITY)))
    assert errors == 0, errors


def sync(show, today):
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django.utils import timezone

    from tickets import gates, passes
    from tickets.models import Registration, Result, Scan, Status, TimeSlot

    Scan.objects.filter(edition=show).delete()
    slot = TimeSlot.objects.get(day__edition=show, day__date=today, starts_at=datetime.time(8))
    people = [
        Registration(
            edition=show, kind="public", status=Status.ISSUED, slot=slot, party_size=1, name=f"Khách {n}",
            email=f"sync{n}@example.invalid", consented_at=timezone.now(), confirmed_at=timezone.now(),
        )
        for n in range(SCANS // 2)
    ]  # fmt: skip
    Registration.objects.filter(edition=show, slot=slot).delete()
    Registration.objects.bulk_create(people, batch_size=1000)
    tokens = [passes.token(person) for person in Registration.objects.filter(slot=slot).select_related("slot__day")]
    user, _ = User.objects.get_or_create(username="bench-gate")
    user.groups.add(Group.objects.get(name="Gate"))
    client = Client()
    client.force_login(user)
    now = timezone.now()
    queues = {
        "G2": [(token, now - datetime.timedelta(minutes=1)) for token in tokens],
        "G1": [(token, now) for token in tokens],
    }
    batches = []
    for code, queue in queues.items():
        for start in range(0, len(queue), gates.MAX_SYNC):
            scans = [
                {"client_id": str(uuid.uuid4()), "token": token, "scanned_at": at.isoformat()}
                for token, at in queue[start : start + gates.MAX_SYNC]
            ]
            batches.append(json.dumps({"gate": code, "scans": scans}))
    random.Random(28).shuffle(batches)  # noqa: S311 -- the two gates come back online in turns
    started, slowest = time.perf_counter(), 0.0
    for body in batches:
        before = time.perf_counter()
        response = client.post("/en/checkin/scans/", body, content_type="application/json")
        slowest = max(slowest, time.perf_counter() - before)
        assert response.status_code == 200, response.status_code
    seconds = time.perf_counter() - started
    log(
        f"sync: {len(tokens) * 2} scans in {len(batches)} batches of {gates.MAX_SYNC} in {seconds:.1f} s "
        f"= {len(tokens) * 2 / seconds:.0f} scans/s; slowest batch {slowest:.2f} s"
    )
    admitted = Scan.objects.filter(edition=show, result=Result.ADMITTED).count()
    used = Scan.objects.filter(edition=show, result=Result.ALREADY_USED).count()
    early = Scan.objects.filter(edition=show, result=Result.ADMITTED, gate__code="G2").count()
    log(f"  admitted {admitted}, already used {used}, admissions kept by the earlier gate (G2) {early}")
    assert admitted == used == len(tokens) == early, (admitted, used, early)


def main():
    import django

    django.setup()
    from expo.models import Edition

    current = list(Edition.objects.filter(is_current=True).exclude(slug="bench-gates").values_list("pk", flat=True))
    # One edition is current at a time (the "one_current_edition" constraint): the bench's own
    # goes current for the run, the previous one again after it.
    Edition.objects.filter(pk__in=current).update(is_current=False)
    show, today = edition()
    try:
        if os.environ.get("BENCH_GATES_SKIP_REGISTRATION") != "1":
            registration(show, today)
        if os.environ.get("BENCH_GATES_SKIP_WRK") != "1":
            registration_under_load(show, today)
        if os.environ.get("BENCH_GATES_SKIP_SYNC") != "1":
            sync(show, today)
    finally:
        if current:  # in the bench's database: its edition is the current one again
            Edition.objects.filter(pk=show.pk).update(is_current=False)
            Edition.objects.filter(pk__in=current).update(is_current=True)


if __name__ == "__main__":
    main()
