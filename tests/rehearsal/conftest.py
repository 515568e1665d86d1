"""The rehearsal's stage (tests/rehearsal/stage.py), its report, and one browser context per role."""

import datetime
import os
import shutil
from pathlib import Path

import pytest
from django_otp.oath import totp

from tests.rehearsal.report import Report
from tests.rehearsal.stage import PASSWORD, ROOT, TOTP_KEY, Stage

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRESQL = DATABASE_URL.startswith(("postgres://", "postgresql://"))

_report = None
_written = []  # the reports written in this run, named at the end of pytest's output


def pytest_collection_modifyitems(items):
    reason = None
    if os.environ.get("EXPO_REHEARSAL") != "1":
        # Opt-in: `make rehearsal`, and the PostgreSQL run of CI (.ci/run sets EXPO_REHEARSAL=1).
        reason = "the rehearsal runs with `make rehearsal` or EXPO_REHEARSAL=1"
    elif not ON_POSTGRESQL:
        reason = "the rehearsal runs on PostgreSQL only (DATABASE_URL=postgres://…; make rehearsal)"
    elif not shutil.which("redis-server"):
        reason = "the rehearsal needs redis-server (apt-get install redis-server)"
    for item in items:
        if reason and item.nodeid.startswith("tests/rehearsal/"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    ours = _report is not None and item.nodeid.startswith("tests/rehearsal/")
    if ours and (report.when == "call" or (report.when == "setup" and report.outcome != "passed")):
        outcome = "xfailed" if hasattr(report, "wasxfail") else report.outcome
        detail = getattr(report, "wasxfail", "")
        if report.outcome == "failed":
            crash = getattr(report.longrepr, "reprcrash", None)
            detail = (crash.message if crash else "") + "\n\n" + report.longreprtext[-1500:]
        _report.record(item.name, item.function.__doc__ or "", outcome, detail)
    return report


@pytest.fixture(scope="session")
def report():
    global _report
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(os.environ.get("REHEARSAL_REPORT_DIR") or ROOT / "var" / "rehearsal" / stamp)
    folder.mkdir(parents=True, exist_ok=True)
    _report = Report(folder)
    yield _report
    _report = None


@pytest.fixture(scope="session")
def stage(report, tmp_path_factory):
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    the_stage = Stage(admin_url, report.folder, tmp_path_factory.mktemp("rehearsal-var"))
    try:
        the_stage.start()
        yield the_stage
    finally:
        the_stage.stop()
        report.write(the_stage, the_stage.mailbox.received)
        _written.append(report.folder / "report.html")


def pytest_terminal_summary(terminalreporter):
    for path in _written:
        terminalreporter.write_line(f"Rehearsal report: {path}")


class Role:
    """One person's browser (own cookies), logged in to the admin when they have an account."""

    def __init__(self, browser, stage, username=None, locale="en-GB"):
        self.context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(30_000)
        self.page = self.context.new_page()
        self.stage = stage
        self.csp_violations = []
        self.page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and self.csp_violations.append(f"{self.page.url}: {m.text}"),
        )
        if username:
            self.page.goto(f"{stage.url}/admin/login/")
            self.page.fill("#id_username", username)
            self.page.fill("#id_password", PASSWORD)
            self.page.locator("input[type=submit]").click()
            self.page.wait_for_url(lambda url: "/admin/login/" not in url)
            if "/admin/second-factor/" in self.page.url:
                # Staff who approve: the code their authenticator app shows now.
                self.page.fill("#id_code", f"{totp(bytes.fromhex(TOTP_KEY)):06d}")
                self.page.locator("#login-form input[type=submit]").click()
                self.page.wait_for_url(lambda url: "/admin/second-factor/" not in url)
            self.page.wait_for_selector("#site-name")

    def go(self, path):
        response = self.page.goto(f"{self.stage.url}{path}")
        assert response.status < 400, f"{path} answered {response.status}"
        return response


@pytest.fixture(scope="session")
def cast(browser, stage):
    roles = {}

    def get(name, locale="en-GB", login=True):
        if name not in roles:
            roles[name] = Role(browser, stage, name if login else None, locale)
        return roles[name]

    yield get
    for role in roles.values():
        role.context.close()
