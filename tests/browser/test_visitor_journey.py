"""A visitor on the public site, in a real browser."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=StringIO())


def test_visitor_opens_home_and_switches_language(demo, live_server, page, checker):
    page.goto(f"{live_server.url}/", wait_until="networkidle")
    # No Accept-Language preference from this browser profile beyond English: / → /en/ or /vi/.
    assert re.search(r"/(vi|en)/$", page.url)
    page.goto(f"{live_server.url}/vi/")
    expect(page.locator("h1")).to_have_text("Triển lãm Quốc phòng quốc tế Việt Nam 2024")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("note")).to_contain_text("Nội dung minh họa")
    checker.check("home-vi")

    page.locator(".site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_text("Vietnam International Defence Expo 2024")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    checker.check("home-en")


def test_skip_link_moves_focus_to_the_content(demo, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/#main")


def test_missing_page_in_the_browser(demo, live_server, page, checker):
    response = page.goto(f"{live_server.url}/en/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    checker.check("404-en")
