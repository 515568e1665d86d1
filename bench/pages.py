"""What `make bench` measures, and its report. Runs inside Django (bench database)."""

import statistics
import time
from pathlib import Path

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_BUDGET = 8
ADMIN_BUDGET = 15
# Pages put under load (the rest are only query-counted).
LOADED = [
    "home",
    "exhibitors list",
    "exhibitors list, facets",
    "exhibitors list, search",
    "exhibits list",
    "exhibits list, search",
    "exhibit detail",
    "programme",
    "site search",
    "API exhibits list",
    "schedule.xml",
    "schedule.json",
    "programme.ics",
    "releases feed",
    # Hundreds of site screens poll it (issue 29): served from the cache at ≥ 0.5 × the anchor B.
    "live board",
]
# Machine-facing exports (issue 31): kept whole under the content version with an ETag
# (common/export_cache.py); "page cache off" serves them from that cache, "every cache off" writes them.
EXPORTS = {"schedule.xml", "schedule.json", "programme.ics", "releases feed"}
# At 4 × the design scale only the cold lists and search are loaded (the goal: flat cost).
LOADED_AT_SCALE = ["exhibitors list", "exhibits list", "exhibits list, search", "API exhibits list"]
# Pages whose cost does not depend on the URL's parameters (no "every cache off" variety).
DETAIL_PAGES = {"exhibit detail", "programme"}


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
        urls["exhibits list, search"] = f"{urls['exhibits list']}?q=tau+ngam"
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
        ("my visit", "companion:my"),
    ):
        if _url(name):
            urls[label] = _url(name)
    if _url("sitesearch:search"):
        urls["site search"] = _url("sitesearch:search") + "?q=tau+ngam"
    for label, path in (
        ("schedule.xml", "/schedule.xml"),
        ("schedule.json", "/schedule.json"),
        ("programme.ics", "/programme.ics"),
        ("API exhibits list", "/api/exhibits"),
    ):
        urls[label] = path
    urls["releases feed"] = _url("press:feed_atom")
    if _url("expo:live"):
        urls["live board"] = _url("expo:live") + "?screen=1"
    return {label: path for label, path in urls.items() if path}


def varied_urls(urls):
    """{label: [paths]}: for "every cache off", a different URL on each request (pages, filters,
    searches, days, objects), so no database or template cache sees the same request twice."""
    from common.text import words
    from exhibitors.models import Category, Product, Sector
    from expo.models import Edition

    terms = sorted({" ".join(words(c.name_vi)[:2]) for c in Category.objects.all()} | {"tau ngam", "ha noi"})
    queries = [term.replace(" ", "+") for term in terms]
    sectors = list(Sector.objects.values_list("slug", flat=True))
    countries = ["VN", "FR", "RU", "IN", "KR", "US", "IL", "DE"]
    pages = range(1, 41)
    varied = {}
    for label, path in urls.items():
        base = path.split("?")[0]
        if label in ("exhibitors list", "exhibits list", "API exhibits list"):
            joiner = "&" if "?" in path else "?"
            varied[label] = [f"{base}{joiner}page={n}" for n in pages] + [
                f"{base}{joiner}sort=country&page={n}" for n in pages
            ]
        elif label == "exhibitors list, facets":
            varied[label] = [f"{base}?sector={s}&country={c}" for s in sectors for c in countries]
        elif label.endswith("search"):
            varied[label] = [f"{base}?q={q}" for q in queries]
        elif label == "exhibit detail":
            slugs = Product.objects.published().order_by("?").values_list("slug", flat=True)[:200]
            varied[label] = [f"{base.rsplit('/', 2)[0]}/{slug}/" for slug in slugs]
        elif label == "programme":
            edition = Edition.objects.current()
            days = edition.days if edition else []
            varied[label] = [f"/{lang}/programme/?day={d:%Y-%m-%d}" for lang in ("vi", "en") for d in days]
        elif label in EXPORTS and not path.startswith("/vi/"):
            varied[label] = [f"{path}?lang=vi", f"{path}?lang=en"]
        else:
            varied[label] = [path, path.replace("/vi/", "/en/", 1)]
    return varied


