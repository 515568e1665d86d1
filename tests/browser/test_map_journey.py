"""A visitor finds a stand on the site map, in a real browser: axe-clean, no CSP violation."""

import re

from playwright.sync_api import expect


def test_visitor_searches_the_map_and_zooms(committed_demo, live_server, page, checker):
    page.goto(f"{live_server.url}/vi/map/")
    expect(page.locator("h1")).to_contain_text("Sơ đồ khu triển lãm")
    checker.check("map-vi")
    page.get_by_label("Tìm gian hàng hoặc đơn vị trưng bày").fill("song hong")
    page.get_by_role("button", name="Tìm kiếm").click()
    expect(page.locator(".map-result")).to_contain_text("Tìm thấy 1 gian hàng")
    expect(page.locator("a.stand.is-highlighted")).to_have_count(1)
    box_before = page.locator("svg.plan").get_attribute("viewBox")
    page.get_by_role("button", name="Phóng to").click()
    assert page.locator("svg.plan").get_attribute("viewBox") != box_before
    page.get_by_role("button", name="Toàn bộ khu triển lãm").click()
    assert page.locator("svg.plan").get_attribute("viewBox").startswith("0.0 0.0 720.0")
    checker.check("map-search-vi")


def test_visitor_follows_a_stand_card_link_in_english(committed_demo, live_server, page, checker):
    page.goto(f"{live_server.url}/en/map/?stand=S-03")
    expect(page.locator(".map-result")).to_contain_text("Stand S-03")
    expect(page.locator("#stand-s-03")).to_have_class(re.compile("is-highlighted"))
    checker.check("map-stand-en")
    page.locator(".map-list summary", has_text="Exhibition Hall A").click()
    page.locator(".map-list").get_by_role("link", name="Show Exhibition Hall A on the plan").click()
    expect(page).to_have_url(re.compile(r"\?hall=hall-a$"))
    checker.check("map-hall-en")
