"""Processes and live servers for tests: a free port, waiting for a server to listen, manage.py
run in a fresh process with exactly the settings variables asked for."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    """Return once something listens on `port`; fail at once if `process` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


def production_environ(**env):
    """The environment of this process without any settings variable, plus `env` and the production settings."""
    prefixes = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "EXPO_")
    return (
        {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
        | env
        | {"DJANGO_SETTINGS_MODULE": "config.settings"}
    )


def run_manage(*args, **env):
    """Run manage.py in a fresh process with exactly these settings variables."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environ(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def run_check(**env):
    return run_manage("check", **env)
