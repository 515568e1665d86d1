"""The organisers' batch work at the design scale (issue 31), as `make bench` times it.

Each job runs in a process of its own (`python -m bench.batch_jobs <job>`), as the task worker
or the command runs it, on the bench database (500 delegations, 5,000 members, 2,000 meeting
requests from `generate_bench_data`). The child reports the job's own seconds (Django's start
left out); the parent samples the resident memory of the child and every process it starts
(the badge and run-sheet parts' workers, pg_dump, pg_restore) and keeps the peak of their sum.

    python -m bench.batch_jobs badges        # one job, in this process
    from bench import batch_jobs; batch_jobs.run_all(env)   # every job, each in a child process
"""

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, what, limit in seconds)
JOBS = [
    ("badges", "badges for every member (A4 sheets, one PDF)", 60),
    ("run_sheets", "every liaison officer's run sheets for the busiest day (one PDF)", 60),
    ("scheduler", "the scheduler, every accepted meeting request placed again", 10),
    ("import", "the delegation import of every member (preview + confirm)", 15),
    ("backup", "`make backup` (`manage.py backup`)", 120),
    ("restore", "`make restore` (`manage.py restore`) of that backup", 120),
]
ARCHIVE = Path(tempfile.gettempdir()) / "expo-bench-backup.tar.gz"


