"""An exhibitor asks an invited delegation for a meeting from the portal; the protocol office
decides in the admin; the exhibitor follows the status, sees its confirmed meetings and prints
its schedule. Restricted subjects stay with their writer and the named staff."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import translation

from delegations.models import Delegation, Interpreter
from meetings import services
from meetings.models import MeetingDay, MeetingPlace, MeetingPlan, MeetingRequest, RequestStep
from portal.models import Contact
from tests.factories import accepted_delegation, accepted_request, make_delegation, make_exhibitor, make_member
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db
PASSWORD = "a long portal passphrase 2026"
# Three weeks before the edition (19–22/12/2024) opens, in Hanoi.
BEFORE = datetime.datetime(2024, 11, 28, 10, 0, tzinfo=datetime.UTC)
SECRET = "Mua bán tàu ngầm Kilo bí mật"


@pytest.fixture(autouse=True)
def _before_the_show():
    with time_machine.travel(BEFORE, tick=False):
        yield


@pytest.fixture
def plan(edition):
    MeetingPlan.objects.create(edition=edition, slot_minutes=30, buffer_minutes=10)
    return [
        MeetingDay.objects.create(edition=edition, date=edition.start_date + datetime.timedelta(days=n))
        for n in range(4)
    ]


@pytest.fixture
def room(edition):
    return MeetingPlace.objects.create(edition=edition, name_vi="Phòng họp 1", name_en="Room 1")


def signed_in(client, exhibitor, email):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    Contact.objects.create(exhibitor=exhibitor, user=user, name="Nguyễn Thị Lan", email=email, is_main=True)
    client.force_login(user)
    return user


@pytest.fixture
def optics(client):
    exhibitor = make_exhibitor("dong-nai-optics", "Công ty Thiết bị Quang học Đồng Nai", "VN")
    signed_in(client, exhibitor, "lan@dong-nai-optics.example")
    return exhibitor


@pytest.fixture
def parties(edition):
    """Delegations in every state: only the coming ones (accepted, arrived) may be asked."""
    india = accepted_delegation(edition, "IN", "Ministry of Defence")
    navy = make_delegation(edition, "VN", "Quân chủng Hải quân", status=Delegation.Status.ARRIVED)
    make_member(india, "Sharma", "Arjun")
    make_delegation(edition, "JP", "Ministry of Defense", status=Delegation.Status.INVITED)
    declined = make_delegation(edition, "ID", "Ministry of Defence", status=Delegation.Status.DECLINED)
    return {"india": india, "navy": navy, "declined": declined}


def form(party, **fields):
    return {"delegation": party.pk, "subject": "Kính ngắm cho tàu tuần tra", "purpose": "Giới thiệu.", **fields}


def test_the_exhibitor_asks_a_coming_delegation_and_sees_its_request(client, edition, plan, optics, parties):
    page = client.get("/en/exhibitor/meetings/request/").content.decode()
    choices = re.findall(r'<option value="\d+">([^<]+)</option>', page)
    assert choices == ["India · Ministry of Defence", "Vietnam · Quân chủng Hải quân"]  # protocol order
    assert "Sharma" not in page and "Arjun" not in page  # no member's name, not even the head's
    response = client.post(
        "/en/exhibitor/meetings/request/",
        form(parties["india"], wished_days=[plan[1].pk, plan[2].pk], language="hi", restricted="on"),
    )
    assert response.status_code == 302 and response["Location"] == "/en/exhibitor/meetings/"
    request = MeetingRequest.objects.get()
    assert (request.delegation, request.counterpart_exhibitor, request.asked_by, request.status) == (
        parties["india"],
        optics,
        MeetingRequest.AskedBy.COUNTERPART,
        MeetingRequest.Status.REQUESTED,
    )
    assert (request.subject, request.language, request.restricted) == ("Kính ngắm cho tàu tuần tra", "hi", True)
    assert list(request.wished_days.all()) == plan[1:3]
    step = RequestStep.objects.get(request=request)
    assert (step.status, step.by.username) == ("requested", "lan@dong-nai-optics.example")
    listing = client.get("/vi/exhibitor/meetings/").content.decode()
    assert "Ấn Độ · Ministry of Defence" in listing
    assert "Kính ngắm cho tàu tuần tra" in listing  # its own restricted subject: the writer reads it
    assert "Đã đề nghị" in listing and "Chưa có cuộc gặp nào được xác nhận." in listing


def test_the_protocol_offices_decision_reaches_the_portal(client, edition, plan, room, optics, parties):
    client.post("/en/exhibitor/meetings/request/", form(parties["india"]))
    request = MeetingRequest.objects.get()
    services.set_status(request=request, status=MeetingRequest.Status.ACCEPTED, by=None)
    assert "Accepted" in client.get("/en/exhibitor/meetings/").content.decode()
    services.schedule(edition=edition, by=None)
    page = client.get("/en/exhibitor/meetings/").content.decode()
    assert "Scheduled" in page and "19/12/2024 09:00–09:30" in page and "Room 1" in page
    assert "Download your meeting schedule (PDF)" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"subject": ""}, "This field is required."),
        ({"delegation": "declined"}, "Select a valid choice."),
        ({"delegation": "abc"}, "Select a valid choice."),
        ({"wished_days": ["999999"]}, "Select a valid choice."),
        ({"language": "klingon"}, "Select a valid choice."),
        ({"subject": "x" * 201}, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, edition, plan, optics, parties, fields, message):
    data = form(parties["india"], **fields)
    if fields.get("delegation") == "declined":
        data["delegation"] = parties["declined"].pk
    response = client.post("/en/exhibitor/meetings/request/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please correct the fields marked below; nothing has been saved yet." in page and message in page
    assert not MeetingRequest.objects.exists()


def test_the_same_delegation_is_not_asked_twice_while_a_request_is_open(client, edition, plan, optics, parties):
    assert client.post("/vi/exhibitor/meetings/request/", form(parties["india"])).status_code == 302
    again = client.post("/vi/exhibitor/meetings/request/", form(parties["india"]))
    assert again.status_code == 400
    assert "Quý vị đã đề nghị gặp đoàn này; Ban Lễ tân đang xem xét." in again.content.decode()
    assert MeetingRequest.objects.count() == 1


def test_after_the_show_no_request_is_taken(client, edition, plan, optics, parties):
    with time_machine.travel(datetime.datetime(2024, 12, 23, 10, tzinfo=datetime.UTC), tick=False):
        client.force_login(Contact.objects.get(exhibitor=optics).user)  # a new session on that day
        page = client.get("/en/exhibitor/meetings/request/")
        assert page.status_code == 200 and "Meeting requests are closed: this edition is over." in page.content.decode()
        assert client.post("/en/exhibitor/meetings/request/", form(parties["india"])).status_code == 409
    assert not MeetingRequest.objects.exists()


def test_a_restricted_subject_stays_with_its_writer_and_the_named_staff(client, edition, plan, room, optics, parties):
    # The delegation wrote this one and restricted it: the exhibitor it names does not read it.
    theirs = accepted_request(edition, parties["navy"], exhibitor=optics, subject=SECRET, restricted=True)
    client.post("/en/exhibitor/meetings/request/", form(parties["india"], subject="Our own secret", restricted="on"))
    mine = MeetingRequest.objects.get(subject="Our own secret")
    services.set_status(request=mine, status=MeetingRequest.Status.ACCEPTED, by=None)
    services.schedule(edition=edition, by=None)
    page = client.get("/en/exhibitor/meetings/").content.decode()
    assert SECRET not in page and "Restricted" in page and "Our own secret" in page
    schedule = client.get("/en/exhibitor/meetings/schedule.pdf")
    assert schedule["Content-Type"] == "application/pdf" and "no-store" in schedule["Cache-Control"]
    text = pdf_text(schedule)
    assert "Our own secret" in text and "Restricted" in text and SECRET not in text
    assert MeetingRequest.objects.get(pk=theirs.pk).meeting.place == room

    # Another exhibitor's contact finds none of it, on the page or in its schedule.
    other = make_exhibitor("redwood-aerospace", "Redwood Aerospace", "US")
    client.logout()
    signed_in(client, other, "sam@redwood-aerospace.example")
    page = client.get("/en/exhibitor/meetings/").content.decode()
    assert "Our own secret" not in page and "India" not in page and "No meeting request yet." in page
    text = pdf_text(client.get("/en/exhibitor/meetings/schedule.pdf"))
    assert "Our own secret" not in text and "No meeting is scheduled." in text


def test_the_schedule_pdf_prints_the_exhibitors_meetings_in_its_language(client, edition, plan, room, optics, parties):
    interpreter = Interpreter.objects.create(name="Đặng Thu Hà", languages="hi")
    request = accepted_request(edition, parties["india"], exhibitor=optics, subject="Quang học", language="hi")
    services.schedule(edition=edition, by=None)
    assert MeetingRequest.objects.get(pk=request.pk).meeting.interpreter == interpreter
    vi = pdf_text(client.get("/vi/exhibitor/meetings/schedule.pdf"))
    en = pdf_text(client.get("/en/exhibitor/meetings/schedule.pdf"))
    assert "Lịch gặp" in vi and "Phòng họp 1" in vi and "19/12/2024" in vi and "09:00–09:30" in vi
    assert optics.name in en and "India" in en and "Room 1" in en and "Quang học" in en and "Hindi" in en
    assert interpreter.name not in vi + en  # the interpreter's name stays with the protocol office


def test_strangers_are_sent_to_the_sign_in_page(client, edition):
    for url in ("/en/exhibitor/meetings/", "/en/exhibitor/meetings/request/", "/en/exhibitor/meetings/schedule.pdf"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/exhibitor/sign-in/?next=")


@pytest.mark.parametrize("count", [1, 9])
def test_the_meetings_page_reads_the_same_number_of_queries_at_one_and_many_rows(
    client, edition, plan, room, optics, django_assert_num_queries, count
):
    for n in range(count):
        delegation = accepted_delegation(edition, "FR", f"Đoàn {n}")
        accepted_request(edition, delegation, exhibitor=optics, subject=f"Chủ đề {n}", restricted=n % 2 == 0)
    services.schedule(edition=edition, by=None)
    # session, user, contact and exhibitor, the edition, the requests with their delegations and meetings
    with django_assert_num_queries(5):
        response = client.get("/en/exhibitor/meetings/")
    page = response.content.decode()
    assert page.count('class="portal-card"') == 2 * count  # each request, and its meeting
    assert "Chủ đề 0" not in page  # restricted by the delegation that wrote it


def test_a_confidential_request_reaches_the_protocol_office_with_its_subject_hidden(
    client, edition, plan, optics, parties, protocol_user, protocol_client
):
    client.post("/en/exhibitor/meetings/request/", form(parties["india"], subject=SECRET, restricted="on"))
    listing = protocol_client.get("/admin/meetings/meetingrequest/").content.decode()
    assert "Ấn Độ · Ministry of Defence" in listing and optics.name in listing  # the admin in Vietnamese
    assert SECRET not in listing  # not named on the request: the protocol officer reads no subject
    request = MeetingRequest.objects.get()
    request.restricted_to.set([protocol_user])
    assert SECRET in protocol_client.get("/admin/meetings/meetingrequest/").content.decode()


def test_the_home_checklist_counts_confirmed_and_waiting_meetings(client, edition, plan, room, optics, parties):
    from portal.meetings_overview import meetings_section

    client.post("/en/exhibitor/meetings/request/", form(parties["india"]))
    accepted_request(edition, parties["navy"], exhibitor=optics)
    services.schedule(edition=edition, by=None)
    with translation.override("vi"):
        section = meetings_section(optics, edition)
    assert section == {
        "title": "Cuộc gặp: 1 đã xác nhận, 1 đang chờ Ban Lễ tân",
        "done": True,
        "missing": [],
        "deadline": None,
        "url": "/vi/exhibitor/meetings/",
    }


def test_the_exhibitor_withdraws_its_request_until_the_meeting_is_placed(client, edition, plan, room, optics, parties):
    client.post("/en/exhibitor/meetings/request/", form(parties["india"]))
    client.post("/en/exhibitor/meetings/request/", form(parties["navy"]))
    india, navy = MeetingRequest.objects.order_by("pk")
    page = client.get("/vi/exhibitor/meetings/").content.decode()
    assert page.count("Rút lại đề nghị") == 2
    response = client.post(f"/vi/exhibitor/meetings/{india.pk}/withdraw/", follow=True)
    assert "Đã rút lại đề nghị gặp Ấn Độ · Ministry of Defence." in response.content.decode()
    india.refresh_from_db()
    assert india.status == MeetingRequest.Status.CANCELLED
    step = india.steps.order_by("pk").last()
    assert (step.status, step.by.username) == ("cancelled", "lan@dong-nai-optics.example")
    # The same delegation may be asked again once its request is withdrawn.
    assert client.post("/en/exhibitor/meetings/request/", form(parties["india"])).status_code == 302
    # Once placed on the programme, only the protocol office can cancel it.
    services.set_status(request=navy, status=MeetingRequest.Status.ACCEPTED, by=None)
    services.schedule(edition=edition, by=None)
    navy.refresh_from_db()
    assert navy.status == MeetingRequest.Status.SCHEDULED
    response = client.post(f"/en/exhibitor/meetings/{navy.pk}/withdraw/")
    assert response.status_code == 409
    assert "This request can no longer be withdrawn: ask the protocol office." in response.content.decode()
    navy.refresh_from_db()
    assert navy.status == MeetingRequest.Status.SCHEDULED
    assert client.get(f"/en/exhibitor/meetings/{navy.pk}/withdraw/").status_code == 405


def test_a_request_of_another_exhibitor_or_of_a_delegation_cannot_be_withdrawn(client, edition, plan, optics, parties):
    other = make_exhibitor("redwood", "Redwood Aerospace", "US")
    theirs = accepted_request(edition, parties["india"], exhibitor=other, asked_by=MeetingRequest.AskedBy.COUNTERPART)
    asked_by_delegation = accepted_request(edition, parties["navy"], exhibitor=optics)
    for request in (theirs, asked_by_delegation):
        assert client.post(f"/en/exhibitor/meetings/{request.pk}/withdraw/").status_code == 404
        request.refresh_from_db()
        assert request.status == MeetingRequest.Status.ACCEPTED
    assert client.post("/en/exhibitor/meetings/999999/withdraw/").status_code == 404


def test_a_withdrawal_is_allowed_only_from_states_the_workflow_lets_become_cancelled():
    from meetings.exhibitor_side import WITHDRAWABLE

    assert all(MeetingRequest.Status.CANCELLED in services.TRANSITIONS[status] for status in WITHDRAWABLE)
