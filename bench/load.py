"""The load part of `make bench`: every page against two anchors measured in the same run.

Anchors (bench/anchor, the same gunicorn settings and database): "B", a constant 30 KB
response, and "C", a bare Django list of 24 of 3,000 rows in a plain template. Rounds are
interleaved (C, B, then each page in each mode), a page's ratio is taken per round against that
round's anchor, and the report gives the median: a busy machine slows anchors and pages alike.

Modes: "page cache off" (shared fragments on, one URL), "every cache off" (fragments off too,
a different URL on each request from a list: other pages, filters, searches, days or objects),
and "cached" (page cache on, one URL, compared with B).
"""

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = int(os.environ.get("BENCH_DURATION", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = 16
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GUNICORN = ["--worker-class", "sync", "--workers", str(WORKERS), "--log-level", "warning"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving `app` with the bench's settings, on a free loopback port."""

    def __init__(self, app, env, arguments=None):
        self.app, self.env, self.port, self.process = app, env, free_port(), None
        self.arguments = arguments or GUNICORN

    def __enter__(self):
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, self.app, "--bind", f"127.0.0.1:{self.port}", *self.arguments], cwd=ROOT, env=self.env
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn ({self.app}) did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker stuck in a request: the figures are taken already
            self.process.kill()
            self.process.wait()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def worker_peak_rss_mb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        peaks = []
        for pid in children:
            match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return max(peaks, default=0.0)


def _script(paths):
    """A wrk Lua script that requests `paths` in turn (each wrk thread from its own offset)."""
    quoted = ",".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, prefix="expo-bench-") as handle:
        handle.write(
            f"local paths = {{{quoted}}}\nlocal i = math.random(#paths)\n"
            "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
        )
    return handle.name


def wrk(base, paths, script=None):
    """One wrk round over `paths` (one or several; or as a Lua `script` of the caller's, which the
    round deletes): requests/s, p50 and p99 (ms), errors + non-2xx."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "--timeout", "10s"]
    if script is None and len(paths) > 1:
        script = _script(paths)
    if script:
        command += ["-s", script]
    try:
        out = subprocess.run([*command, base + paths[0]], capture_output=True, text=True, check=True).stdout
    finally:
        if script:
            os.unlink(script)
    return parse(out)


def parse(out):
    """The figures of a wrk report: (requests/s, p50 ms, p99 ms, errors + non-2xx)."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)\b", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, latency(50), latency(99), errors + (int(non2xx.group(1)) if non2xx else 0)


def warm(base, paths, times=1):
    """The first three of `paths` requested `times` times each before a measurement."""
    for path in paths[:3]:
        for _ in range(times):
            subprocess.run(["curl", "-s", "-o", "/dev/null", base + path], check=False)


def run(*, anchor, servers, targets, log):
    """Interleaved rounds. `servers`: {mode: Server}; `targets`: [(label, {mode: [paths]})].

    Returns {(label, mode): {"ratio": median ratio to C (B for "cached"), "rps", "p50", "p99",
    "errors"}} plus the anchors under ("B", "anchor") and ("C", "anchor")."""
    rounds = {}
    anchors = {"B": ["/constant"], "C": [f"/rows/?page={n}" for n in range(1, 126)]}
    for paths in anchors.values():
        warm(anchor.url, paths)
    for number in range(ROUNDS):
        measured = {name: wrk(anchor.url, paths) for name, paths in anchors.items()}
        for label, modes in targets:
            for mode, paths in modes.items():
                server = servers[mode]
                if number == 0:
                    warm(server.url, paths)
                figures = wrk(server.url, paths)
                reference = measured["B" if mode == "cached" else "C"][0]
                rounds.setdefault((label, mode), []).append((figures, figures[0] / reference))
                ratio = figures[0] / reference
                log(f"  round {number + 1}: {label:<30} {mode:<16} {figures[0]:7.0f} req/s  {ratio:5.2f}")
        for name in anchors:
            rounds.setdefault((name, "anchor"), []).append((measured[name], 1.0))
    return {
        key: {
            "ratio": statistics.median(r for _f, r in values),
            "rps": statistics.median(f[0] for f, _r in values),
            "p50": statistics.median(f[1] for f, _r in values),
            "p99": statistics.median(f[2] for f, _r in values),
            "errors": sum(f[3] for f, _r in values),
        }
        for key, values in rounds.items()
    }