def in_process(urls, labels, repeat=7):
    """{label: (median ms, median DB ms)} for a request in this process with every cache off."""
    from django.test import override_settings

    timings = {}
    with override_settings(EXPO_PAGE_CACHE_SECONDS=0, EXPO_FRAGMENT_CACHE_SECONDS=0):
        client = Client()
        for label in labels:
            totals, database = [], []
            for _ in range(repeat):
                spent = [0.0]

                def timed(execute, sql, params, many, context, spent=spent):
                    started = time.perf_counter()
                    try:
                        return execute(sql, params, many, context)
                    finally:
                        spent[0] += time.perf_counter() - started

                started = time.perf_counter()
                with connection.execute_wrapper(timed):
                    client.get(urls[label])
                totals.append((time.perf_counter() - started) * 1000)
                database.append(spent[0] * 1000)
            timings[label] = (statistics.median(totals), statistics.median(database))
    return timings


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
    # A superuser uses the admin only from a session its TOTP device verified (common/second_factor.py).
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    counts = {}
    for model in admin.site._registry:
        path = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[model._meta.label] = (len(queries), response.status_code, model._default_manager.count())
    return counts


def _median_ms(func, args_list):
    times = []
    for args in args_list:
        started = time.perf_counter()
        func(*args)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_delegation_import():
    """The admin's delegation import of every generated member (5,000 rows), as its two steps
    do it: the preview (read and check the file, compare with the database without writing) and
    the confirm (write the checked rows), into an edition of its own: once new, once unchanged."""
    from common.spreadsheet_safety import SafeXLSX
    from delegations.admin.exports import member_rows
    from delegations.imports import check_file, write_rows
    from delegations.models import Delegation
    from expo.models import Edition

    source = Edition.objects.current()
    data = SafeXLSX().export_data(member_rows(Delegation.objects.filter(edition=source), sensitive=True))
    user = get_user_model().objects.filter(is_superuser=True).first()
    # The last run's rows would make "new" unchanged: its edition goes first (outside the timing).
    Delegation.objects.filter(edition__slug="bench-import").delete()
    target, _created = Edition.objects.get_or_create(
        slug="bench-import",
        defaults={"name": "Import", "acronym": "IMPORT", "venue_name": source.venue_name,
                  "start_date": source.start_date, "end_date": source.end_date, "time_zone": source.time_zone},
    )  # fmt: skip
    timings = {}
    for label in ("new", "unchanged"):
        started = time.perf_counter()
        headers, rows, errors = check_file(data=data, filename="members.xlsx", edition=target)
        if errors:
            return {"delegation import": f"not measured: {errors[0]}"}
        write_rows(headers=headers, rows=rows, edition=target, user=user, dry_run=True)
        previewed = time.perf_counter()
        write_rows(headers=headers, rows=rows, edition=target, user=user)
        done = time.perf_counter()
        timings[f"delegation import of {len(rows):,} rows, {label} (goal ≤ 15 s)"] = (
            f"{done - started:.1f} s (preview {previewed - started:.1f} s, confirm {done - previewed:.1f} s)"
        )
    return timings


def time_jobs():
    """Fact sheets cold and warm (median of several exhibitors), as the press app's own functions
    do them (bench/press_jobs.py), and the delegation import."""
    from bench import press_jobs
    from exhibitors.models import Exhibitor

    slugs = list(Exhibitor.objects.order_by("?").values_list("slug", flat=True)[:7])
    args = [(slug, "vi") for slug in slugs]
    cold = _median_ms(press_jobs.exhibitor_sheet_cold, args)
    warm = _median_ms(press_jobs.exhibitor_sheet_warm, args)
    jobs = {
        "fact sheet, cold (render + store), median of 7": f"{cold:.0f} ms",
        "fact sheet, warm (from storage), median of 7": f"{warm:.0f} ms",
    }
    jobs.update(time_delegation_import())
    # The press kit is timed in processes of its own, with its peak memory (bench/press_jobs.py):
    # bench/RESULTS.md's section for batch work.
    return jobs


def index_build_ms(repeat=3):
    """Median times to build the catalogue's facet index (the first request after an edit pays
    it) and its exhibits' word index (the first search after an edit pays that)."""
    from exhibitors.catalogue import Filters, ProductCatalogue
    from exhibitors.catalogue.index import CatalogueIndex
    from expo.models import Edition

    edition = Edition.objects.current()
    facets, words = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        index = CatalogueIndex(edition)
        facets.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        index.products.word_index(ProductCatalogue(Filters(), edition=edition).base())
        words.append((time.perf_counter() - started) * 1000)
    return statistics.median(facets), statistics.median(words)
