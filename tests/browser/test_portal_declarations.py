"""An exhibitor's declarations and deadlines pages in chromium, in both languages, at 390 and 1280 px:
axe finds nothing serious, the page keeps to the CSP, and the form says what to fix."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from portal.models import Contact, Declaration, PortalDeadlines
from tests.factories import make_exhibitor, make_product


@pytest.fixture
def exhibitor_session(transactional_db, edition, sectors, live_server, page):
    PortalDeadlines.objects.create(edition=edition, declarations=datetime.date(2030, 1, 10))
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    rifle = make_product(viettel, sectors["tanks"], "stv", "Súng STV-380", "STV-380 rifle", published=False)
    radar = make_product(viettel, sectors["tanks"], "vrs", "Radar VRS", "VRS radar", published=False)
    Declaration.objects.create(product=radar, edition=edition, status="refused", reason="Thiếu giấy phép xuất khẩu")
    user = get_user_model().objects.create_user("ha@viettel.example", "ha@viettel.example")
    Contact.objects.create(exhibitor=viettel, user=user, name="Lê Thu Hà", email=user.email, language="vi")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return rifle


@pytest.mark.parametrize("language", ["vi", "en"])
def test_declarations_pages_read_well_in_both_languages(exhibitor_session, live_server, page, checker, language):
    page.goto(f"{live_server.url}/{language}/exhibitor/declarations/")
    expect(page.locator("main, body").first).to_contain_text("Thiếu giấy phép xuất khẩu")
    checker.check(f"declarations-{language}")
    page.goto(f"{live_server.url}/{language}/exhibitor/declarations/{exhibitor_session.pk}/")
    page.locator("#id_is_weapon").check()
    page.select_option("#id_condition", "deactivated")
    page.locator("form.portal-form button").click()
    wanted = {"vi": "Vũ khí đã vô hiệu hóa cần có giấy chứng nhận vô hiệu hóa.", "en": "A deactivated weapon needs"}
    expect(page.locator("form.portal-form")).to_contain_text(wanted[language])
    checker.check(f"declaration-form-{language}")
    page.goto(f"{live_server.url}/{language}/exhibitor/deadlines/")
    checker.check(f"deadlines-{language}")
