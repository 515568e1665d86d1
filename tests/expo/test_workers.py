"""gunicorn refuses several worker processes when each would keep a cache of its own."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def start(*args, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL", "EXPO_"))}
    environ.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    command = [GUNICORN, "config.wsgi", "--bind", "127.0.0.1:0", *args]
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60)


def test_several_workers_without_a_shared_cache_refuse_to_start():
    # Debug mode runs tasks inline and caches in each process's memory.
    result = start("--workers", "2", DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "Refusing to start 2 worker processes without a shared cache: set REDIS_URL" in result.stderr
    assert "Traceback" not in result.stderr
