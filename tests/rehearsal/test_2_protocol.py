"""The rehearsal, act two: protocol imports the ministry's spreadsheet, houses, drives and looks
after the delegation; a content editor enters an exhibitor; a meeting and an agreement; letters.

The rehearsal's modules run in file order and share one stage (tests/rehearsal/conftest.py):
each step leaves what the next one uses. `make rehearsal` runs them alone.
"""

import pytest
from playwright.sync_api import expect

from tests.rehearsal.script import (
    AGREEMENT,
    EXHIBIT,
    EXHIBITOR,
    MINISTRY_HEADERS,
    MINISTRY_ROWS,
    pick_from_autocomplete,
)

# Every test asks for the same fixtures (the browser included): pytest groups tests by the
# browser's session parameter, and a test without it would be moved away from its module's steps.
pytestmark = pytest.mark.usefixtures("stage", "cast", "report")


def test_step_protocol_imports_the_ministrys_spreadsheet(cast, report, tmp_path_factory):
    """Protocol imports a spreadsheet written the way the ministry writes one: Vietnamese column
    headers, the MOFA country spelling ("Ai-xơ-len"), day-first dates; preview, then confirm."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(MINISTRY_HEADERS)
    for row in MINISTRY_ROWS:
        workbook.active.append(row)
    path = tmp_path_factory.mktemp("import") / "danh-sach-doan.xlsx"
    workbook.save(path)
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/delegation/import/")
    page.set_input_files("input[type=file]", str(path))
    page.locator("input[type=submit]").last.click()
    report.screenshots(page, "import-preview", "Import preview of the ministry's spreadsheet")
    confirm = page.locator("input[name=confirm]")
    expect(confirm).to_be_visible()
    expect(page.locator("#content-main")).to_contain_text("Iceland")
    confirm.click()
    expect(page.locator(".messagelist")).to_be_visible()
    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    expect(page.locator("#result_list")).to_contain_text("Iceland")
    report.screenshots(page, "import-done", "The imported delegation in the delegation list")


def test_step_protocol_houses_drives_and_looks_after_the_imported_delegation(cast, report, stage):
    """Protocol gives the imported delegation's head a room on a hotel's rooming list, a vehicle for
    her arrival on the delegation's form, and a liaison officer and an interpreter with the list's
    action, in the admin."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/hotel/")
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_url("**/change/")
    stage.housed = {"hotel": page.url.rstrip("/").split("/")[-2], "hotel_name": page.input_value("#id_name")}
    stage.housed["room"] = "1207"
    page.locator("tr.add-row a, .add-row a").first.click()
    row = page.locator("tr.dynamic-rooms").last
    pick_from_autocomplete(page, row, "dottir", pick=".")  # found accent-insensitively, shown as "Jónsdóttir"
    row.locator("input[name$='-room']").fill(stage.housed["room"])
    row.locator("input[name$='-check_in']").fill("18/12/2024")
    row.locator("input[name$='-check_out']").fill("22/12/2024")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    report.screenshots(page, "rooming-admin", "A room for the imported delegation's head on the rooming list")

    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    stage.housed["delegation"] = page.locator("#result_list tbody tr input.action-select").first.get_attribute("value")
    protocol.go(f"/admin/delegations/delegation/{stage.housed['delegation']}/change/")
    movement = page.locator(".inline-related", has=page.locator("select[name$='-vehicle']")).first
    stage.housed["vehicle"] = pick_from_autocomplete(page, movement.locator(".field-vehicle").first, "")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    page.select_option("select[name=action]", "assign_people_action")
    page.locator("button[name=index]").click()
    page.select_option("#id_liaison_officer", index=1)
    stage.housed["officer"] = page.locator("#id_liaison_officer option:checked").inner_text().split(" — ")[0]
    interpreter = page.locator("label:has(input[name=interpreters])").first
    interpreter.locator("input").check()
    stage.housed["interpreter"] = interpreter.inner_text().split(": ", 1)[-1].strip()  # "English, French: name"
    report.screenshots(page, "assign-people", "A liaison officer and an interpreter for the imported delegation")
    page.locator("[name=apply]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    report.note(f"Assigned in the admin: {stage.housed}")


def test_step_content_editor_enters_an_exhibitor_and_an_exhibit(cast, report, stage):
    """A content editor adds an exhibitor and one of its exhibits (both languages, published) in
    the admin; both pages open on the public site in each language."""
    editor = cast("editor")
    page = editor.page
    editor.go("/admin/exhibitors/exhibitor/add/")
    page.fill("#id_name", EXHIBITOR["name"])
    page.fill("#id_slug", EXHIBITOR["slug"])
    page.select_option("#id_country", "VN")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    editor.go("/admin/exhibitors/product/add/")
    pick_from_autocomplete(page, page.locator(".field-exhibitor"), "Diễn tập")
    pick_from_autocomplete(page, page.locator(".field-category"), "", pick=".")
    for lang in ("vi", "en"):
        for field in ("name", "summary"):
            tab = page.locator(f"a[href='#tab_id_{field}_{lang}']")
            if tab.count():
                tab.click()
            page.fill(f"#id_{field}_{lang}", EXHIBIT[f"{field}_{lang}"])
    page.fill("#id_slug", EXHIBIT["slug"])
    page.check("#id_is_published")
    report.screenshots(page, "exhibit-admin", "A content editor enters an exhibit")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/exhibits/{EXHIBIT['slug']}/")
        expect(reader.page.locator("h1")).to_have_text(EXHIBIT[f"name_{lang}"])
        expect(reader.page.locator("main")).to_contain_text(EXHIBITOR["name"])
        # The exhibitor's page, by the exhibit page's link to it.
        reader.page.locator("main").get_by_role("link", name=EXHIBITOR["name"]).first.click()
        expect(reader.page.locator("h1")).to_have_text(EXHIBITOR["name"])
        expect(reader.page.locator("main")).to_contain_text(EXHIBIT[f"name_{lang}"])
        report.screenshots(reader.page, f"exhibitor-{lang}", f"The new exhibitor's page ({lang})")


def test_step_protocol_requests_and_schedules_a_meeting_and_an_agreement_is_disclosed(cast, report, stage):
    """Protocol requests a meeting for the imported delegation with an exhibitor, records it
    accepted and places it with the scheduler; an agreement from it is entered as public, a second
    organiser approves its publication, and it is on the results page in both languages."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/meetings/meetingrequest/add/")
    pick_from_autocomplete(page, page.locator(".field-delegation"), "tuan duyen", pick=".")
    pick_from_autocomplete(page, page.locator(".field-counterpart_exhibitor"), "Diễn tập")
    page.fill("#id_subject", "Bảo dưỡng tàu tuần tra")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    protocol.go("/admin/meetings/meetingrequest/?q=tuan+duyen")
    page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    page.select_option("select[name=action]", "mark_accepted")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    protocol.go("/admin/meetings/meetingrequest/schedule/")
    page.locator("form input[type=submit].default").click()
    expect(page.locator(".messagelist")).to_be_visible()
    report.screenshots(page, "meetings-scheduled", "The scheduler placed the accepted requests")
    protocol.go("/admin/meetings/meeting/?q=tuan+duyen")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)

    protocol.go("/admin/meetings/agreement/add/")
    page.select_option("#id_edition", label="VIDE (demo)")
    for field, value in AGREEMENT.items():
        page.fill(f"#id_{field}", value)
    page.fill("#id_signed_on", "19/12/2024")
    page.select_option("#id_disclosure", "public")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .warning")).to_be_visible()  # saved, awaiting a second organiser
    approver = cast("protocol2")
    approver.go("/admin/meetings/agreement/?q=diễn+tập")
    approver.page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    approver.page.select_option("select[name=action]", "approve")
    approver.page.locator("button[name=index]").click()
    expect(approver.page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/results/")
        expect(reader.page.locator("main")).to_contain_text(AGREEMENT[f"title_{lang}"])
        report.screenshots(reader.page, f"results-{lang}", f"Results with the new agreement ({lang})")


def test_step_protocol_invites_and_a_second_organiser_approves(cast, report, stage):
    """One protocol officer invites a draft delegation; a second protocol officer reviews the
    message in the outbox and approves it; the worker sends it through the SMTP server with the
    bilingual letter attached."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/delegation/?status__exact=draft")
    row = page.locator("#result_list tbody tr").first
    stage.invited = row.locator("th a, td a").first.inner_text()
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "invite")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    report.screenshots(page, "invited", "Delegation invited: the message waits for a second organiser")
    before = len(stage.mailbox.received)
    reviewer = cast("protocol2")
    reviewer.go("/admin/outbox/message/?status__exact=draft")
    first = reviewer.page.locator("#result_list tbody tr").first
    first.locator("input.action-select").check()
    reviewer.page.select_option("select[name=action]", "approve")
    reviewer.page.locator("button[name=index]").click()
    # The reviewer sees each message as it will be sent, then approves exactly that.
    confirm = reviewer.page.locator("main [type=submit]").first
    expect(confirm).to_be_visible()
    report.screenshots(reviewer.page, "invitation-review", "Second organiser reviews the invitation as it will be sent")
    confirm.click()
    expect(reviewer.page.locator(".messagelist")).to_be_visible()
    report.screenshots(reviewer.page, "invitation-approved", "Second organiser approved the invitation")
    found = stage.mailbox.wait_for(
        lambda item: (
            stage.mailbox.received.index(item) >= before
            and any(part.get_content_type() == "application/pdf" for part in item["message"].iter_attachments())
        ),
        what="the invitation with its letter",
    )
    letter = next(p for p in found[-1]["message"].iter_attachments() if p.get_content_type() == "application/pdf")
    report.pdf(letter.get_content(), "invitation-letter", "Invitation letter as mailed", pages=2)
