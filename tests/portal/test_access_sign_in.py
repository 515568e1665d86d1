"""Sign-in by e-mailed link (30 minutes, once, by its button), rate-limited and telling nothing about
which addresses are known; the optional TOTP step once a contact has enrolled."""

import datetime

import pytest
import time_machine
from django.test import Client

from common import second_factor
from portal.models import ContactLink
from tests.accounts import PORTAL_PASSWORD, make_contact, portal_client, totp_code
from tests.factories import make_exhibitor
from tests.helpers import portal_link_in, subject_of, text_of

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2024, 11, 4, 9, 0, tzinfo=datetime.UTC)
ASK = "/en/exhibitor/sign-in/link/"
SENT = "If this address belongs to an exhibitor's contact, a sign-in link is on its way."


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def hoa(edition):
    return make_contact(make_exhibitor("viettel", "Tập đoàn Viettel", "VN"), "hoa@viettel.example", language="vi")


def ask(client, email, capture, **extra):
    with capture(execute=True):
        return client.post(ASK, {"email": email}, **extra)


def test_a_contact_signs_in_once_by_the_link_in_their_language(hoa, smtp, django_capture_on_commit_callbacks):
    response = ask(Client(), "Hoa@Viettel.example", django_capture_on_commit_callbacks)
    assert response.status_code == 200 and SENT in response.content.decode()
    [message] = smtp.messages
    assert subject_of(message) == "Cổng đơn vị trưng bày VIDE 2024: liên kết đăng nhập của quý vị"
    assert "Đây là liên kết vào cổng đơn vị trưng bày cho Tập đoàn Viettel:" in text_of(message)
    url = portal_link_in(message)
    assert url.startswith("/vi/exhibitor/sign-in/link/")

    browser = Client()
    assert "Đăng nhập vào cổng đơn vị trưng bày" in browser.get(url).content.decode()
    assert ContactLink.objects.get().used_at is None  # opening it used nothing
    signed_in = browser.post(url)
    assert signed_in.status_code == 302 and signed_in["Location"] == "/vi/exhibitor/"
    assert "Tập đoàn Viettel" in browser.get("/vi/exhibitor/").content.decode()
    assert Client().post(url).status_code == 404  # once


def test_the_link_lasts_thirty_minutes(hoa, smtp, django_capture_on_commit_callbacks):
    ask(Client(), hoa.email, django_capture_on_commit_callbacks)
    url = portal_link_in(smtp.messages[0])
    with time_machine.travel(NOW + datetime.timedelta(minutes=30, seconds=1), tick=False):
        page = Client().post(url)
    assert page.status_code == 404 and "Liên kết này không dùng được" in page.content.decode()


@pytest.mark.parametrize("who", ["unknown", "removed", "staff"])
def test_the_answer_is_the_same_for_an_address_that_gets_no_link(
    hoa, smtp, django_capture_on_commit_callbacks, who, django_user_model
):
    email = {"unknown": "nobody@viettel.example", "removed": hoa.email, "staff": "organiser@vide.example.vn"}[who]
    if who == "removed":
        portal_client(hoa)  # signed in once
        hoa.removed_at = NOW
        hoa.save()
    if who == "staff":
        django_user_model.objects.create_user(email, email=email, is_staff=True)
    response = ask(Client(), email, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and SENT in response.content.decode()
    assert smtp.messages == [] and not ContactLink.objects.exists()


def test_links_are_rate_limited_per_address_and_per_connection(hoa, smtp, django_capture_on_commit_callbacks):
    browser = Client()
    for _ in range(3):
        assert ask(browser, hoa.email, django_capture_on_commit_callbacks).status_code == 200
    refused = ask(browser, hoa.email, django_capture_on_commit_callbacks)
    assert refused.status_code == 429
    assert "Sign-in links were already sent to this address in the last hour." in refused.content.decode()
    assert len(smtp.messages) == 3
    # Another connection asking for ten other addresses: the eleventh is refused, known or not.
    elsewhere = {"REMOTE_ADDR": "203.0.113.9"}
    for number in range(10):
        assert (
            ask(browser, f"x{number}@example.com", django_capture_on_commit_callbacks, **elsewhere).status_code == 200
        )
    refused = ask(browser, "x10@example.com", django_capture_on_commit_callbacks, **elsewhere)
    assert refused.status_code == 429 and "from your connection" in refused.content.decode()


def test_bad_input_gets_a_clear_answer(hoa):
    response = Client().post("/vi/exhibitor/sign-in/link/", {"email": "không phải địa chỉ"})
    assert response.status_code == 400 and "Nhập địa chỉ email." in response.content.decode()
    assert Client().get("/en/exhibitor/sign-in/link/" + "x" * 300 + "/").status_code == 404


def test_once_enrolled_a_contact_signs_in_with_a_code(hoa, smtp, django_capture_on_commit_callbacks):
    browser = portal_client(hoa)
    page = browser.get("/en/exhibitor/security/").content.decode()
    assert 'src="data:image/svg+xml' in page and "Switch two-step sign-in on" in page
    device = second_factor.pending_device(hoa.user)
    assert second_factor.secret_text(device) in page
    wrong = browser.post("/en/exhibitor/security/", {"code": "000000" if totp_code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "This code is not the current one." in wrong.content.decode()
    with time_machine.travel(NOW + datetime.timedelta(seconds=5), tick=False):  # after the failure's pause
        assert browser.post("/en/exhibitor/security/", {"code": totp_code(device)}).status_code == 302
    assert "Two-step sign-in is on:" in browser.get("/en/exhibitor/security/").content.decode()

    later = NOW + datetime.timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        # The password alone signs nobody in now: the code is asked for.
        other = Client()
        response = other.post("/en/exhibitor/sign-in/", {"username": hoa.email, "password": PORTAL_PASSWORD})
        assert response["Location"] == "/en/exhibitor/sign-in/code/"
        assert other.get("/en/exhibitor/").status_code == 302
        assert other.post("/en/exhibitor/sign-in/code/", {"code": totp_code(device)}).status_code == 302
        assert other.get("/en/exhibitor/").status_code == 200
        # So does the e-mailed link.
        ask(Client(), hoa.email, django_capture_on_commit_callbacks)
        third = Client()
        assert third.post(portal_link_in(smtp.messages[-1]))["Location"] == "/vi/exhibitor/sign-in/code/"
        assert third.get("/en/exhibitor/").status_code == 302
        # A code is used once: the same one again does not pass.
        assert third.post("/en/exhibitor/sign-in/code/", {"code": totp_code(device)}).status_code == 400


def test_a_waiting_code_step_expires(hoa):
    device = second_factor.pending_device(hoa.user)
    device.confirmed = True
    device.save()
    browser = Client()
    browser.post("/en/exhibitor/sign-in/", {"username": hoa.email, "password": PORTAL_PASSWORD})
    with time_machine.travel(NOW + datetime.timedelta(minutes=11), tick=False):
        response = browser.post("/en/exhibitor/sign-in/code/", {"code": totp_code(device)})
    assert response.status_code == 302 and response["Location"] == "/en/exhibitor/sign-in/"
    assert browser.get("/en/exhibitor/").status_code == 302
