"""An exhibitor's contact in the portal, in a real browser: signs in with the demo sign-in, sees
the home, asks a delegation for a meeting, finds it listed and withdraws it; every page in both languages at a
phone's and a desktop's width, with the public site's shell and no serious axe finding."""

import datetime

import pytest
import time_machine
from django.utils import translation
from playwright.sync_api import expect

from meetings.models import MeetingRequest

# Ten days before the demo edition opens (tests/settings.py: 19/12/2024): requests are taken.
BEFORE_THE_SHOW = datetime.datetime(2024, 12, 9, 3, 0, tzinfo=datetime.UTC)
EMAIL, PASSWORD = "sam.carter@redwood-aerospace.example", "demo-portal-2026"  # `make run` prints them


@pytest.fixture
def before_the_show():
    with time_machine.travel(BEFORE_THE_SHOW, tick=True):
        yield


def looks_right(page, checker, name):
    """Axe and CSP checks at both widths, nothing wider than a phone, the public site's shell around."""
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator(".site-footer")).to_be_visible()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow == 0, f"{page.url} is {overflow} px wider than {width} px"
        checker.check(f"{name}-{width}")


def test_a_contact_signs_in_and_asks_a_delegation_for_a_meeting(
    committed_demo, before_the_show, live_server, page, checker
):
    page.goto(f"{live_server.url}/en/exhibitor/")
    expect(page.locator("h1")).to_have_text("Exhibitors' portal")
    looks_right(page, checker, "sign-in-en")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Redwood Aerospace")
    expect(page.locator("main")).to_contain_text("Welcome, Sam Carter.")
    looks_right(page, checker, "home-en")

    portal_nav = page.get_by_role("navigation", name="Exhibitors' portal")
    portal_nav.get_by_role("link", name="Meetings").click()
    expect(page.locator("h1")).to_have_text("Meetings")
    expect(page.locator("main")).to_contain_text("No meeting request yet.")
    page.get_by_role("link", name="Request a meeting").click()
    looks_right(page, checker, "meeting-request-en")

    page.get_by_role("button", name="Send the request").click()  # empty: refused, nothing saved
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below")
    assert not MeetingRequest.objects.filter(counterpart_exhibitor__slug="redwood-aerospace").exists()
    looks_right(page, checker, "meeting-request-errors-en")

    delegation = page.get_by_label("Delegation")
    name = delegation.locator("option").nth(1).inner_text()
    delegation.select_option(label=name)
    page.get_by_label("Subject").fill("Airborne radar upgrade")
    page.get_by_label("Purpose").fill("Present the radar upgrade and hear the air force's needs.")
    page.locator("input[name=wished_days]").first.check()
    page.get_by_label("Interpretation needed").select_option("fr")
    page.get_by_role("button", name="Send the request").click()
    sent = "Your request was sent. The protocol office will tell you its decision here."
    expect(page.locator(".message")).to_have_text(sent)
    card = page.locator(".portal-card", has_text="Airborne radar upgrade")
    expect(card).to_contain_text(name)
    expect(card).to_contain_text("Requested")
    looks_right(page, checker, "meetings-en")
    asked = MeetingRequest.objects.get(subject="Airborne radar upgrade")
    assert (asked.counterpart_exhibitor.slug, asked.asked_by, asked.language) == (
        "redwood-aerospace",
        "counterpart",
        "fr",
    )

    # The same pages in Vietnamese.
    page.goto(f"{live_server.url}/vi/exhibitor/meetings/")
    with translation.override("vi"):
        name_vi = str(asked.delegation)
    expect(page.locator("h1")).to_have_text("Cuộc gặp")
    expect(page.locator(".portal-card", has_text="Airborne radar upgrade")).to_contain_text("Đã đề nghị")
    looks_right(page, checker, "meetings-vi")
    # The contact changes its mind: the request is withdrawn, and nothing is left to withdraw.
    card = page.locator(".portal-card", has_text="Airborne radar upgrade")
    card.get_by_role("button", name="Rút lại đề nghị").click()
    expect(page.locator(".message")).to_have_text(f"Đã rút lại đề nghị gặp {name_vi}.")
    expect(card.get_by_role("button", name="Rút lại đề nghị")).to_have_count(0)
    asked.refresh_from_db()
    assert asked.status == "cancelled"
    looks_right(page, checker, "meetings-withdrawn-vi")
    page.get_by_role("link", name="Đề nghị gặp").click()
    expect(page.locator("h1")).to_have_text("Đề nghị gặp")
    looks_right(page, checker, "meeting-request-vi")
    page.get_by_role("navigation", name="Cổng đơn vị trưng bày").get_by_role("link", name="Tổng quan").click()
    expect(page.locator("main")).to_contain_text("Xin chào Sam Carter.")
    looks_right(page, checker, "home-vi")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.locator("h1")).to_have_text("Cổng đơn vị trưng bày")
    looks_right(page, checker, "sign-in-vi")
