"""Trade registrations: flagged when foreign or on the watch list, decided by the Registration
group in the admin (every decision audited and told to the visitor), erased after retention."""

import datetime
import io
import re

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from common import signing
from outbox.models import Message
from tests.factories import TRADE_DAY
from tickets import passes
from tickets.models import Registration, Status, WatchListEntry

pytestmark = pytest.mark.usefixtures("before_the_show")

URL = "/en/register/trade/"


def trade_form(**changes):
    data = {
        "name": "Nguyễn Văn Đức",
        "organisation": "Công ty Cơ khí Hà Nội",
        "position": "Giám đốc kỹ thuật",
        "country": "VN",
        "email": "duc@example.vn",
        "phone": "+84 24 3747 0000",
        "id_number": "",
        "consent": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


def test_foreign_national_without_passport_number_is_asked_for_it(client, show):
    response = client.post(URL, trade_form(country="FR", name="Jean Dupont"))
    assert response.status_code == 400
    assert "Foreign nationals give the number of their passport." in response.content.decode()
    assert not Registration.objects.exists()


def test_foreign_national_is_flagged_and_photo_kept_privately(client, show):
    response = client.post(
        URL, {**trade_form(country="FR", name="Jean Dupont", id_number="18AB12345"), "photo": photo()}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.status, registration.is_foreign, registration.on_watch_list) == (Status.TO_CHECK, True, False)
    assert registration.photo.name.startswith("tickets/") and registration.photo.storage.exists(registration.photo.name)
    assert Message.objects.get().kind == "tickets.trade_received"


def test_registrar_sees_the_photo_through_the_admin(client, registrar, show):
    client.post(URL, {**trade_form(country="FR", name="Jean Dupont", id_number="18AB12345"), "photo": photo()})
    registration = Registration.objects.get()
    client.force_login(registrar)
    page = client.get(f"/admin/tickets/registration/{registration.pk}/change/", headers={"accept-language": "en"})
    assert f'src="/admin/tickets/registration/{registration.pk}/photo/"' in page.content.decode()
    response = client.get(f"/admin/tickets/registration/{registration.pk}/photo/")
    assert response["Content-Type"] == "image/jpeg" and b"".join(response.streaming_content).startswith(b"\xff\xd8")
    client.logout()
    assert client.get(f"/admin/tickets/registration/{registration.pk}/photo/").status_code == 302


def test_watch_list_matches_without_accents_case_or_spacing(admin_client, show):
    Registration.objects.create(
        edition=show, kind="trade", status=Status.TO_CHECK, name="Nguyễn Văn Đức", email="a@example.vn"
    )
    Registration.objects.create(
        edition=show, kind="trade", status=Status.TO_CHECK, name="Trần Bình", id_number="b1234567", email="b@example.vn"
    )
    Registration.objects.create(edition=show, kind="trade", status=Status.TO_CHECK, name="Lê Hoa", email="c@example.vn")
    listing = b"name,number,note\r\nNGUYEN VAN DUC,,\r\nSomeone Else,B 1234-567,\r\n"
    response = admin_client.post(
        "/admin/tickets/watchlistentry/upload/",
        {"edition": show.pk, "file": SimpleUploadedFile("list.csv", listing, content_type="text/csv")},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 302
    assert WatchListEntry.objects.count() == 2
    flagged = set(Registration.objects.filter(on_watch_list=True).values_list("name", flat=True))
    assert flagged == {"Nguyễn Văn Đức", "Trần Bình"}
    # A registration made after the upload is matched when it arrives.
    client_response = admin_client.post(URL, trade_form(name="nguyen  van duc", email="other@example.vn"))
    assert client_response.status_code == 302
    assert Registration.objects.get(email="other@example.vn").on_watch_list


def _decide(client, registration, status, reason=""):
    return client.post(
        f"/admin/tickets/registration/{registration.pk}/change/",
        {"status": status, "reason": reason},
        headers={"accept-language": "en"},
    )


def test_registrar_asks_refuses_and_approves_and_each_decision_is_audited(
    client, registrar, show, smtp, django_capture_on_commit_callbacks
):
    client.post(URL, trade_form())
    registration = Registration.objects.get()
    client.force_login(registrar)

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            _decide(client, registration, "more_info", "Please send your company's letter of introduction.").status_code
            == 302
        )
    question = smtp.messages[-1]
    assert "letter of introduction" in question.get_body(("plain",)).get_content()
    [link] = re.findall(r"http://testserver(/en/register/t/\S+/)", question.get_body(("plain",)).get_content())
    client.logout()
    assert client.post(link, {"action": "answer", "text": "Sent to the registration desk today."}).status_code == 302
    assert Registration.objects.get().status == Status.TO_CHECK

    client.force_login(registrar)
    refusal = _decide(client, registration, "refused", "")
    assert "Say why, or what the visitor must send" in refusal.content.decode()  # a refusal needs its reason
    assert Registration.objects.get().status == Status.TO_CHECK
    with django_capture_on_commit_callbacks(execute=True):
        assert _decide(client, registration, "issued").status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.ISSUED and registration.decided_by == registrar
    ticket = smtp.messages[-1]
    assert "Nguyễn Văn Đức" in ticket.get_body(("plain",)).get_content()
    signed = signing.verify(passes.token(registration))
    assert (signed.kind, signed.first_day, signed.last_day) == (
        "trade",
        TRADE_DAY,
        TRADE_DAY + datetime.timedelta(days=1),
    )
    changes = [
        entry.changes_dict.get("status") for entry in LogEntry.objects.get_for_object(registration).order_by("pk")
    ]
    assert ["to_check", "more_info"] in changes and ["to_check", "issued"] in changes
    updates = LogEntry.objects.get_for_object(registration).filter(action=LogEntry.Action.UPDATE)
    decisions = [e for e in updates if e.changes_dict.get("status", [""])[-1] in ("more_info", "issued")]
    assert len(decisions) == 2 and all(entry.actor == registrar for entry in decisions)


def test_staff_without_the_registration_group_cannot_decide(client, show, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create(username="editor", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_registration", "change_registration"]))
    registration = Registration.objects.create(
        edition=show, kind="trade", status=Status.TO_CHECK, name="A", email="a@example.vn"
    )
    client.force_login(editor)
    page = client.get(f"/admin/tickets/registration/{registration.pk}/change/", headers={"accept-language": "en"})
    assert 'name="status"' not in page.content.decode()
    assert "••••••" in page.content.decode()  # the e-mail address, masked
    _decide(client, registration, "issued")
    assert Registration.objects.get().status == Status.TO_CHECK


def test_registrations_are_anonymised_after_the_retention_period(client, show):
    client.post(URL, {**trade_form(country="FR", id_number="18AB12345"), "photo": photo()})
    registration = Registration.objects.get()
    stored = registration.photo.name
    assert LogEntry.objects.get_for_object(registration).exists()
    with time_machine.travel(datetime.datetime(2025, 3, 22, 12, tzinfo=datetime.UTC), tick=False):
        call_command("purge_registrations", stdout=io.StringIO())
    assert Registration.objects.get().name == "Nguyễn Văn Đức"  # kept until 23/03/2025, as the form says
    with time_machine.travel(datetime.datetime(2025, 3, 23, 12, tzinfo=datetime.UTC), tick=False):
        out = io.StringIO()
        call_command("purge_registrations", stdout=out)
    assert "1 registrations anonymised." in out.getvalue()
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.id_number, registration.photo.name) == ("", "", "", "")
    assert registration.country == "FR" and registration.anonymised_at is not None
    assert not registration.photo.storage.exists(stored)
    assert not LogEntry.objects.get_for_object(registration).exists()
