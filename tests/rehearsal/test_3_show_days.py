"""The rehearsal, act three: a release in Vietnamese only, the embargo lifts, the day's briefing.

The rehearsal's modules run in file order and share one stage (tests/rehearsal/conftest.py):
each step leaves what the next one uses. `make rehearsal` runs them alone.
"""

import pytest
from playwright.sync_api import expect

from tests.rehearsal import texts
from tests.rehearsal.script import JOURNALISTS, RELEASE, VI_ONLY

# Every test asks for the same fixtures (the browser included): pytest groups tests by the
# browser's session parameter, and a test without it would be moved away from its module's steps.
pytestmark = pytest.mark.usefixtures("stage", "cast", "report")


def test_step_press_office_publishes_a_release_in_vietnamese_only(cast, report, stage):
    """The press office publishes a release written in Vietnamese only (no English title or text)."""
    import datetime

    press = cast("press")
    page = press.page
    press.go("/admin/press/pressrelease/add/")
    page.locator("a[href='#tab_id_title_vi']").click()
    page.fill("#id_title_vi", VI_ONLY["title_vi"])
    page.locator("a[href='#tab_id_body_vi']").click()
    page.locator("#tab_id_body_vi [contenteditable=true]").click()
    page.keyboard.type(VI_ONLY["body_vi"])
    page.fill("#id_slug", VI_ONLY["slug"])
    now = stage.now() - datetime.timedelta(minutes=1)
    page.fill("#id_publish_at_0", now.strftime("%d/%m/%Y"))
    page.fill("#id_publish_at_1", now.strftime("%H:%M:%S"))
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    stage.vi_only_warning = page.locator(".messagelist .warning").all_inner_texts()
    report.screenshots(page, "release-vi-only-saved", "A release saved in Vietnamese only: what the author is told")


def test_step_the_embargo_lifts(cast, report, stage):
    """When the embargo time passes, the release is on the site in both languages, and the
    worker mails it to both accredited journalists, each in their language."""
    import time

    wait = (stage.embargo - stage.now()).total_seconds()
    if wait > 0:
        time.sleep(wait + 1)
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/press/")
        reader.page.get_by_role("link", name=RELEASE[f"title_{lang}"]).first.click()
        expect(reader.page.locator("h1")).to_have_text(RELEASE[f"title_{lang}"])
        report.screenshots(reader.page, f"release-{lang}", f"The release after the embargo ({lang})")
        stage.release_pages = getattr(stage, "release_pages", {})
        stage.release_pages[lang] = reader.page.locator("main").inner_text()
        stage.release_tables = getattr(stage, "release_tables", {})
        stage.release_tables[lang] = reader.page.locator("main table tr").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
        )
    for who in JOURNALISTS.values():
        stage.mailbox.wait_for(
            lambda item, a=who["email"]: a in item["to"] and "press-rehearsal" in texts.body_text(item["message"]),
            timeout=90,
            what=f"the release mailed to {who['email']}",
        )


def test_step_the_days_briefing_is_printed(cast, report, stage):
    """The press office prints the day's results briefing for the press conference, in both languages."""
    reader = cast("reader-en", login=False)
    stage.briefing = {}
    for lang in ("vi", "en"):
        response = reader.page.request.get(f"{stage.url}/{lang}/results/briefing.pdf?day=22/12/2024")
        assert response.status == 200 and response.body().startswith(b"%PDF")
        report.pdf(response.body(), f"briefing-{lang}", f"Daily briefing 22/12/2024 ({lang})", pages=2)
        stage.briefing[lang] = texts.pdf_text(response.body())
