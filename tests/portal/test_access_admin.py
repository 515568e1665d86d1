"""The admin's side of access: staff who approve (and superusers) pass a TOTP second factor; other
staff do not; an exhibitor's account reaches nothing of the admin; the contacts' changelist."""

import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.access import APPROVING_PERMISSIONS
from portal.models import Contact
from tests.accounts import admin_sign_in, make_contact, portal_client, totp_code, totp_device
from tests.factories import make_exhibitor, staff

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2024, 11, 4, 9, 0, tzinfo=datetime.UTC)
PASSWORD = "mật khẩu quản trị rất dài"
ENGLISH = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def approver(permission):
    """A staff account holding one approving permission (whichever model will declare it)."""
    app_label, codename = permission.split(".")
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    perm = perm or Permission.objects.create(
        codename=codename, name=codename, content_type=ContentType.objects.get_for_model(Contact)
    )
    user = get_user_model().objects.create_user(codename, password=PASSWORD, is_staff=True)
    user.user_permissions.add(perm)
    return user


def test_a_superuser_enrols_then_signs_in_with_the_code(db):
    get_user_model().objects.create_superuser("root", "root@vide.example.vn", PASSWORD)
    browser = Client()
    response = browser.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert response["Location"] == "/admin/second-factor/?next=%2Fadmin%2F"
    # Signed in with the password only: nothing of the admin opens yet.
    index = browser.get("/admin/")
    assert index.status_code == 302 and index["Location"].startswith("/admin/login/")
    assert browser.get(index["Location"])["Location"].startswith("/admin/second-factor/")
    assert browser.get("/admin/portal/contact/").status_code == 302

    page = browser.get("/admin/second-factor/?next=/admin/", headers=ENGLISH).content.decode()
    assert "Enrol your authenticator app" in page and 'src="data:image/svg+xml' in page
    device = TOTPDevice.objects.get(confirmed=False)
    assert browser.post("/admin/second-factor/?next=/admin/", {"code": "12"}).status_code == 400
    done = browser.post("/admin/second-factor/?next=/admin/", {"code": totp_code(device)})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    assert browser.get("/admin/portal/contact/").status_code == 200

    # The next sign-in asks for the code of the enrolled device (no new QR code).
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        again = Client()
        response = again.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
        page = again.get(response["Location"], headers=ENGLISH).content.decode()
        assert "Second step: your code" in page and "data:image/svg+xml" not in page
        wrong = again.post(response["Location"], {"code": "000000" if totp_code(device) != "000000" else "111111"})
        assert "This code is not the current one." in wrong.content.decode() or wrong.status_code == 400
    with time_machine.travel(NOW + datetime.timedelta(minutes=1, seconds=5), tick=False):
        assert again.post(response["Location"], {"code": totp_code(device)})["Location"] == "/admin/"
        assert again.get("/admin/").status_code == 200


@pytest.mark.parametrize("permission", APPROVING_PERMISSIONS)
def test_staff_who_approve_pass_the_second_factor(permission):
    user = approver(permission)
    totp_device(user)
    browser = Client()
    response = browser.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"})
    assert response["Location"].startswith("/admin/second-factor/")
    assert browser.get("/admin/").status_code == 302
    final = admin_sign_in(Client(), user.username, PASSWORD)
    assert final.status_code == 302 and final["Location"] == "/admin/"


def test_other_staff_sign_in_with_the_password_alone(db):
    user, _client = staff("Protocol", name="le-tan")
    user.set_password(PASSWORD)
    user.save()
    browser = Client()
    response = browser.post("/admin/login/", {"username": "le-tan", "password": PASSWORD, "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/admin/second-factor/")["Location"] == "/admin/"
    assert not TOTPDevice.objects.exists()


def test_the_second_step_can_be_left(db):
    get_user_model().objects.create_superuser("root", "root@vide.example.vn", PASSWORD)
    browser = Client()
    browser.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert browser.post("/admin/second-factor/", {"cancel": "1"})["Location"] == "/admin/login/"
    assert "_auth_user_id" not in browser.session


def _admin_urls(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _admin_urls(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def test_an_exhibitor_account_reaches_nothing_of_the_admin(edition):
    contact = make_contact(make_exhibitor("viettel", "Viettel", "VN"), "an@viettel.example", is_main=True)
    assert not contact.user.is_staff and not contact.user.is_superuser
    browser = portal_client(contact)
    routes = [route for route in _admin_urls(get_resolver()) if route.startswith("admin/")]
    assert len(routes) > 100
    for route in routes:
        path = "/" + re.sub(r"<(?:\w+:)?\w+>", "1", route).replace("^", "").replace("$", "")
        path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)
        response = browser.get(path)
        assert response.status_code in (302, 404, 405) or "login" in path, (path, response.status_code)
        if response.status_code == 302:
            # To the login page, or (the second step, owed by no one here) to the index that sends there.
            assert response["Location"].startswith("/admin/login/") or response["Location"] == "/admin/", path
    assert admin_sign_in(Client(), contact.email, "a long portal passphrase 2026").status_code == 200
    assert "_auth_user_id" not in Client().session


def test_the_contacts_changelist_counts_its_queries_exactly(edition, django_assert_num_queries):
    _user, organiser = staff("Exhibitor services")
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    make_contact(viettel, "an@viettel.example", is_main=True)
    with django_assert_num_queries(7):
        assert organiser.get("/admin/portal/contact/").status_code == 200
    for number in range(6):
        make_contact(make_exhibitor(f"e{number}", f"Exhibitor {number}", "FR"), f"c{number}@example.com")
    with django_assert_num_queries(7):
        page = organiser.get("/admin/portal/contact/", headers=ENGLISH).content.decode()
    assert "an@viettel.example" in page and "Exhibitor 5" in page


def test_the_admin_removes_access_and_a_lost_phone(edition, smtp, django_capture_on_commit_callbacks):
    _user, organiser = staff("Exhibitor services")
    contact = make_contact(make_exhibitor("viettel", "Viettel", "VN"), "an@viettel.example")
    totp_device(contact.user)
    session = portal_client(contact)
    organiser.post(
        "/admin/portal/contact/",
        {"action": "remove_second_factor", "_selected_action": [contact.pk]},
    )
    assert not TOTPDevice.objects.filter(user=contact.user).exists()
    organiser.post("/admin/portal/contact/", {"action": "remove_access", "_selected_action": [contact.pk]})
    assert Contact.objects.get().removed_at is not None
    assert session.get("/en/exhibitor/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post("/admin/portal/contact/", {"action": "invite_again", "_selected_action": [contact.pk]})
    assert Contact.objects.get().removed_at is None
    assert len(smtp.messages) == 1


def test_a_lost_phone_of_staff_is_removed_by_a_command(db):
    user = get_user_model().objects.create_superuser("root", "root@vide.example.vn", PASSWORD)
    totp_device(user)
    out = io.StringIO()
    call_command("reset_second_factor", "root", stdout=out)
    assert "root: 1 device(s) removed" in out.getvalue()
    assert not TOTPDevice.objects.exists()
