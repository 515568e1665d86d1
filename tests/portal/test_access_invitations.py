"""Invitations: an organiser (or the main contact) invites a contact by e-mail in the contact's
language; the link, used by its button, sets a password; removing a contact ends its sessions."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model

from portal.models import Contact, ContactLink
from tests.accounts import PORTAL_PASSWORD, make_contact, portal_client
from tests.factories import make_exhibitor, staff
from tests.helpers import portal_link_in, subject_of, text_of

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2024, 11, 4, 9, 0, tzinfo=datetime.UTC)
NEW_PASSWORD = "pháo phòng không 2026"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def viettel(edition):
    return make_exhibitor("viettel", "Tập đoàn Viettel", "VN")


def organiser_invites(client, exhibitor, capture, **fields):
    data = {
        "exhibitor": exhibitor.pk,
        "name": "Nguyễn Thị Hoa",
        "email": "Hoa.Nguyen@Viettel.example",
        "phone": "",
        "language": "vi",
        "is_main": "on",
        **fields,
    }
    with capture(execute=True):
        return client.post("/admin/portal/contact/add/", data)


def test_an_organiser_invites_a_contact_who_sets_a_password_with_the_button(
    viettel, smtp, django_capture_on_commit_callbacks
):
    _user, organiser = staff("Exhibitor services")
    response = organiser_invites(organiser, viettel, django_capture_on_commit_callbacks)
    assert response.status_code == 302, response.content.decode()[:2000]
    contact = Contact.objects.get()
    assert (contact.email, contact.is_main, contact.user.username) == (
        "hoa.nguyen@viettel.example",
        True,
        contact.email,
    )
    assert not contact.user.has_usable_password()

    [message] = smtp.messages
    assert message["To"].addresses[0].addr_spec == "hoa.nguyen@viettel.example"
    assert subject_of(message) == "Cổng đơn vị trưng bày VIDE 2024: thư mời của quý vị cho Tập đoàn Viettel"
    text = text_of(message)
    assert text.startswith("Kính gửi Nguyễn Thị Hoa,")
    assert "Ban tổ chức mời quý vị vào cổng đơn vị trưng bày" in text
    assert "Liên kết chỉ dùng được một lần, trong 7 ngày." in text
    url = portal_link_in(message)
    assert url.startswith("/vi/exhibitor/welcome/")

    # Opening the link (a mail scanner does) uses nothing.
    page = organiser.__class__().get(url)
    assert "Hãy chọn mật khẩu quý vị sẽ dùng" in page.content.decode() or "Hãy chọn mật khẩu" in page.content.decode()
    assert ContactLink.objects.get().used_at is None

    browser = organiser.__class__()
    weak = browser.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 400
    assert "Mật khẩu này hoàn toàn là số." in weak.content.decode()
    assert ContactLink.objects.get().used_at is None

    done = browser.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/vi/exhibitor/"
    home = browser.get("/vi/exhibitor/").content.decode()
    assert "Tập đoàn Viettel" in home and "Mật khẩu của quý vị đã được đặt." in home

    # Used once: the link does nothing more, and the password signs in.
    assert organiser.__class__().post(url, {"new_password1": "x", "new_password2": "x"}).status_code == 404
    again = organiser.__class__()
    signed_in = again.post(
        "/vi/exhibitor/sign-in/", {"username": "HOA.NGUYEN@viettel.example", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302 and again.get("/vi/exhibitor/").status_code == 200


def test_an_invitation_lasts_seven_days(viettel, smtp, django_capture_on_commit_callbacks):
    _user, organiser = staff("Exhibitor services")
    organiser_invites(organiser, viettel, django_capture_on_commit_callbacks, language="en")
    url = portal_link_in(smtp.messages[0])
    assert url.startswith("/en/exhibitor/welcome/")
    assert "The link works once, for 7 days." in text_of(smtp.messages[0])
    with time_machine.travel(NOW + datetime.timedelta(days=7, seconds=1), tick=False):
        page = organiser.__class__().get(url)
    assert page.status_code == 404 and "This link does not work" in page.content.decode()


def test_an_address_in_use_is_refused_with_a_clear_message(viettel, django_capture_on_commit_callbacks):
    get_user_model().objects.create_user("hoa.nguyen@viettel.example", is_staff=True)
    _user, organiser = staff("Exhibitor services")
    response = organiser_invites(organiser, viettel, django_capture_on_commit_callbacks, language="en")
    assert response.status_code == 200  # the admin's form again, in the organiser's language
    assert "Không thể mời địa chỉ này. Hãy liên hệ ban tổ chức." in response.content.decode()
    assert not Contact.objects.exists()


def test_the_content_editors_see_contacts_masked_and_cannot_invite(viettel):
    make_contact(viettel, "an@viettel.example", is_main=True)
    _user, editor = staff("Content editors")
    listing = editor.get("/admin/portal/contact/", headers={"accept-language": "en"}).content.decode()
    assert "An" in listing and "an@viettel.example" not in listing
    assert editor.get("/admin/portal/contact/add/").status_code == 403


def test_the_main_contact_invites_removes_and_hands_over(viettel, smtp, django_capture_on_commit_callbacks):
    main = make_contact(viettel, "an@viettel.example", name="Trần Văn An", is_main=True, language="vi")
    colleague = make_contact(viettel, "binh@viettel.example", name="Lê Bình")
    browser = portal_client(main)
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            "/en/exhibitor/contacts/", {"name": "Jane Carter", "email": "jane@viettel.example", "language": "en"}
        )
    assert response.status_code == 302
    [message] = smtp.messages
    assert subject_of(message) == "VIDE 2024 exhibitors' portal: your invitation for Tập đoàn Viettel"
    assert "Trần Văn An (Tập đoàn Viettel) invites you to the exhibitors' portal" in text_of(message)
    assert portal_link_in(message).startswith("/en/exhibitor/welcome/")

    # Another contact may not invite, remove or hand over.
    other = portal_client(colleague)
    assert (
        other.post("/en/exhibitor/contacts/", {"name": "X", "email": "x@viettel.example", "language": "en"}).status_code
        == 403
    )
    assert other.post(f"/en/exhibitor/contacts/{main.pk}/remove/").status_code == 403
    assert other.post(f"/en/exhibitor/contacts/{main.pk}/main/").status_code == 403
    assert other.get("/en/exhibitor/contacts/").status_code == 200

    # Removed: the colleague's open session ends at its next request.
    assert browser.post(f"/en/exhibitor/contacts/{colleague.pk}/remove/").status_code == 302
    assert other.get("/en/exhibitor/").status_code == 302
    assert (
        portal_client(main)
        .__class__()
        .post("/en/exhibitor/sign-in/", {"username": colleague.email, "password": PORTAL_PASSWORD})
        .status_code
        == 400
    )

    # "Main" handed over: the new main contact invites; the former one no longer may.
    jane = Contact.objects.get(email="jane@viettel.example")
    jane.user.set_password(PORTAL_PASSWORD)
    jane.user.save()
    assert browser.post(f"/en/exhibitor/contacts/{jane.pk}/main/").status_code == 302
    assert list(Contact.objects.filter(is_main=True)) == [jane]
    assert browser.post(f"/en/exhibitor/contacts/{jane.pk}/remove/").status_code == 403
    page = portal_client(jane).get("/en/exhibitor/contacts/").content.decode()
    assert "Invite a colleague" in page and "Lê Bình" not in page


def test_a_removed_contact_is_invited_back(viettel, smtp, django_capture_on_commit_callbacks):
    main = make_contact(viettel, "an@viettel.example", is_main=True)
    colleague = make_contact(viettel, "binh@viettel.example", name="Lê Bình")
    browser, before = portal_client(main), portal_client(colleague)
    browser.post(f"/en/exhibitor/contacts/{colleague.pk}/remove/")
    with django_capture_on_commit_callbacks(execute=True):
        browser.post("/en/exhibitor/contacts/", {"name": "Lê Bình", "email": "Binh@viettel.example", "language": "vi"})
    colleague.refresh_from_db()
    assert colleague.removed_at is None and colleague.user.is_active and colleague.language == "vi"
    assert portal_link_in(smtp.messages[-1]).startswith("/vi/exhibitor/welcome/")
    # A session from before the removal stays ended: the account's password hash changed.
    assert before.get("/en/exhibitor/").status_code == 302


def test_an_address_of_another_exhibitor_is_refused_without_saying_whose(viettel, django_capture_on_commit_callbacks):
    main = make_contact(viettel, "an@viettel.example", is_main=True)
    make_contact(make_exhibitor("thales", "Thales", "FR"), "claire@thales.example")
    with django_capture_on_commit_callbacks(execute=True):
        page = portal_client(main).post(
            "/en/exhibitor/contacts/", {"name": "Claire", "email": "claire@thales.example", "language": "en"}
        )
    body = page.content.decode()
    assert page.status_code == 400 and "This address cannot be invited. Ask the organisers." in body
    assert "Thales" not in body
