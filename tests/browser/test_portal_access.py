"""An invited contact in chromium: chooses a password from the invitation, sees the home's checklist,
invites a colleague and enrols an authenticator app — each page in both languages, at 390 and
1280 px, axe without serious or critical findings, no CSP violation."""

import pytest
from playwright.sync_api import expect

from portal import access_services
from tests.accounts import totp_code
from tests.factories import make_exhibitor
from tests.helpers import portal_link_in

PASSWORD = "pháo phòng không 2026"


@pytest.fixture
def invited(transactional_db, edition, smtp, live_server, django_capture_on_commit_callbacks):
    exhibitor = make_exhibitor("viettel", "Tập đoàn Viettel", "VN")
    access_services.invite(
        exhibitor=exhibitor,
        name="Nguyễn Thị Hoa",
        email="hoa@viettel.example",
        language="vi",
        is_main=True,
        invited_by=None,
        inviter_name="Ban tổ chức",
        base_url=live_server.url,
    )
    return portal_link_in(smtp.messages[0]).removeprefix(live_server.url)


def test_an_invited_contact_sets_a_password_and_finds_their_way(invited, live_server, page, checker):
    from portal.models import Contact

    page.goto(live_server.url + invited)
    checker.check("portal-welcome-vi")
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.get_by_role("button", name="Đặt mật khẩu và đăng nhập").click()
    expect(page.locator("h1")).to_have_text("Tập đoàn Viettel")
    expect(page.locator(".portal-checklist")).to_contain_text("Người liên hệ")
    checker.check("portal-home-vi")

    page.goto(f"{live_server.url}/en/exhibitor/")
    expect(page.locator(".portal-checklist")).to_contain_text("Done")
    checker.check("portal-home-en")
    page.get_by_role("link", name="Contacts").first.click()
    page.fill("#id_name", "Jane Carter")
    page.fill("#id_email", "jane@viettel.example")
    page.select_option("#id_language", "en")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".messages")).to_contain_text("Jane Carter is invited")
    checker.check("portal-contacts-en")

    page.get_by_role("link", name="Two-step sign-in").click()
    expect(page.locator("img.portal-qr")).to_be_visible()
    checker.check("portal-security-en")
    from common import second_factor

    device = second_factor.pending_device(Contact.objects.get(email="hoa@viettel.example").user)
    page.fill("#id_code", totp_code(device))
    page.get_by_role("button", name="Switch two-step sign-in on").click()
    expect(page.locator(".messages")).to_contain_text("Two-step sign-in is on.")
