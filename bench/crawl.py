"""Issue 31, part 4: visitors on cached pages while a crawler walks uncached ones.

One server with the production caches on (page cache and shared fragments), and two wrk runs at
once against it: a crawler at 16 connections asking a different URL on every request (the
facet, search, detail and programme combinations of `pages.varied_urls` and every exhibit's
page, shuffled, each asked once, so it never meets the page cache), and 16 visitors asking the
cached pages (home, both lists, an exhibit, the programme). The goal: the visitors' p99 ≤ 250 ms.
Run for each server topology in TOPOLOGIES: the bench's own (2 sync workers) and the Procfile's
(2 workers × 4 threads, gthread).

Alone: `DATABASE_URL=… REDIS_URL=… DJANGO_DEBUG=1 python -m bench.crawl`; `make bench` runs it
at 1 × the design scale (bench/run.py).
"""

import os
import random
import subprocess
import threading
import types
from urllib.parse import urlsplit

from bench import load

VISITED = ["home", "exhibits list", "exhibitors list", "exhibit detail", "programme"]
CRAWLED = [
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
TOPOLOGIES = {
    "2 sync workers (the bench's)": ["--worker-class", "sync", "--workers", "2"],
    "2 workers × 4 threads (the Procfile's)": ["--worker-class", "gthread", "--workers", "2", "--threads", "4"],
}
DURATION = int(os.environ.get("BENCH_CRAWL_SECONDS", "10"))


def crawler_paths(varied):
    """The crawler's URLs, each asked once: the varied lists, filters and searches, and every
    exhibit's page the sitemap lists, in both languages, as a crawler following it asks them (at
    1 × about 27,000 URLs, more than a 10-s run asks, so none comes from the page cache)."""
    from exhibitors.sitemaps import ProductSitemap

    site = types.SimpleNamespace(domain="expo.bench.test", name="bench")  # the paths are what count
    listed = [urlsplit(url["location"]).path for url in ProductSitemap().get_urls(site=site, protocol="http")]
    paths = list(dict.fromkeys([path for label in CRAWLED for path in varied.get(label, [])] + listed))
    random.Random(31).shuffle(paths)  # noqa: S311 (an order, not a secret)
    return paths


def _empty_shared_cache():
    """Each topology meets the crawler with nothing of the previous one's in the shared cache (when
    the servers share Redis with this process; without REDIS_URL each server's cache is its own)."""
    from django.core.cache import cache

    cache.clear()


def _wrk(base, paths, out):
    script = load._script(paths)
    command = ["wrk", "-t1", f"-c{load.CONNECTIONS}", f"-d{DURATION}s", "--latency", "--timeout", "10s"]
    try:
        run = subprocess.run([*command, "-s", script, base + paths[0]], capture_output=True, text=True, check=True)
        out.append(run.stdout)
    finally:
        os.unlink(script)


def _figures(text):
    rps, p50, p99, errors = load.parse(text)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors}


def measure(urls, varied, env, *, log):
    """{topology: {"visitors": figures, "crawler": figures, "alone": visitors' figures without the crawler}}."""
    visited = [urls[label] for label in VISITED if label in urls]
    crawled = crawler_paths(varied)
    results = {}
    for name, arguments in TOPOLOGIES.items():
        _empty_shared_cache()
        with load.Server("config.wsgi", env, [*arguments, "--log-level", "warning"]) as server:
            for path in visited:
                load.warm(server.url, [path])
            alone = []
            _wrk(server.url, visited, alone)
            visitors, crawler = [], []
            threads = [
                threading.Thread(target=_wrk, args=(server.url, crawled, crawler)),
                threading.Thread(target=_wrk, args=(server.url, visited, visitors)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        results[name] = {
            "alone": _figures(alone[0]),
            "visitors": _figures(visitors[0]),
            "crawler": _figures(crawler[0]),
        }
        figures = results[name]
        log(
            f"  crawler + visitors, {name}: visitors p99 {figures['visitors']['p99']:.0f} ms "
            f"({figures['visitors']['rps']:.0f} req/s; alone p99 {figures['alone']['p99']:.0f} ms), "
            f"crawler {figures['crawler']['rps']:.0f} req/s p99 {figures['crawler']['p99']:.0f} ms"
        )
    return results


def table(results):
    lines = [
        "| server | visitors alone: req/s, p99 ms | visitors with the crawler: req/s, p50, p99 ms "
        "| crawler: req/s, p99 ms, errors + non-2xx | visitors' p99 ≤ 250 ms |",
        "|---|---|---|---|---|",
    ]
    for name, figures in results.items():
        alone, visitors, crawler = figures["alone"], figures["visitors"], figures["crawler"]
        verdict = "met" if visitors["p99"] <= 250 else "**not met**"
        lines.append(
            f"| {name} | {alone['rps']:.0f}, {alone['p99']:.0f} | {visitors['rps']:.0f}, {visitors['p50']:.0f}, "
            f"{visitors['p99']:.0f} | {crawler['rps']:.0f}, {crawler['p99']:.0f}, {crawler['errors']} | {verdict} |"
        )
    return "\n".join(lines)


def main():
    import django

    django.setup()
    from bench import pages, run

    env = {
        **run.production_env(os.environ.get("BENCH_STATIC_ROOT", "var/bench-static"), cache_seconds=300),
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    urls = pages.page_urls()
    print(table(measure(urls, pages.varied_urls(urls), env, log=run.log)))  # noqa: T201 (a script's output)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    main()
