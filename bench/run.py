"""`make bench`: the production configuration under load, at the design scale.

Steps (each figure a median of several rounds):
1. prepare a separate PostgreSQL database (BENCH_DATABASE_URL) filled by
   `generate_bench_data` at the design scale, and collect static files;
2. count queries per request for every public page type and every admin changelist;
3. start gunicorn (debug off, whitenoise) and load it with `wrk` from a separate process at
   16 and 64 connections: two baselines (a static file, /healthz) and the pages, uncached
   (page cache off, shared fragments on) and cached (a second server with the page cache on,
   sharing Redis when REDIS_URL is set), and a few pages with nothing cached at all;
4. time the slow jobs (fact-sheet render, delegation import, press kit) where they exist;
5. record peak memory (RSS) per worker;
and write bench/RESULTS.md. Exits non-zero only when it could not run.
"""

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DURATION = int(os.environ.get("BENCH_DURATION", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = (16, 64)
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/expo_bench")
SCALE = [
    "--exhibitors", "2500", "--exhibits", "15000", "--delegations", "500", "--members", "5000", "--programme", "300",
]  # fmt: skip


def log(message):
    print(message, flush=True)


def production_env(static_root, cache_seconds, fragment_seconds=600):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="expo.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + "x" * 50,
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the production settings, on a free loopback port."""

    def __init__(self, env):
        self.env = env
        self.port = free_port()
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "expo.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--worker-class",
                "gthread",
                "--workers",
                str(WORKERS),
                "--threads",
                str(THREADS),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def worker_peak_rss_mb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        peaks = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return max(peaks) if peaks else 0.0


def wrk(url, connections):
    """One wrk round: requests/s, p50 and p99 latency (ms), errors + non-2xx responses."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, latency(50), latency(99), errors + (int(non2xx.group(1)) if non2xx else 0)


def measure(url, connections):
    rounds = [wrk(url, connections) for _ in range(ROUNDS)]
    return (
        statistics.median(r[0] for r in rounds),
        statistics.median(r[1] for r in rounds),
        statistics.median(r[2] for r in rounds),
        sum(r[3] for r in rounds),
    )


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    static_root = Path(tempfile.mkdtemp(prefix="expo-bench-static-"))
    env = production_env(static_root, cache_seconds=0)
    log("[1/5] Preparing the bench database and static files")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    timings = {}
    if os.environ.get("BENCH_SKIP_DATA") != "1":
        generated = subprocess.run(
            [sys.executable, "manage.py", "generate_bench_data", *SCALE],
            cwd=ROOT,
            env=env,
            check=True,
            text=True,
            capture_output=True,
        )
        log(generated.stdout.strip().splitlines()[-1])
        # Generators report what they timed as "timing: <what>: <seconds> s".
        for label, value in re.findall(r"timing: ([^:]+): ([\d.]+ s)", generated.stdout):
            timings[label] = value

    # Django in this process only to list URLs and count queries against the bench database.
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics after the bulk load, as in production
    from bench import pages

    log("[2/5] Counting queries per request")
    urls = pages.page_urls()
    public_counts = pages.count_queries(urls)
    admin_counts = pages.count_admin_queries()
    static_url = pages.static_file_url()

    log("[3/5] Load: baselines and pages, uncached then cached")
    results = {}
    rss = {}
    for cached in (False, True):
        server_env = production_env(static_root, cache_seconds=300 if cached else 0)
        with Server(server_env) as server:
            targets = [("static file (whitenoise)", static_url), ("/healthz", "/healthz")] if not cached else []
            targets += [(name, path) for name, path in urls.items() if name in pages.LOADED]
            for name, path in targets:
                for connections in CONNECTIONS:
                    key = (name, "cached" if cached and path.startswith(("/vi/", "/en/")) else "uncached", connections)
                    if cached and not path.startswith(("/vi/", "/en/")):
                        continue
                    subprocess.run(["curl", "-s", "-o", "/dev/null", server.url + path], check=False)  # warm
                    results[key] = measure(server.url + path, connections)
                    log(f"  {key[0]:<34} {key[1]:<8} c={connections:<3} {results[key][0]:8.0f} req/s")
            rss["cached" if cached else "uncached"] = server.worker_peak_rss_mb()

    # "none": the page cache and the shared fragments (facet counts, current edition, schedule
    # documents) both off, so every request computes everything.
    with Server(production_env(static_root, cache_seconds=0, fragment_seconds=0)) as server:
        for name, path in urls.items():
            if name not in pages.NOTHING_CACHED:
                continue
            for connections in CONNECTIONS:
                key = (name, "none", connections)
                results[key] = measure(server.url + path, connections)
                log(f"  {key[0]:<34} {key[1]:<8} c={connections:<3} {results[key][0]:8.0f} req/s")

    log("[4/5] Slow jobs")
    jobs = {**timings, **pages.time_jobs()}

    log("[5/5] Writing bench/RESULTS.md")
    report = pages.render_report(
        urls=urls,
        public_counts=public_counts,
        admin_counts=admin_counts,
        results=results,
        rss=rss,
        jobs=jobs,
        settings={"duration": DURATION, "rounds": ROUNDS, "workers": WORKERS, "threads": THREADS},
    )
    (ROOT / "bench" / "RESULTS.md").write_text(report, encoding="utf-8")
    log("Bench finished: bench/RESULTS.md written.")


if __name__ == "__main__":
    main()