def _rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(root):
    """The resident memory of `root` and all its descendants, summed (read from /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError):
                continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kb(pid)
        stack.extend(parents.get(pid, ()))
    return total


def _cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measured(env, name):
    """(seconds the job reported, peak MB of its process tree, its detail line, CPU seconds of the
    whole tree: on a shared machine the CPU time says what an idle run would take, about)."""
    cpu = _cpu_seconds()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.batch_jobs", name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]

    def sample():
        while child.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    sampler.join()
    cpu = _cpu_seconds() - cpu
    if child.returncode != 0:
        return None, peak[0] / 1024, (err.strip().splitlines() or ["failed"])[-1], cpu
    lines = out.strip().splitlines()
    seconds = next((float(line.split()[1]) for line in reversed(lines) if line.startswith("seconds ")), None)
    detail = next((line[len("detail ") :] for line in reversed(lines) if line.startswith("detail ")), "")
    return seconds, peak[0] / 1024, detail, cpu


def run_all(env, log=print):
    """{name: (seconds, peak MB, detail)} for every job, one after the other."""
    results = {}
    for name, _what, _limit in JOBS:
        log(f"  {name}")
        results[name] = _measured(env, name)
        seconds, peak, detail, cpu = results[name]
        log(f"    {'failed' if seconds is None else f'{seconds:.1f} s'}, CPU {cpu:.1f} s, peak {peak:.0f} MB: {detail}")
    return results


def table(results, uptime):
    lines = [
        "## Batch work at the design scale (issue 31)",
        "",
        "500 delegations, 5,000 members, 100 liaison officers, 2,000 meeting requests (`generate_bench_data`); "
        "each job in a process of its own as the task worker or the command runs it (`bench/batch_jobs.py`); "
        "time of the job itself; peak RSS: the job's process and every process it started, summed, sampled "
        f"every 0.2 s; CPU: user + system seconds of every process of the job (Django's start included), "
        f"what an idle run on one core would take. Load (`uptime`) before and after: {uptime[0]}; {uptime[1]}.",
        "",
        "| job | time | CPU | peak RSS | limit | met | detail |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, what, limit in JOBS:
        seconds, peak, detail, cpu = results.get(name, (None, 0, "not run", 0))
        if seconds is None:
            lines.append(f"| {what} | – | {cpu:.0f} s | {peak:.0f} MB | {limit} s | **not measured** | {detail} |")
            continue
        verdict = "met" if seconds <= limit else "**not met**"
        lines.append(f"| {what} | {seconds:.1f} s | {cpu:.1f} s | {peak:.0f} MB | {limit} s | {verdict} | {detail} |")
    return "\n".join(lines)


def _timed(func):
    """Run `func`; it returns its detail line, or (detail, seconds) when it times itself."""
    started = time.perf_counter()
    detail = func()
    seconds = time.perf_counter() - started
    if isinstance(detail, tuple):
        detail, seconds = detail
    print(f"seconds {seconds:.2f}")  # noqa: T201 (read by the parent)
    print(f"detail {detail}")  # noqa: T201


def badges():
    from common import jobs
    from common.models import BatchJob
    from delegations.models import Delegation
    from expo.models import Edition

    edition = Edition.objects.current()
    ids = list(Delegation.objects.filter(edition=edition).values_list("pk", flat=True))
    job = BatchJob.objects.create(
        kind="delegations.badges", title="bench", permission="-", arguments={"delegations": ids, "layout": "sheet"}
    )
    done = jobs.run(job)
    return f"{done.summary} {len(jobs.storage().open(done.file).read()) // 1024} KB", done.seconds


def run_sheets():
    from django.db.models import Count
    from django.db.models.functions import TruncDate

    from common import jobs
    from common.models import BatchJob
    from delegations.models import Movement
    from expo.models import Edition

    edition = Edition.objects.current()
    busiest = (
        Movement.objects.filter(delegation__edition=edition, delegation__liaison_officer__isnull=False)
        .annotate(day=TruncDate("at", tzinfo=edition.tz))
        .values("day")
        .annotate(rows=Count("pk"))
        .order_by("-rows")
        .first()
    )
    day = busiest["day"] if busiest else edition.start_date
    job = BatchJob.objects.create(
        kind="delegations.run_sheets",
        title="bench",
        permission="-",
        arguments={"edition": edition.pk, "day": day.isoformat()},
    )
    done = jobs.run(job)
    size = len(jobs.storage().open(done.file).read()) // 1024
    return f"{day:%d/%m/%Y}: {done.summary} {size} KB", done.seconds


def scheduler():
    from common import jobs
    from common.models import BatchJob
    from expo.models import Edition

    edition = Edition.objects.current()
    _unschedule(edition)
    job = BatchJob.objects.create(
        kind="meetings.schedule", title="bench", permission="-", arguments={"edition": edition.pk}
    )
    done = jobs.run(job)
    return done.summary, done.seconds


def _unschedule(edition):
    """The placed requests accepted again, their meetings and engagements gone: the scheduler's input."""
    from django.db import transaction

    from delegations.models import Engagement
    from meetings.models import Meeting, MeetingRequest

    with transaction.atomic():
        meetings = Meeting.objects.filter(request__edition=edition, request__status=MeetingRequest.Status.SCHEDULED)
        Engagement.objects.filter(pk__in=meetings.values("engagements")).delete()
        requests = list(meetings.values_list("request_id", flat=True))
        meetings.delete()
        MeetingRequest.objects.filter(pk__in=requests).update(status=MeetingRequest.Status.ACCEPTED)


def delegation_import():
    """Both runs (new rows, then the same file again: unchanged); the time is the slower one."""
    import re

    from bench.pages import time_delegation_import

    timings = time_delegation_import()
    seconds = [float(re.match(r"([\d.]+) s", value).group(1)) for value in timings.values() if value[0].isdigit()]
    detail = "; ".join(f"{label.split(' (goal')[0]}: {value}" for label, value in timings.items())
    return detail, max(seconds, default=None)


def backup():
    from django.core.management import call_command

    call_command("backup", output=str(ARCHIVE), stdout=open(os.devnull, "w"))  # noqa: SIM115
    return f"{ARCHIVE.stat().st_size // (1024 * 1024)} MB archive"


def restore():
    from django.core.management import call_command

    call_command("restore", str(ARCHIVE), no_input=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    ARCHIVE.unlink()
    return "every table's rows and every file's digest checked"


RUNNERS = {
    "badges": badges,
    "run_sheets": run_sheets,
    "scheduler": scheduler,
    "import": delegation_import,
    "backup": backup,
    "restore": restore,
}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    _timed(RUNNERS[sys.argv[1]])
