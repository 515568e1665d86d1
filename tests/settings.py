"""Test settings: the real settings module in development mode, with fast password hashing.

Production-mode behaviour (refusing to start without secrets) is tested by starting a real
process with production variables, see tests/expo/test_settings.py.
"""

import datetime
import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The cache is this process's memory, whatever the shell exports: with REDIS_URL (or
# EXPO_TASK_QUEUE=database) it was Redis (or files under var/), kept from one test to the next,
# and five cache tests failed on versions and pages an earlier test had left. Tests that share a
# cache with processes they start give those processes their own settings.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "expo"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405

# Templates only the tests render (e.g. a sample document for the PDF renderer).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405

# django-axes needs the request in authenticate(), which the test client's login() does not
# pass; the lockout itself is tested with axes switched on (tests/expo/test_security.py).
AXES_ENABLED = False

# Whole-page caching is switched on only by the tests that test it (tests/expo/test_cache.py),
# so other tests see their ORM writes at once even when they bypass save().
EXPO_PAGE_CACHE_SECONDS = 0
# Likewise the shared fragments (current edition, facet counts): see tests/exhibitors/test_catalogue_cache.py.
EXPO_FRAGMENT_CACHE_SECONDS = 0
# The catalogue's index is rebuilt inside the request that finds it old: a builder thread reads through a
# connection of its own, which never sees a test's rolled-back rows (tests/exhibitors/test_catalogue_rebuild.py
# commits its rows and tests the thread).
EXPO_CATALOGUE_REBUILD = "request"

# The task queue runs inline (django-tasks' immediate backend), and e-mail goes to memory
# unless a test starts its own SMTP server (tests/outbox/conftest.py).
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # noqa: F405

# Large prints drawn in parts here, not in spawned workers (which would not see a test's database
# or its settings); tests/delegations/test_batch_print.py starts workers on purpose.
EXPO_PDF_WORKERS = 1

# load_demo builds both press kits (hundreds of PDFs); the tests that need it call the step.
PRESS_KIT_ON_DEMO = False

# The demo edition opens two weeks after the day it is loaded (expo/demo.py); the tests pin it to
# VIDE 2024's days, on which their frozen clocks and expected dates were written.
EXPO_DEMO_OPENS = datetime.date(2024, 12, 19)
