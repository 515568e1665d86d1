"""An organiser in the admin, in a real browser: login, language tabs under the CSP."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browsers import admin_sign_in


@pytest.fixture
def organiser(committed_demo):
    return get_user_model().objects.create_superuser("organiser", "org@example.vn", "a-long-test-password")


def test_organiser_logs_in_and_edits_the_edition_in_two_languages(organiser, live_server, page, checker):
    admin_sign_in(page, live_server.url, "organiser", "a-long-test-password")
    expect(page.locator("#site-name")).to_be_visible()
    page.goto(f"{live_server.url}/admin/expo/edition/")
    page.get_by_role("link", name="VIDE 2024").first.click()
    # modeltranslation's tabs (vendored jQuery UI) turn the vi/en fields into tabs.
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()
    expect(page.locator("#id_name_vi")).to_have_value("Triển lãm Quốc phòng quốc tế Việt Nam 2024")
    assert checker.csp_violations == []
    assert checker.failed_requests == []
    assert checker.console_errors == []


HEADER = (
    "country,organisation,delegation_type,level,role,family_name,given_name,rank,position,gender,nationality,"
    "passport_no,date_of_birth,email,phone,arrival_at,arrival_flight,departure_at,departure_flight,needs"
)
GOOD_ROW = (
    "Lào,Bộ Quốc phòng Lào,international,Bộ trưởng,head,Chansamone,Chanyalath,Đại tướng,Bộ trưởng,nam,LA,"
    "P1234567,{dob},,,2024-12-18 10:00,QV311,2024-12-22 16:00,QV312,"
)


def test_organiser_imports_a_delegation_list_fixes_an_error_and_sees_the_dashboard(
    organiser, live_server, page, checker, tmp_path
):
    admin_sign_in(page, live_server.url, "organiser", "a-long-test-password", "/admin/delegations/delegation/import/")

    wrong = tmp_path / "delegations.csv"
    wrong.write_text(HEADER + "\n" + GOOD_ROW.format(dob="31/02/1958") + "\n", encoding="utf-8")
    page.set_input_files("input[type=file]", str(wrong))
    page.locator("input[type=submit]").last.click()
    errors = page.locator("#content-main table:not(.import-values)")  # the errors, not the allowed values
    expect(errors).to_contain_text("date_of_birth")
    expect(errors).to_contain_text("31/02/1958")
    checker.check("import-errors")

    fixed = tmp_path / "delegations-fixed.csv"
    fixed.write_text(HEADER + "\n" + GOOD_ROW.format(dob="1958-02-28") + "\n", encoding="utf-8")
    page.set_input_files("input[type=file]", str(fixed))
    page.locator("input[type=submit]").last.click()
    confirm = page.locator("input[name=confirm]")
    expect(confirm).to_be_visible()
    checker.check("import-preview")
    confirm.click()
    expect(page.locator(".messagelist")).to_be_visible()

    from delegations.models import Delegation, Member

    laos = Delegation.objects.get(country="LA", organisation_vi="Bộ Quốc phòng Lào")
    assert laos.head.family_name == "Chansamone"
    page.goto(f"{live_server.url}/admin/delegations/delegation/dashboard/")
    summary = f"{Delegation.objects.count()} delegations · {Member.objects.count()} members"
    expect(page.locator("#content")).to_contain_text(summary)
    expect(page.locator("#content")).to_contain_text("Laos")
    expect(page.locator("svg").first).to_be_visible()
    checker.check("dashboard")
