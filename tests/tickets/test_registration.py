"""A public visitor registers on the form, confirms the address and receives the ticket; the
form's guards (consent, honeypot, limits, full slots) leave nothing half-saved."""

import datetime
import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from common import signing
from outbox.models import Message
from tests.factories import PUBLIC_DAY, slot
from tests.helpers import DATABASE_QUEUE, run_queued_tasks, text_of
from tickets import passes
from tickets.models import Registration, Status, TimeSlot

pytestmark = pytest.mark.usefixtures("before_the_show")

URL = "/vi/register/"


def form(**changes):
    data = {
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.vn",
        "phone": "0912 345 678",
        "party_size": "3",
        "slot": str(slot().pk),
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_public_visitor_registers_confirms_and_gets_the_ticket(client, show, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Status.UNCONFIRMED and registration.phone == "+84 912 345 678"
    assert slot().taken == 3
    [confirmation] = smtp.messages
    text = text_of(confirmation)
    assert "Lan" not in text and "Xin chào" in text  # nothing typed goes to an unverified address
    [link] = re.findall(r"http://testserver(/vi/register/t/\S+/)", text)

    page = client.get(link)
    assert "Xác nhận địa chỉ e-mail" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link, {"action": "confirm"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.ISSUED
    ticket = smtp.messages[-1]
    assert "Nguyễn Thị Lan" in text_of(ticket) and "21/12/2024" in text_of(ticket)
    attachments = {part.get_filename(): part.get_content() for part in ticket.iter_attachments()}
    pdf = " ".join(PdfReader(io.BytesIO(attachments["ticket.pdf"])).pages[0].extract_text().split())
    assert "Nguyễn Thị Lan" in pdf and registration.pass_id in pdf
    with translation.override("vi"):
        assert str(show.marking).upper() not in pdf.upper()  # the visitor's ticket, no internal document
    assert attachments["ticket-qr.png"].startswith(b"\x89PNG")
    page = client.get(link).content.decode()
    assert "Vé dạng PDF" in page and registration.pass_id in page
    pdf_response = client.get(f"{link}ticket.pdf")
    assert pdf_response["Content-Type"] == "application/pdf" and "no-store" in pdf_response["Cache-Control"]

    signed = signing.verify(passes.token(registration))
    assert (signed.kind, signed.id, signed.first_day, signed.last_day) == (
        "public",
        registration.pass_id,
        PUBLIC_DAY,
        PUBLIC_DAY,
    )
    assert "Lan" not in passes.token(registration) and "@" not in passes.token(registration)


def test_missing_consent_is_refused_in_the_visitors_language_and_nothing_saved(client, show):
    response = client.post("/en/register/", form(consent=None))
    assert response.status_code == 400
    assert "Tick this box to give your consent" in response.content.decode()
    assert not Registration.objects.exists() and slot().taken == 0


def test_consent_statement_names_what_why_how_long_and_who(client, show):
    page = client.get(URL).content.decode()
    for words in (
        "Nghị định 13/2023/NĐ-CP",
        "Dữ liệu nào:",
        "Để làm gì:",
        "Lưu giữ bao lâu:",
        "Liên hệ ai:",
        "23/03/2025",
    ):
        assert words in page


def test_honeypot_saves_nothing(client, show):
    response = client.post(URL, form(website="http://spam.example"))
    assert response.status_code == 400
    assert not Registration.objects.exists() and not Message.objects.exists()


def test_party_larger_than_the_limit_is_refused(client, show):
    response = client.post("/en/register/", form(party_size="9"))
    assert response.status_code == 400
    assert "One ticket is for 1 to 5 people" in response.content.decode()


def test_the_same_address_is_limited_to_three_registrations_a_day(client, show):
    for _ in range(3):
        assert client.post(URL, form(party_size="1")).status_code == 302
    response = client.post("/en/register/", form(party_size="1"))
    assert response.status_code == 429
    assert "Enough registrations were already made today with this e-mail address" in response.content.decode()
    assert Registration.objects.count() == 3 and slot().taken == 3


def test_full_slot_offers_the_nearest_free_ones_and_a_waiting_list(client, show):
    TimeSlot.objects.filter(pk=slot(11).pk).update(taken=9)
    response = client.post("/en/register/", form(slot=str(slot(11).pk), party_size="2"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "has no places left for your party" in page
    assert page.index("21/12/2024 08:00") < page.index("21/12/2024 14:00")  # nearest first
    assert not Registration.objects.exists()
    assert 'name="waiting"' in page
    response = client.post("/en/register/", form(slot=str(slot(11).pk), party_size="2", waiting="1", consent="True"))
    assert "You are on the waiting list for 21/12/2024 11:00–14:00" in response.content.decode()
    waiting = Registration.objects.get()
    assert (waiting.status, waiting.slot, waiting.party_size) == (Status.WAITING, slot(11), 2)
    assert slot(11).taken == 9


def test_cancelling_gives_the_places_back_and_tells_the_waiting_list(client, show, django_capture_on_commit_callbacks):
    client.post(URL, form())
    registration = Registration.objects.get()
    Registration.objects.create(
        edition=show, kind="public", status=Status.WAITING, slot=slot(), party_size=2, name="N", email="next@example.vn"
    )
    link = f"/en/register/t/{registration.access_key}/"
    assert client.post(link, {"action": "cancel"}).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == Status.CANCELLED and slot().taken == 0
    assert Message.objects.filter(kind="tickets.place_free", to_email="next@example.vn").exists()


def test_changing_the_day_issues_a_new_pass_number(client, show):
    client.post(URL, form())
    registration = Registration.objects.get()
    client.post(f"/vi/register/t/{registration.access_key}/", {"action": "confirm"})
    old_pass = Registration.objects.get().pass_id
    other = TimeSlot.objects.get(day__date="2024-12-22", starts_at="08:00")
    client.post(f"/vi/register/t/{registration.access_key}/", {"action": "change", "slot": other.pk})
    registration.refresh_from_db()
    assert registration.slot == other and registration.pass_id != old_pass
    assert (slot().taken, TimeSlot.objects.get(pk=other.pk).taken) == (0, 3)


def test_an_altered_link_finds_nothing(client, show):
    response = client.get("/en/register/t/" + "x" * 43 + "/")
    assert response.status_code == 404 and "Link not valid" in response.content.decode()


def test_a_registration_costs_a_known_number_of_queries(client, show, before_the_show, django_assert_num_queries):
    """The POST every visitor makes when a slot opens, with the tests' caches off and a queue that
    runs tasks at once: the edition, its rules and the slot read; the rate limits in one
    statement; the place taken (stale holds are only looked for when it cannot be); the
    registration with its audit entry; the confirmation mail drafted at once (its key, its kind's
    review setting, the row) — nothing read twice. The clock stands still, so the second attempt
    does not sweep the ended rate windows again."""
    client.post("/en/register/", form(email="first@example.vn"))  # the session and the caches are warm
    second = form(email="second@example.vn")
    with django_assert_num_queries(14):
        response = client.post("/en/register/", second, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_in_production_a_registration_only_writes_and_the_worker_mails_it(
    client, show, caches_on, settings, smtp, monkeypatch, django_assert_num_queries
):
    """As production runs it (the fragment cache on, the database queue): the edition, its rules and
    its slots come from the shared cache, and the request writes the rate limits, the place, the
    registration, its audit entry and the task that drafts the mail, in one transaction; the worker
    then drafts the mail in the visitor's language and the outbox delivers it."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    client.post("/en/register/", form(email="first@example.vn"))  # the caches are warm
    second = form(email="second@example.vn")
    with django_assert_num_queries(7):  # savepoint, rate limits, place, registration, audit, task, release
        response = client.post("/vi/register/", second, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302
    registration = Registration.objects.get(email="second@example.vn")
    assert not Message.objects.filter(to_email="second@example.vn").exists()
    assert DBTaskResult.objects.filter(task_path="tickets.mail.draft_soon", status="READY").count() == 2
    assert slot().taken == 6

    run_queued_tasks(monkeypatch)  # drafts both mails and queues their delivery
    run_queued_tasks(monkeypatch)  # delivers them
    sent = {message["To"]: message for message in smtp.messages}
    assert set(sent) == {"first@example.vn", "second@example.vn"}
    text = text_of(sent["second@example.vn"])
    assert "Xin chào" in text and "Lan" not in text  # Vietnamese, as she registered; nothing she typed
    assert f"http://testserver/vi/register/t/{registration.access_key}/" in text


def test_a_registration_that_lapsed_before_the_worker_came_gets_no_mail(client, show, settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    assert client.post(URL, form()).status_code == 302
    Registration.objects.update(status=Status.EXPIRED)
    run_queued_tasks(monkeypatch)
    assert not Message.objects.exists()


def test_places_held_past_the_hold_are_given_back_when_a_visitor_needs_them(client, show, before_the_show):
    """A hold that was never confirmed keeps its places until someone asks for more than are left:
    then it expires, and the places go to the one asking; its link can still confirm if there is room."""
    assert client.post(URL, form(email="late@example.vn", party_size="5")).status_code == 302
    assert client.post(URL, form(email="early@example.vn", party_size="4")).status_code == 302
    late = Registration.objects.get(email="late@example.vn")
    before_the_show.shift(datetime.timedelta(minutes=61))  # the edition holds a place 60 minutes
    assert client.post(URL, form(email="third@example.vn", party_size="1"), REMOTE_ADDR="10.0.0.3").status_code == 302
    late.refresh_from_db()
    assert late.status == Status.UNCONFIRMED and slot().taken == 10  # room was left: nothing expired
    assert client.post(URL, form(email="fourth@example.vn", party_size="3"), REMOTE_ADDR="10.0.0.4").status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["late@example.vn"] == Status.EXPIRED and statuses["early@example.vn"] == Status.EXPIRED
    assert statuses["third@example.vn"] == Status.UNCONFIRMED and slot().taken == 1 + 3
    response = client.post(f"/en/register/t/{late.access_key}/", {"action": "confirm"})
    assert response.status_code == 302 and Registration.objects.get(pk=late.pk).status == Status.ISSUED
    assert slot().taken == 1 + 3 + 5


def test_the_ticket_names_the_gates_in_the_visitors_language(show):
    from tests.helpers import pdf_text
    from tickets.models import Gate

    Gate.objects.filter(code="G1").update(name_vi="Cổng Bắc", name_en="North gate")
    Gate.objects.filter(code="G2").update(name_vi="Cổng Nam", name_en=None)  # not translated yet
    registration = Registration.objects.create(
        edition=show, kind="public", status=Status.ISSUED, slot=slot(), name="Jane Doe", email="j@x.vn", language="en"
    )
    english = pdf_text(passes.ticket_pdf(registration))
    assert "G1 (North gate)" in english and "G2 (Cổng Nam)" in english  # the Vietnamese name until then
    registration.language = "vi"
    assert "G1 (Cổng Bắc)" in pdf_text(passes.ticket_pdf(registration))
