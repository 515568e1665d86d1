"""gunicorn's own checks, for every deployment: gunicorn reads ./gunicorn.conf.py by itself.

The command line (Procfile) and WEB_CONCURRENCY still say how many processes and threads.
"""

import os
import sys

# Caches each process keeps to itself: a write in one process is never seen by the others.
PER_PROCESS = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def on_starting(server):
    """Refuse several worker processes without a cache they share: each process keeps the
    catalogue's index per catalogue version, read from the cache (docs/catalogue.md), so with
    a cache of its own a process would never learn of an edit made through another."""
    if server.cfg.workers <= 1:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS:
        sys.exit(
            f"Refusing to start {server.cfg.workers} worker processes without a shared cache: set REDIS_URL "
            "(or EXPO_TASK_QUEUE=database for the file cache on one machine), or run one worker process "
            "with threads (--workers 1 --threads N)."
        )
