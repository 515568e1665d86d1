"""An exhibitor's contact changes its profile in chromium: both languages side by side at 390 and
1280 px, axe clean, and the change waits for review."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from portal.models import Contact, Proposal


@pytest.fixture
def signed_in_page(transactional_db, catalogue, live_server, page):
    exhibitor = catalogue["exhibitors"]["song_hong"]
    user = get_user_model().objects.create_user(username="lan@songhong.example", password="x-portal-passphrase-2026")
    Contact.objects.create(exhibitor=exhibitor, user=user, name="Lan", email=user.username, language="vi", is_main=True)
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_a_contact_proposes_a_new_description_in_both_languages(signed_in_page, live_server, checker, catalogue):
    page = signed_in_page
    page.goto(f"{live_server.url}/vi/exhibitor/profile/")
    expect(page.get_by_text("Thiếu tiếng Anh").first).to_be_visible()
    checker.check("portal-profile-vi")
    page.fill("#id_description_vi", "Đóng tàu ngầm và tàu hộ vệ.")
    page.fill("#id_description_en", "Submarines and corvettes.")
    page.get_by_role("button", name="Gửi để xem xét").click()
    expect(page.get_by_text("Ban tổ chức sẽ xem xét thay đổi của quý vị").first).to_be_visible()
    assert Proposal.objects.get().values["description"] == {
        "vi": "Đóng tàu ngầm và tàu hộ vệ.",
        "en": "Submarines and corvettes.",
    }
    kilo = catalogue["products"]["kilo"]
    page.goto(f"{live_server.url}/en/exhibitor/exhibits/{kilo.pk}/")
    expect(page.get_by_role("heading", name="SH-1 submarine")).to_be_visible()
    checker.check("portal-exhibit-en")
