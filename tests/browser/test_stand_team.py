"""An exhibitor registers a stand staff member on a phone and at a desk, in both languages: the
portal's stand team page passes axe with no CSP violation at 390 and 1280 px."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from model_bakery import baker
from playwright.sync_api import expect

from portal.models import Contact, StandStaff
from tests.factories import make_exhibitor
from tests.helpers import png_bytes


@pytest.fixture
def contact_session(transactional_db, edition):
    hall = baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", kind="hall", name_en="Hall A", order=1)
    exhibitor = make_exhibitor("viettel", "Viettel", "VN", stand=(hall, "A-12"), edition=edition)
    user = get_user_model().objects.create_user("an@viettel.example", "an@viettel.example", "a long passphrase 2026")
    Contact.objects.create(exhibitor=exhibitor, user=user, name="An", email=user.email, is_main=True)
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_an_exhibitor_adds_a_stand_staff_member(contact_session, live_server, page, checker, tmp_path):
    page.context.add_cookies([{"name": "sessionid", "value": contact_session, "url": live_server.url}])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/vi/exhibitor/team/")
    expect(page.locator("h1")).to_have_text("Nhân sự gian hàng")
    checker.check("stand-team-vi-empty")
    page.get_by_role("link", name="Thêm thành viên").click()
    expect(page.locator("h1")).to_have_text("Thêm thành viên")
    checker.check("stand-team-vi-add")
    portrait = tmp_path / "chan-dung.png"
    portrait.write_bytes(png_bytes((600, 800)))
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Hoa")
    page.get_by_label("Vai trò tại gian hàng").fill("Trưởng gian hàng")
    page.get_by_label("Quốc tịch").select_option("VN")
    page.get_by_label("Số hộ chiếu hoặc giấy tờ tùy thân").fill("C1234567")
    page.get_by_label("Ảnh in trên thẻ").set_input_files(str(portrait))
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".portal-table")).to_contain_text("Nguyễn Thị Hoa")
    expect(page.locator(".portal-table")).to_contain_text("Chờ thẩm tra")
    checker.check("stand-team-vi")
    page.goto(f"{live_server.url}/en/exhibitor/team/")
    expect(page.locator(".portal-allowance")).to_contain_text("1 used, 1 left.")
    checker.check("stand-team-en")
    assert StandStaff.objects.get().status == "to_vet"
