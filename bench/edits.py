"""Issue 31, part 3: the first request after an edit against a warm one, per public page.

Under gunicorn as the rest of the bench (2 sync workers, debug off, PostgreSQL, Redis), with every
cache off, so a warm request is the page's own work with the process's catalogue index built,
and the first request after an edit differs from it only by what the edit costs the process:
rebuilding the index inside that request (EXPO_CATALOGUE_REBUILD=request, as before issue 31) or
in a builder thread while the previous index answers ("background"). An edit is real: one
exhibit's English name saved through the ORM, committed, which moves the catalogue's version.
Per page: the median of WARM sequential requests, then CYCLES times an edit followed by AFTER
sequential requests (the first reaches one worker, the next ones the other too), then a pause for
the builders. Reported: the median first request, the median of the slowest of the AFTER, and
their ratios to the warm median.

Alone: `DATABASE_URL=… REDIS_URL=… DJANGO_DEBUG=1 python -m bench.edits` (the data in place,
`generate_bench_data`); `make bench` runs it at each scale (bench/run.py).
"""

import os
import statistics
import time
import urllib.error
import urllib.request

WARM = 9
CYCLES = int(os.environ.get("BENCH_EDIT_CYCLES", "5"))
AFTER = 4
PAUSE = 3.0  # seconds for the builders to finish between cycles (a build at 4 × takes about 1 s idle)
PAGES = [
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
]


def get_ms(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (the bench's own server)
            response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url}: {error.code}") from error
    return (time.perf_counter() - started) * 1000


def edit():
    """One committed catalogue edit: an exhibit renamed in English (and back, on the next call)."""
    from exhibitors.models import Product

    product = Product.objects.published().order_by("pk").first()
    product.name_en = product.name_en[:-1] if product.name_en.endswith("·") else product.name_en + "·"
    product.save(update_fields=["name_en"])


def measure_page(base, path):
    for _ in range(3):
        get_ms(base + path)
    warm = statistics.median(get_ms(base + path) for _ in range(WARM))
    firsts, slowest = [], []
    for _ in range(CYCLES):
        edit()
        after = [get_ms(base + path) for _ in range(AFTER)]
        firsts.append(after[0])
        slowest.append(max(after))
        time.sleep(PAUSE)
    return {"warm": warm, "first": statistics.median(firsts), "slowest": statistics.median(slowest)}


def measure(urls, env, *, log, modes=("request", "background")):
    """{mode: {label: {"warm", "first", "slowest"} in ms}} for each rebuild mode."""
    from bench import load

    results = {}
    for mode in modes:
        server = load.Server("config.wsgi", {**env, "EXPO_CATALOGUE_REBUILD": mode})
        with server:
            for label in PAGES:
                if label not in urls:
                    continue
                figures = results.setdefault(mode, {})[label] = measure_page(server.url, urls[label])
                log(
                    f"  after an edit ({mode}): {label:<26} warm {figures['warm']:6.0f} ms, first "
                    f"{figures['first']:6.0f} ms, slowest of {AFTER} {figures['slowest']:6.0f} ms"
                )
    return results


def table(results):
    """The markdown table of `measure`'s results, each ratio to the warm request of its own server."""
    lines = [
        f"| page | rebuilt | warm ms | first after an edit ms (× warm) | slowest of the next {AFTER} ms (× warm) |",
        "|---|---|---|---|---|",
    ]
    for label in results[next(iter(results))]:
        for mode, figures in results.items():
            warm, first, slowest = (figures[label][key] for key in ("warm", "first", "slowest"))
            where = "in the request" if mode == "request" else "by a builder thread"
            lines.append(
                f"| {label} | {where} | {warm:.0f} | {first:.0f} ({first / warm:.1f} ×) "
                f"| {slowest:.0f} ({slowest / warm:.1f} ×) |"
            )
    return "\n".join(lines)


STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "var/bench-static")  # alone: collectstatic there first


def main():
    import django

    django.setup()
    from bench import pages, run

    env = {
        **run.production_env(STATIC_ROOT, cache_seconds=0, fragment_seconds=0),
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    modes = os.environ.get("BENCH_EDIT_MODES", "request,background").split(",")
    print(table(measure(pages.page_urls(), env, log=run.log, modes=modes)))  # noqa: T201 (a script's output)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    main()
