"""`make bench`: every public page against two anchors, at 1 × and 4 × the design scale.

Steps:
1. prepare a separate PostgreSQL database (BENCH_DATABASE_URL) and static files; the anchors'
   table (bench/anchor: 3,000 plain rows) in the same database;
2. per scale (BENCH_SCALES, default "1,4"): fill it with `generate_bench_data`, count queries
   per page (first scale), time each page in process with every cache off, then load the pages
   under gunicorn with wrk in interleaved rounds against the anchors (bench/load.py);
   then the first request after an edit against a warm one (bench/edits.py) and, at 1 ×, visitors
   on cached pages while a crawler walks uncached ones (bench/crawl.py);
3. time the slow jobs (fact sheets; the press kit from nothing and after one release changed,
   each in a process of its own with its peak memory, unless BENCH_SKIP_KIT=1), and weigh one
   public page of each kind (bench/weight.py: HTML + CSS + JS compressed, budget 100 KB);
   a phone on a weak network (bench/phone.py: LCP cold and repeated, bytes, oversized images);
   with BENCH_GATES=1, registration and the gates' sync at scale last (bench/gates.py);
4. the organisers' batch work at the design scale, each job in a process of its own with its peak
   memory (bench/batch_jobs.py: badges, run sheets, the scheduler, the import, backup, restore);
   BENCH_BATCH_ONLY=1 measures only these (after the data), BENCH_SKIP_BATCH=1 leaves them out;
and write bench/RESULTS.md (bench/report.py), with the machine's load before and after.
Exits non-zero only when it could not run.
"""

import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import crawl, edits, load  # noqa: E402 (after the path)

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/expo_bench")
SCALES = [int(n) for n in os.environ.get("BENCH_SCALES", "1,4").split(",") if n.strip()]


def scale_args(scale):
    # Delegations, members and the programme stay at the design scale: the 4 × run is about the catalogue.
    return [
        "--exhibitors", str(2500 * scale), "--exhibits", str(15000 * scale),
        "--delegations", "500", "--members", "5000", "--programme", "300",
    ]  # fmt: skip


def log(message):
    print(message, flush=True)  # noqa: T201 (the benchmark reports its progress on the console)


def production_env(static_root, cache_seconds, fragment_seconds=600):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + "x" * 50,
        # The badges' QR codes are signed (common/signing.py): a key of the run's own.
        EXPO_TICKET_SIGNING_KEY=base64.b64encode(os.urandom(32)).decode(),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Another name than the one wrk asks for, so any port is accepted (and ignored).
        EXPO_SITE_URL="http://expo.bench.test",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=DATABASE_URL,
        EXPO_PAGE_CACHE_SECONDS=str(cache_seconds),
        EXPO_FRAGMENT_CACHE_SECONDS=str(fragment_seconds),
    )
    return env


def manage(env, *args, check=True):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check, text=True)


def uptime():
    # TZ=UTC: django.setup() sets TZ to the site's zone in this process.
    env = {**os.environ, "TZ": "UTC"}
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False, env=env).stdout.strip() + " UTC"


def prepare_anchor(database_url=DATABASE_URL):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "bench.anchor.settings"}
    code = (
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); from bench.anchor.views import fill; fill()"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    return env


def generate(env, scale):
    generated = subprocess.run(
        [sys.executable, "manage.py", "generate_bench_data", *scale_args(scale)],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    )
    log(generated.stdout.strip().splitlines()[-1])
    # Generators report what they timed as "timing: <what>: <seconds> s".
    return dict(re.findall(r"timing: ([^:]+): ([\d.]+ s)", generated.stdout))


