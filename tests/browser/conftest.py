"""Real-browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Never `playwright install`: the browser is the system's /usr/bin/chromium (apt package
`chromium`, installed by .ci/run). Each page a journey visits is checked with axe-core
(bundled by axe-playwright-python) and for Content-Security-Policy violations, and
screenshotted at 390 px and 1280 px into the test's output folder (test-results/).
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by
# fixtures in that thread are safe here (nothing else runs concurrently in it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class PageChecker:
    """Collects CSP violations and console errors; runs axe; takes screenshots."""

    def __init__(self, page, output_path):
        self.page = page
        self.output_path = output_path
        self.csp_violations = []
        self.console_errors = []
        self.failed_requests = []
        page.on("console", self._on_console)
        page.on("response", self._on_response)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed_requests.append(f"{response.status} {response.url}")

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp_violations.append(text)
        elif message.type == "error":
            self.console_errors.append(text)

    def check(self, name):
        """Accessibility and CSP check of the current page, plus screenshots at two widths."""
        results = Axe().run(self.page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"axe on {self.page.url}: {serious}"
        assert self.csp_violations == [], f"CSP violations on {self.page.url}: {self.csp_violations}"
        assert self.failed_requests == [], f"failed sub-requests on {self.page.url}: {self.failed_requests}"
        os.makedirs(self.output_path, exist_ok=True)
        original = self.page.viewport_size
        for width in (390, 1280):
            self.page.set_viewport_size({"width": width, "height": 900})
            self.page.screenshot(path=os.path.join(self.output_path, f"{name}-{width}.png"), full_page=True)
        self.page.set_viewport_size(original)


@pytest.fixture
def checker(page, output_path):
    return PageChecker(page, output_path)
