"""A phone on a weak network (issue 31, part 5): Debian's chromium as a 390 px phone, the network
throttled to the "slow 4G" profile Lighthouse uses (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
up) and the CPU slowed 4 ×, loads the home page, the catalogue, an exhibit, the map and the
programme: cold (nothing cached), then again once the service worker holds the app shell.

For each page: the largest contentful paint (the browser's own PerformanceObserver), the bytes
transferred (what the network carried, compressed), and every image drawn larger than twice its
displayed size (what `srcset` should have avoided). Goals: LCP ≤ 2.5 s cold and ≤ 1 s repeated;
no oversized image; the home page ≤ 300 KB cold.

Run by `make bench` on the bench's database (bench/run.py), or alone against a running site:
`BASE_URL=http://127.0.0.1:8000 python -m bench.phone` (e.g. the `make run` demo).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
LABELS = ("home", "exhibits list", "exhibit detail", "map", "programme")
GOALS = {"cold_ms": 2500, "repeat_ms": 1000, "home_kb": 300}

# Set before any page script runs: the last LCP candidate is the page's largest contentful paint.
LCP_OBSERVER = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__lcp = entry.startTime;
    const element = entry.element ? entry.element.tagName.toLowerCase() : "";
    window.__lcpWhat = entry.url ? entry.url.split("/").pop() : element;
  }
}).observe({ type: "largest-contentful-paint", buffered: true });
"""
OVERSIZED = """
() => Array.from(document.images)
  .filter((img) => img.complete && img.naturalWidth && img.clientWidth)
  .filter((img) => img.naturalWidth > 2 * img.clientWidth * devicePixelRatio)
  .map((img) => `${img.currentSrc.split("/").pop()} ${img.naturalWidth} px for ${img.clientWidth} css px`)
"""


def log(message):
    print(message, flush=True)  # noqa: T201 (the benchmark reports on the console)


def _counter(transferred):
    def count(event):
        transferred[0] += event["encodedDataLength"]

    return count


def _visit(page, url, transferred):
    transferred[0] = 0
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)  # late candidates (a web font, an image decoded after load)
    return page.evaluate("window.__lcp"), transferred[0] / 1024, page.evaluate("window.__lcpWhat")


def warm(base, paths, times=4):
    """Each page requested a few times before the phone comes: "cold" is the phone's cache, not
    the site's, so a freshly started worker's own first requests (loading the URLs, templates and
    translations, taking the catalogue's index) are not in the figure."""
    from bench import load

    for _label, path in paths:
        load.warm(base, [path], times=times)  # both workers, most likely


def measure(base, paths):
    """{label: {"cold_ms", "repeat_ms", "cold_kb", "oversized": [..], "what": the largest paint}}."""
    from playwright.sync_api import sync_playwright

    warm(base, paths)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new"])
        for label, path in paths:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            context.add_init_script(LCP_OBSERVER)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            transferred = [0]
            cdp.on("Network.loadingFinished", _counter(transferred))
            cold_ms, cold_kb, what = _visit(page, base + path, transferred)
            oversized = page.evaluate(OVERSIZED)
            page.evaluate("() => navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : false")
            repeat_ms, _, _ = _visit(page, base + path, transferred)
            results[label] = {
                "cold_ms": cold_ms,
                "repeat_ms": repeat_ms,
                "cold_kb": cold_kb,
                "oversized": oversized,
                "what": what,
            }
            log(f"  {label:<16} LCP cold {cold_ms:6.0f} ms, repeat {repeat_ms:6.0f} ms; {cold_kb:6.1f} KB cold")
            context.close()
        browser.close()
    return results


def table(results):
    """The Markdown section for bench/RESULTS.md."""
    rows = [
        "| page | LCP cold ms (≤ 2,500) | largest paint | LCP repeat ms (≤ 1,000) | KB cold | images > 2 × shown |",
        "|---|---|---|---|---|---|",
    ]
    for label, r in results.items():
        rows.append(
            f"| {label} | {r['cold_ms']:.0f} | {r['what']} | {r['repeat_ms']:.0f} | {r['cold_kb']:.1f} | "
            f"{', '.join(r['oversized']) or 'none'} |"
        )
    met = [
        all(r["cold_ms"] <= GOALS["cold_ms"] for r in results.values()),
        all(r["repeat_ms"] <= GOALS["repeat_ms"] for r in results.values()),
        all(not r["oversized"] for r in results.values()),
        results.get("home", {}).get("cold_kb", 0) <= GOALS["home_kb"],
    ]
    verdicts = ["met" if ok else "NOT met" for ok in met]
    summary = (
        f"Goals: LCP cold ≤ 2.5 s {verdicts[0]}; repeat ≤ 1 s {verdicts[1]}; no oversized image {verdicts[2]}; "
        f"home ≤ 300 KB cold {verdicts[3]}."
    )
    return "\n".join(rows) + "\n\n" + summary


def paths_of(urls):
    """(label, path) for the pages a phone is measured on, from bench/pages.py's URLs and the map."""
    from django.urls import reverse

    found = {label: urls[label] for label in LABELS if label in urls}
    found.setdefault("map", reverse("siteplan:map"))
    return [(label, found[label]) for label in LABELS if label in found]


def section(base, urls):
    results = measure(base, paths_of(urls))
    profile = "slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), CPU 4 × slower, 390 px at 2 ×"
    return f"## A phone on a weak network (issue 31)\n\nChromium, {profile}.\n\n" + table(results)


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.utils import translation

    from bench import pages

    base = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    with translation.override("vi"):
        log(section(base, pages.page_urls()))


if __name__ == "__main__":
    main()