def measure_scale(scale, *, static_root, anchor_env, pages):
    from django.db import connection

    connection.close()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Fresh statistics and visibility maps after the bulk load, as autovacuum keeps them in
            # production: without the VACUUM, counting 60,000 exhibits reads every heap page (5 × slower).
            cursor.execute("VACUUM ANALYZE")
    urls = pages.page_urls()
    labels = [label for label in (pages.LOADED if scale == 1 else pages.LOADED_AT_SCALE) if label in urls]
    varied = pages.varied_urls(urls)
    log(f"  timing {len(labels)} pages in process")
    in_process = pages.in_process(urls, labels)
    index_ms = pages.index_build_ms()
    modes = {
        "page cache off": production_env(static_root, cache_seconds=0),
        "every cache off": production_env(static_root, cache_seconds=0, fragment_seconds=0),
    }
    if scale == 1:
        modes["cached"] = production_env(static_root, cache_seconds=300)
    targets = []
    for label in labels:
        paths = {"page cache off": [urls[label]], "every cache off": varied[label]}
        if "cached" in modes and (urls[label].startswith(("/vi/", "/en/")) or label in pages.EXPORTS):
            paths["cached"] = [urls[label]]
        targets.append((label, paths))
    servers = {mode: load.Server("config.wsgi", env) for mode, env in modes.items()}
    anchor = load.Server("bench.anchor.wsgi", anchor_env)
    with anchor:
        for server in servers.values():
            server.__enter__()
        try:
            results = load.run(anchor=anchor, servers=servers, targets=targets, log=log)
            rss = servers["page cache off"].worker_peak_rss_mb()
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
    # Issue 31: the first request after an edit (every cache off), and visitors beside a crawler.
    edited = edits.measure(urls, modes["every cache off"], log=log)
    crawled = None
    if scale == 1:
        crawled = crawl.measure(urls, varied, production_env(static_root, cache_seconds=300), log=log)
    label = f"{2500 * scale:,} exhibitors, {15000 * scale:,} exhibits"
    return {
        "label": label,
        "results": results,
        "in_process": in_process,
        "rss": rss,
        "index_ms": index_ms,
        "edits": edited,
        "crawl": crawled,
    }


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    load_before = uptime()
    static_root = Path(tempfile.mkdtemp(prefix="expo-bench-static-"))
    env = production_env(static_root, cache_seconds=0)
    log("[1/3] Preparing the bench database, static files and the anchors")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    anchor_env = prepare_anchor()

    # Django in this process to list URLs, count queries and time pages against the bench database.
    os.environ.update(env)
    import django

    django.setup()
    from django.test import Client

    from bench import pages, phone, press_jobs, report, weight

    if os.environ.get("BENCH_BATCH_ONLY") == "1":
        return batch_only(env, load_before)
    scales, timings, jobs, kit = {}, {}, {}, ""
    public_counts = admin_counts = urls = None
    for scale in SCALES:
        log(f"[2/3] {scale} × the design scale")
        if os.environ.get("BENCH_SKIP_DATA") != "1" or scale != SCALES[0]:
            timings.update(generate(env, scale))
        if public_counts is None:
            urls = pages.page_urls()
            public_counts = pages.count_queries(urls)
            admin_counts = pages.count_admin_queries()
        scales[scale] = measure_scale(scale, static_root=static_root, anchor_env=anchor_env, pages=pages)
        if scale == SCALES[0]:
            log("[3/3] Slow jobs")
            jobs = {**timings, **pages.time_jobs()}
            if os.environ.get("BENCH_SKIP_KIT") != "1":
                log("  the press kit from nothing, then after one release changed (bench/press_jobs.py)")
                before = report.load_average()
                kit = report.kit_section(press_jobs.batch_rows(env), load=(before, report.load_average()))
    log("Page weight")
    client = Client()
    weights = weight.table(weight.weigh(client, weight.public_paths(client)))
    weighed = "## Page weight (issue 29: under 100 KB before images, HTML + CSS + JS compressed)\n\n" + weights
    log("A phone on a weak network (bench/phone.py)")
    # The uploaded images are served by Django here, standing in for the web server that serves
    # them in production (docs/nginx.conf): without it every photo and the key visual is a 404.
    phone_env = {**production_env(static_root, cache_seconds=300), "EXPO_SERVE_MEDIA": "1"}
    with load.Server("config.wsgi", phone_env) as site:
        weighed += "\n\n" + phone.section(site.url, urls)
    if os.environ.get("BENCH_GATES") == "1":
        log("Tickets and gates at scale (bench/gates.py)")
        gates = subprocess.run([sys.executable, "-m", "bench.gates"], cwd=ROOT, env=env, text=True, capture_output=True)
        figures = [line for line in gates.stdout.splitlines() if line.startswith(("registration", "sync", "  "))]
        if gates.returncode:
            # The rest of the run is kept: the failure is reported in its section, not raised.
            log(gates.stderr)
            figures.append(f"bench.gates failed (exit {gates.returncode}): {gates.stderr.strip().splitlines()[-1:]}")
        weighed += "\n\n## Tickets and gates at scale (issue 28)\n\n```\n" + "\n".join(figures) + "\n```"
    if os.environ.get("BENCH_SKIP_BATCH") != "1":
        weighed += "\n\n" + batch_section(env, first_scale_generated=bool(SCALES))
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    kept = report.kept_sections(previous)
    # Not measured in this run (BENCH_SKIP_KIT=1): the last measured figures stay, with their date.
    kit = kit or report.section(previous, report.KIT_HEADING)
    results.write_text(
        report.render(
            urls=urls,
            public_counts=public_counts,
            admin_counts=admin_counts,
            scales=scales,
            jobs=jobs,
            uptime=(load_before, uptime()),
            notes="\n\n".join(filter(None, [weighed, os.environ.get("BENCH_NOTES", ""), kept])),
            kit=kit,
        ),
        encoding="utf-8",
    )
    log("Bench finished: bench/RESULTS.md written.")


def batch_section(env, *, first_scale_generated):
    """The batch jobs' table, on the design scale's data (generated again if a larger scale ran last)."""
    from bench import batch_jobs

    if SCALES and max(SCALES) != 1 and first_scale_generated:
        log("Batch work: the design scale's data again")
        generate(env, 1)
    log("Batch work at the design scale (bench/batch_jobs.py)")
    before = uptime()
    results = batch_jobs.run_all(env, log=log)
    return batch_jobs.table(results, (before, uptime()))


def batch_only(env, load_before):
    """BENCH_BATCH_ONLY=1: the data (unless BENCH_SKIP_DATA=1), then the batch jobs; their section of
    bench/RESULTS.md replaced, the rest kept as the last full run wrote it."""
    from bench import report

    if os.environ.get("BENCH_SKIP_DATA") != "1":
        generate(env, 1)
    section = batch_section(env, first_scale_generated=False)
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    heading = section.split("\n", 1)[0]
    results.write_text(report.replace_section(previous, heading, section), encoding="utf-8")
    log(f"Batch work measured (load before the run: {load_before}); bench/RESULTS.md written.")


if __name__ == "__main__":
    main()
