"""The press jobs `make bench` times: a fact sheet cold and warm, the press kit.

from bench import press_jobs
press_jobs.exhibitor_sheet_cold("some-slug", "vi")   # renders and stores (old copy removed first)
press_jobs.exhibitor_sheet_warm("some-slug", "vi")   # served from storage
press_jobs.press_kit("vi", workers=2)                # KitResult with rendered/reused counts
press_jobs.kit_from_nothing()                        # both kits, every stored part deleted first
press_jobs.kit_after_one_release()                   # both kits again after one release changed

Run as a program (`python -m bench.press_jobs`, DATABASE_URL set, bench data generated), it times
the two kit builds in a process of their own, so the peak memory (`resource.getrusage`: the build
process and its largest render worker) is theirs alone, and writes them into bench/RESULTS.md's
section for batch work (bench/report.py).
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Issue 31's limits: both kits from nothing, and again after one release changed.
LIMITS = {"kit from nothing": 300, "kit after one release": 30}


def _sheet(slug, language):
    from exhibitors.models import Exhibitor
    from expo.models import Edition
    from press import factsheets

    exhibitor = Exhibitor.objects.prefetch_related("sectors").get(slug=slug)
    return factsheets.exhibitor_sheet(exhibitor, language, edition=Edition.objects.current())


def exhibitor_sheet_cold(slug, language):
    """Read the data, render the PDF and store it; returns its storage name."""
    from django.core.files.storage import default_storage

    from press import factsheets

    sheet = _sheet(slug, language)
    if default_storage.exists(sheet.storage_name):
        default_storage.delete(sheet.storage_name)
    return factsheets.stored_sheet(sheet)


def exhibitor_sheet_warm(slug, language):
    """Read the data and find the stored PDF (what a repeat download costs); returns its bytes."""
    from django.core.files.storage import default_storage

    from press import factsheets

    with default_storage.open(factsheets.stored_sheet(_sheet(slug, language))) as handle:
        return handle.read()


def press_kit(language, *, workers=None):
    from press import kit

    return kit.build_kit(language, workers=workers)


def _delete_tree(folder):
    from django.core.files.storage import default_storage

    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    for name in folders:
        _delete_tree(f"{folder}/{name}")


def kit_from_nothing(*, workers=None):
    """Both kits built with nothing stored: the kits, the catalogue and its parts, release PDFs,
    the expo sheet, the kit's programme and the briefings deleted first. Returns the summary."""
    from expo.models import Edition
    from press import kit

    edition = Edition.objects.current()
    for folder in ("press-kit", "factsheets/expo", f"programme/{edition.slug}", f"briefings/{edition.slug}"):
        _delete_tree(folder)
    return kit.build_all(["vi", "en"], workers=workers)


def kit_after_one_release(*, workers=None):
    """Both kits again after one release's text changed (as the press office edits it in the
    admin); returns what each build rendered (its render log)."""
    from expo.models import Edition
    from press import kit
    from press.models import PressRelease

    edition = Edition.objects.current()
    release = PressRelease.objects.published().filter(edition=edition).order_by("-publish_at").first()
    if release is None:
        raise LookupError("The current edition has no published release.")
    release.summary_vi = f"{release.summary_vi or ''} (cập nhật {time.time():.0f})".strip()
    release.summary_en = f"{release.summary_en or ''} (updated {time.time():.0f})".strip()
    release.save()
    rendered = {}
    for language in ("vi", "en"):
        kit.build_kit(language, workers=workers)
        rendered[language] = kit.current_kit(language)["rendered"]
    return rendered


def _usage():
    """Peak RSS in MB of this process and of its largest worker, and the CPU seconds of both: on a
    shared machine the CPU time says what the job costs, whatever else was running."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    return own.ru_maxrss / 1024, workers.ru_maxrss / 1024, cpu


def _timed_in_this_process(job):
    """Run `job` (the command line's argument) here; print one JSON line of what it measured."""
    import django

    django.setup()
    started = time.perf_counter()
    result = kit_from_nothing() if job == "kit from nothing" else kit_after_one_release()
    seconds = time.perf_counter() - started
    own, workers, cpu = _usage()
    measured = {"job": job, "seconds": seconds, "cpu_seconds": cpu, "peak_mb": own, "worker_peak_mb": workers}
    print(json.dumps({**measured, "result": result}))  # noqa: T201


def timed(job, env=None):
    """`job` run in a process of its own (its peak memory is then its own): the measured dict."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.press_jobs", "--job", job],
        cwd=ROOT,
        env=env or os.environ.copy(),
        check=True,
        capture_output=True,
        text=True,
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    measured["limit"] = LIMITS[job]
    return measured


def batch_rows(env=None):
    """The kit's rows of bench/RESULTS.md's batch section: from nothing, then after one release."""
    return [timed(job, env) for job in LIMITS]


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "--job" in sys.argv:
        return _timed_in_this_process(sys.argv[sys.argv.index("--job") + 1])
    import django

    django.setup()
    from bench import report

    before = report.load_average()
    rows = batch_rows()
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    section = report.kit_section(rows, load=(before, report.load_average()))
    results.write_text(report.replace_section(text, report.KIT_HEADING, section), encoding="utf-8")
    print(section)  # noqa: T201 (a benchmark run alone reports on the console)
    return None


if __name__ == "__main__":
    main()
