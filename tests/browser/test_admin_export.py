"""django-import-export's export page in a real browser under our CSP: "Select all" works."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browsers import admin_sign_in


@pytest.fixture
def organiser(committed_demo):
    return get_user_model().objects.create_superuser("organiser", "org@example.vn", "a-long-test-password")


def test_select_all_on_the_export_page_works_without_inline_code(organiser, live_server, page, checker):
    admin_sign_in(page, live_server.url, "organiser", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/exhibitors/product/export/")
    page.wait_for_load_state("networkidle")
    toggle = page.locator("input.select-toggle")
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]:visible')
    expect(toggle).to_be_checked()
    assert fields.count() >= 5
    toggle.uncheck()
    for index in range(fields.count()):
        expect(fields.nth(index)).not_to_be_checked()
    toggle.check()
    for index in range(fields.count()):
        expect(fields.nth(index)).to_be_checked()
    # Checked here rather than with checker.check(): axe-core's own injected styles trip the CSP.
    assert checker.csp_violations == []
    assert checker.failed_requests == []
    assert checker.console_errors == []
    page.screenshot(path="test-results/admin-export-1280.png", full_page=True)
