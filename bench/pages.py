"""What `make bench` measures, and its report. Runs inside Django (bench database)."""

import os
import platform
import statistics
import time
from pathlib import Path

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_BUDGET = 8
ADMIN_BUDGET = 15
# Pages put under load (the rest are only query-counted).
LOADED = {
    "home",
    "exhibitors list",
    "exhibitors list, facets",
    "exhibitors list, search",
    "exhibits list",
    "exhibit detail",
    "programme",
    "schedule.xml",
    "API exhibits list",
}
# Pages also loaded with every cache off (page cache and shared fragments).
NOTHING_CACHED = {"exhibitors list", "exhibitors list, facets", "exhibits list", "schedule.xml"}


def _first(model_label, **filters):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return model.objects.filter(**filters).order_by("pk").first()


def _url(name, *args, **kwargs):
    try:
        with translation.override("vi"):
            return reverse(name, args=args, kwargs=kwargs)
    except NoReverseMatch:
        return None


def page_urls():
    """{label: path} for every public page type that exists in this build."""
    urls = {"home": _url("expo:home")}
    exhibitors = _url("exhibitors:exhibitor_list")
    if exhibitors:
        sector = _first("exhibitors.Sector")
        urls["exhibitors list"] = exhibitors
        urls["exhibitors list, facets"] = f"{exhibitors}?sector={sector.slug if sector else ''}&country=VN"
        urls["exhibitors list, search"] = f"{exhibitors}?q=tau+ngam"
        urls["exhibits list"] = _url("exhibitors:product_list")
        product = _first("exhibitors.Product", is_published=True)
        exhibitor = _first("exhibitors.Exhibitor")
        if product:
            urls["exhibit detail"] = product.get_absolute_url()
        if exhibitor:
            urls["exhibitor detail"] = exhibitor.get_absolute_url()
    programme = _url("expo:programme")
    if programme:
        urls["programme"] = programme
        item = _first("expo.ProgrammeItem", is_published=True)
        if item:
            with translation.override("vi"):
                urls["programme item"] = item.get_absolute_url()
    for label, name in (
        ("programme changes", "expo:programme_changes"),
        ("press centre", "press:index"),
    ):
        if _url(name):
            urls[label] = _url(name)
    for label, path in (("schedule.xml", "/schedule.xml"), ("API exhibits list", "/api/exhibits")):
        urls[label] = path
    return {label: path for label, path in urls.items() if path}


def count_queries(urls):
    """{label: (queries on a cold cache, queries on a repeat request, status)}; the page cache
    is off here, so the repeat shows what the shared fragments (common.cache.remember) save."""
    client = Client()
    counts = {}
    for label, path in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        with CaptureQueriesContext(connection) as repeat:
            client.get(path)
        counts[label] = (len(queries), len(repeat), response.status_code)
    return counts


def count_admin_queries():
    user, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_staff": True})
    user.is_superuser = True
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    counts = {}
    for model in admin.site._registry:
        path = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[model._meta.label] = (len(queries), response.status_code, model._default_manager.count())
    return counts


def static_file_url():
    return staticfiles_storage.url("expo/css/site.css")


def _median_ms(func, args_list):
    times = []
    for args in args_list:
        started = time.perf_counter()
        func(*args)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_jobs():
    """Fact sheets cold and warm (median of several exhibitors) and the press kit, as the press
    app's own functions do them (press/bench.py). BENCH_SKIP_KIT=1 leaves the kit out."""
    from exhibitors.models import Exhibitor
    from press import bench as press_bench

    slugs = list(Exhibitor.objects.order_by("?").values_list("slug", flat=True)[:7])
    args = [(slug, "vi") for slug in slugs]
    cold = _median_ms(press_bench.exhibitor_sheet_cold, args)
    warm = _median_ms(press_bench.exhibitor_sheet_warm, args)
    jobs = {
        "fact sheet, cold (render + store), median of 7": f"{cold:.0f} ms",
        "fact sheet, warm (from storage), median of 7": f"{warm:.0f} ms",
    }
    if os.environ.get("BENCH_SKIP_KIT") != "1":
        started = time.perf_counter()
        result = press_bench.press_kit("vi")
        minutes = (time.perf_counter() - started) / 60
        jobs["press kit (vi), all exhibitors"] = (
            f"{minutes:.1f} min ({result.rendered} rendered, {result.reused} reused)"
        )
    return jobs


def render_report(*, urls, public_counts, admin_counts, results, rss, jobs, settings):
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    cores = sum(1 for line in cpuinfo if line.startswith("processor"))
    database = f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}"
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {cpu}, {cores} cores, Python {platform.python_version()}, {database}",
        f"Run: `make bench` — gunicorn gthread {settings['workers']} workers × {settings['threads']} threads, "
        f"debug off, whitenoise; wrk -t2, {settings['rounds']} rounds × {settings['duration']} s, median.",
        "",
        "## Queries per request (public budget ≤ 8, admin ≤ 15)",
        "",
        "| page | path | queries (cold cache) | queries (repeat) | status |",
        "|---|---|---|---|---|",
    ]
    for label, (count, repeat, status) in public_counts.items():
        flag = "" if count <= PUBLIC_BUDGET else " **over budget**"
        lines.append(f"| {label} | `{urls[label]}` | {count}{flag} | {repeat} | {status} |")
    lines += ["", "| admin changelist | rows | queries | status |", "|---|---|---|---|"]
    for label, (count, status, rows) in sorted(admin_counts.items()):
        flag = "" if count <= ADMIN_BUDGET else " **over budget**"
        lines.append(f"| {label} | {rows} | {count}{flag} | {status} |")

    static = {c: results.get(("static file (whitenoise)", "uncached", c)) for c in (16, 64)}
    health = {c: results.get(("/healthz", "uncached", c)) for c in (16, 64)}
    lines += [
        "",
        "## Throughput and latency",
        "",
        "| page | cache | conns | req/s | p50 ms | p99 ms | errors+non-2xx | × healthz | × static |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for (label, cache, conns), (rps, p50, p99, bad) in results.items():
        vs_health = rps / health[conns][0] if health.get(conns) else 0
        vs_static = rps / static[conns][0] if static.get(conns) else 0
        figures = f"{rps:.0f} | {p50:.1f} | {p99:.1f} | {bad} | {vs_health:.2f} | {vs_static:.2f}"
        lines.append(f"| {label} | {cache} | {conns} | {figures} |")
    lines += ["", "## Slow jobs", ""]
    lines += [f"- {label}: {value}" for label, value in jobs.items()] or ["- none measured in this build"]
    lines += ["", "## Memory", ""]
    lines += [f"- peak RSS per worker ({mode}): {mb:.0f} MB" for mode, mb in rss.items()]
    lines.append("")
    return "\n".join(lines)
