"""bench/RESULTS.md from one `make bench` run: anchors, ratios per page, goals met or not."""

import os
import platform
from pathlib import Path

from django.db import connection

from bench import crawl, edits, load
from bench.pages import ADMIN_BUDGET, DETAIL_PAGES, EXPORTS, PUBLIC_BUDGET

MODES = ("page cache off", "every cache off", "cached")
# Sections a run cannot measure again, carried from one RESULTS.md to the next: the comparison
# that chose the catalogue's read path (issue 25; the PostgreSQL-only path left production code).
KEPT = ("## Catalogue read path",)


def kept_sections(previous):
    """The KEPT sections of the previous RESULTS.md, each up to the next "## " heading."""
    sections = []
    for part in ("\n" + previous).split("\n## ")[1:]:
        section = "## " + part.strip()
        if section.startswith(KEPT):
            sections.append(section)
    return "\n\n".join(sections)


KIT_HEADING = "## The press kit at the design scale (issue 31)"


def load_average():
    """The 1, 5 and 15-minute load averages now, as `uptime` prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _megabytes(value):
    return f"{value:,.0f} MB"


def kit_section(rows, *, load):
    """The press kit's section: each job's time, peak memory and limit, met or not (bench/press_jobs.py)."""
    lines = [
        KIT_HEADING,
        "",
        f"Machine: {_machine()}. Load average (1, 5, 15 min) before: {load[0]}; after: {load[1]} "
        f"({os.cpu_count()} cores, shared with other engineers' work unless it says idle).",
        "",
        "| job | time | limit | met | CPU time (all processes) | peak RSS: the job's process | its largest worker "
        "| what it did |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = "met" if row["seconds"] <= row["limit"] else "**not met**"
        lines.append(
            f"| {row['job']} | {row['seconds']:.1f} s | {row['limit']} s | {met} | {row['cpu_seconds']:.0f} s "
            f"| {_megabytes(row['peak_mb'])} "
            f"| {_megabytes(row['worker_peak_mb'])} | {_what_it_did(row['result'])} |"
        )
    return "\n".join(lines) + "\n"


def _what_it_did(result):
    if not isinstance(result, dict):
        return str(result)
    # The render log of each language's build: the files it rendered, by folder.
    said = []
    for language, names in result.items():
        folders = {}
        for name in names:
            folders.setdefault(name.rsplit("/", 1)[0], []).append(name)
        rendered = ", ".join(f"{len(files)} in {folder}/" for folder, files in folders.items()) or "nothing"
        said.append(f"{language}: rendered {rendered}")
    return "; ".join(said)


def section(text, heading):
    """The section of `text` under `heading` (up to the next "## "), or ""."""
    start = text.find(heading)
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(heading))
    return text[start:end] if end >= 0 else text[start:]


def replace_section(text, heading, section):
    """`text` with its section under `heading` (up to the next "## ") replaced by `section`, or
    `section` added at the end."""
    start = text.find(heading)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(heading))
    return text[:start] + section.rstrip("\n") + ("\n\n" + text[end + 1 :] if end >= 0 else "\n")


def _machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    cores = sum(1 for line in cpuinfo if line.startswith("processor"))
    database = f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}"
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {database}"


def _cell(result, key):
    if result is None:
        return "–"
    return f"{result[key]:.2f}" if key == "ratio" else f"{result[key]:.0f}"


def _goals(scales):
    """Each goal of issue 15 with the figures that decide it."""
    first = scales[min(scales)]
    results = first["results"]
    lines = []

    def check(name, failures):
        verdict = "met" if not failures else "**not met**: " + "; ".join(failures)
        lines.append(f"- {name}: {verdict}")

    labels = sorted({label for label, mode in results if mode != "anchor"})
    lists = [label for label in labels if label not in DETAIL_PAGES | EXPORTS and label != "home"]
    exports = [label for label in labels if label in EXPORTS]
    details = [label for label in labels if label in DETAIL_PAGES]

    def below(label_list, mode, minimum):
        return [
            f"{label} {results[(label, mode)]['ratio']:.2f}"
            for label in label_list
            if (label, mode) in results and results[(label, mode)]["ratio"] < minimum
        ]

    check("lists and search, page cache off ≥ 1.0 × C", below(lists, "page cache off", 1.0))
    check("lists and search, every cache off, varied URLs ≥ 0.5 × C", below(lists, "every cache off", 0.5))
    check("detail pages and programme, every cache off ≥ 1.5 × C", below(details, "every cache off", 1.5))
    check("served from the page cache ≥ 0.5 × B", below(labels, "cached", 0.5))
    # Issue 31: the exports from their own cache (common/export_cache.py), with the page cache off.
    check("exports (schedule, iCal, feed), page cache off ≥ 1.0 × C", below(exports, "page cache off", 1.0))
    slow = [
        f"{label} {results[(label, 'page cache off')]['p99']:.0f} ms"
        for label in labels
        if (label, "page cache off") in results and results[(label, "page cache off")]["p99"] > 250
    ]
    check("p99 at 16 connections ≤ 250 ms, page cache off", slow)
    # Issue 31: crawler-proof, and the first request after an edit.
    check("every page, every cache off, varied URLs ≥ 0.25 × C", below(labels, "every cache off", 0.25))
    for scale, data in sorted(scales.items()):
        if data.get("edits", {}).get("background"):
            late = [
                f"{label} {figures['first'] / figures['warm']:.1f} ×"
                for label, figures in data["edits"]["background"].items()
                if figures["first"] > 2 * figures["warm"]
            ]
            check(f"first request after an edit ≤ 2 × a warm one at {scale} ×", late)
        for name, figures in (data.get("crawl") or {}).items():
            p99 = figures["visitors"]["p99"]
            check(f"visitors' p99 ≤ 250 ms beside a crawler ({name})", [f"{p99:.0f} ms"] if p99 > 250 else [])
    if len(scales) > 1:
        big = scales[max(scales)]["results"]
        growth = []
        for label in labels:
            key = (label, "every cache off")
            if key in big and key in results:
                # Cost relative to C: 1 / ratio. Growth = cost at 4 × / cost at 1 ×.
                factor = results[key]["ratio"] / big[key]["ratio"]
                if factor > 1.5:
                    growth.append(f"{label} × {factor:.2f}")
        check(f"cost at {max(scales)} × the design scale within 1.5 × its cost at 1 ×", growth)
    else:
        lines.append("- cost flat at 4 × the design scale: not measured in this run (see below)")
    return lines


def render(*, urls, public_counts, admin_counts, scales, jobs, uptime, notes="", kit=""):
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {_machine()}",
        f"Load (`uptime`): before the run {uptime[0]}; after it {uptime[1]}",
        f"Run: `make bench` — gunicorn {load.WORKERS} sync workers for every target (pages and anchors), debug off, "
        f"whitenoise, PostgreSQL; wrk -t2 -c{load.CONNECTIONS}, {load.ROUNDS} interleaved rounds × {load.DURATION} s, "
        "ratio per round, then the median.",
        "",
        "Anchors, served by the same gunicorn settings from the same database (bench/anchor):",
        "**B** = a constant 30 KB response; **C** = a bare Django list of 24 of 3,000 rows of a plain model",
        "with a plain template (`?page=` varied). Modes: *page cache off* (shared fragments on, one URL);",
        "*every cache off* (fragments off too, a different URL on every request); *cached* (page cache",
        "on, one URL; its ratio is to B). *in process*: one request in the bench process, every cache off.",
        "",
    ]
    for scale, data in sorted(scales.items()):
        results = data["results"]
        b, c = results.get(("B", "anchor")), results.get(("C", "anchor"))
        lines += [
            f"## {scale} × the design scale ({data['label']})",
            "",
            f"Anchors: B {b['rps']:.0f} req/s (p99 {b['p99']:.0f} ms), C {c['rps']:.0f} req/s (p99 {c['p99']:.0f} ms).",
            "",
            "| page | page cache off (× C) | every cache off, varied URLs (× C) | cached (× B) "
            "| p99 ms, page cache off | p99 ms, every cache off | in process ms (DB ms) |",
            "|---|---|---|---|---|---|---|",
        ]
        labels = [label for label, mode in results if mode == "page cache off"]
        for label in dict.fromkeys(labels):
            off, none, cached = (results.get((label, mode)) for mode in MODES)
            timing = data["in_process"].get(label)
            in_process = f"{timing[0]:.0f} ({timing[1]:.0f})" if timing else "–"
            lines.append(
                f"| {label} | {_cell(off, 'ratio')} | {_cell(none, 'ratio')} | {_cell(cached, 'ratio')} "
                f"| {_cell(off, 'p99')} | {_cell(none, 'p99')} | {in_process} |"
            )
        errors = sum(r["errors"] for r in results.values())
        lines += ["", f"Errors and non-2xx responses over every round: {errors}.", ""]
        if data.get("index_ms"):
            facets, words = data["index_ms"]
            lines += [
                f"Index builds, in process, once per content version and process: facets {facets:.0f} ms "
                f"(the first request after an edit); the exhibits' words {words:.0f} ms (the first search after it).",
                "",
            ]
        if data.get("rss"):
            lines += [f"Peak RSS per worker: {data['rss']:.0f} MB.", ""]
        if data.get("edits"):
            lines += [
                "The first request after an edit (issue 31, bench/edits.py: every cache off, one URL, ",
                "sequential requests; the index rebuilt inside the request, or by a builder thread):",
                "",
                edits.table(data["edits"]),
                "",
            ]
        if data.get("crawl"):
            lines += ["Visitors on cached pages while a crawler walks uncached ones (bench/crawl.py):", ""]
            lines += [crawl.table(data["crawl"]), ""]
    lines += ["## Goals (issue 15)", "", *_goals(scales), ""]
    lines += [
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
    lines += ["", "## Slow jobs", ""]
    lines += [f"- {label}: {value}" for label, value in jobs.items()] or ["- none measured in this run"]
    if kit:
        lines += ["", kit.strip()]
    if notes:
        lines += ["", notes.strip()]
    lines.append("")
    return "\n".join(lines)
