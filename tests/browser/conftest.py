"""Real-browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Never `playwright install`: the browser is the system's /usr/bin/chromium (apt package
`chromium`, installed by .ci/run). Each page a journey visits is checked with axe-core
(bundled by axe-playwright-python) and for Content-Security-Policy violations, and
screenshotted at 390 px and 1280 px into the test's output folder (test-results/).
"""

import os

import pytest

from tests.browsers import PageChecker

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by
# fixtures in that thread are safe here (nothing else runs concurrently in it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def checker(page, output_path):
    return PageChecker(page, output_path)
