"""An organiser in the admin, in a real browser: login, language tabs under the CSP."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def organiser(transactional_db):
    call_command("load_demo", stdout=StringIO())
    return get_user_model().objects.create_superuser("organiser", "org@example.vn", "a-long-test-password")


def test_organiser_logs_in_and_edits_the_edition_in_two_languages(organiser, live_server, page, checker):
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "organiser")
    page.fill("#id_password", "a-long-test-password")
    page.locator("input[type=submit]").click()
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
