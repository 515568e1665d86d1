"""Meetings are Protocol's alone; a restricted subject is read by the staff named on it, nobody else."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from model_bakery import baker

from meetings import services
from meetings.models import Agreement, Meeting, MeetingRequest
from tests.factories import accepted_delegation, accepted_request

SECRET = "Mua bán tàu ngầm Kilo bí mật"


def staff_client(group=None, **fields):
    user = baker.make("auth.User", is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def restricted(edition, plan, room, protocol_user):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    request = accepted_request(edition, france, counterpart=vietnam, subject=SECRET, purpose=SECRET, restricted=True)
    request.restricted_to.set([protocol_user])
    services.schedule(edition=edition, by=protocol_user)
    return request


@pytest.mark.parametrize("group", ["Content editors", "Press office", None])
def test_other_staff_cannot_open_meetings(db, group):
    _user, client = staff_client(group)
    for model in ("meetingrequest", "meeting", "agreement", "meetingplace"):
        assert client.get(f"/admin/meetings/{model}/").status_code == 403
    assert client.get("/admin/meetings/meetingrequest/schedule/").status_code in (302, 403)


def test_restricted_subject_is_shown_to_the_named_officer_only(restricted, protocol_client):
    named = protocol_client.get("/admin/meetings/meetingrequest/").content.decode()
    assert SECRET in named

    _other, client = staff_client("Protocol")
    listing = client.get("/admin/meetings/meetingrequest/").content.decode()
    page = client.get(f"/admin/meetings/meetingrequest/{restricted.pk}/change/").content.decode()
    history = client.get(f"/admin/meetings/meetingrequest/{restricted.pk}/history/").content.decode()
    for text in (listing, page, history):
        assert SECRET not in text
    assert "Hạn chế: chỉ cán bộ được ghi tên trong yêu cầu mới được đọc." in listing


def test_no_lookup_search_or_ordering_answers_on_a_restricted_subject(restricted):
    """The character-by-character oracle: every probe answers the same whatever the subject is."""
    _other, client = staff_client("Protocol")

    def answer(query):
        response = client.get(f"/admin/meetings/meetingrequest/?{query}")
        # The rows listed (one checkbox each), whatever the admin's language.
        return response.status_code, response.content.decode().count('name="_selected_action"')

    for hit, miss in (
        ("subject__startswith=Mua", "subject__startswith=Zzz"),
        ("subject__exact=" + SECRET, "subject__exact=x"),
        ("purpose__icontains=Kilo", "purpose__icontains=qqq"),
        ("restricted_to__username=protocol", "restricted_to__username=nobody"),
        ("q=Kilo", "q=qqq"),
        ("q=tau ngam", "q=xyz"),
    ):
        assert answer(hit) == answer(miss), hit
    assert answer("subject__startswith=Mua")[0] == 400
    assert answer("q=France") == answer("") == (200, 1)  # the probes see the row: search works on parties


def test_status_steps_record_who_and_when(restricted, protocol_client, protocol_user):
    response = protocol_client.post(
        "/admin/meetings/meetingrequest/",
        {"action": "mark_held", "_selected_action": [restricted.pk]},
    )
    assert response.status_code == 302
    restricted.refresh_from_db()
    assert restricted.status == MeetingRequest.Status.HELD
    step = restricted.steps.order_by("-at", "-pk").first()
    assert (step.status, step.by) == (MeetingRequest.Status.HELD, protocol_user)
    # A held meeting cannot be declined afterwards.
    protocol_client.post(
        "/admin/meetings/meetingrequest/", {"action": "mark_declined", "_selected_action": [restricted.pk]}
    )
    restricted.refresh_from_db()
    assert restricted.status == MeetingRequest.Status.HELD


def test_schedule_view_places_and_explains(edition, plan, room, protocol_client):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    accepted_request(edition, france, counterpart=accepted_delegation(edition, "VN"))
    accepted_request(
        edition, france, counterpart=accepted_delegation(edition, "IN", "Ministry of Defence"), language="ar"
    )
    page = protocol_client.get("/admin/meetings/meetingrequest/schedule/")
    # The organisers' admin is in Vietnamese.
    assert "2 yêu cầu đã nhận lời đang chờ xếp lịch." in page.content.decode()
    response = protocol_client.post("/admin/meetings/meetingrequest/schedule/")
    text = response.content.decode()
    assert "Đã xếp 1 cuộc gặp; 1 yêu cầu chưa xếp được." in text
    # The language by its Vietnamese name (issue 26: it read "nói Arabic").
    assert "không có phiên dịch viên nói tiếng Ả Rập" in text
    assert Meeting.objects.count() == 1


def test_a_large_scheduler_run_is_a_batch_job_whose_page_says_what_it_placed(
    edition, plan, room, protocol_client, monkeypatch
):
    from common.models import BatchJob
    from meetings.admin import requests

    monkeypatch.setattr(requests, "INLINE_REQUESTS", 1)
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    accepted_request(edition, france, counterpart=accepted_delegation(edition, "VN"))
    accepted_request(
        edition, france, counterpart=accepted_delegation(edition, "IN", "Ministry of Defence"), language="ar"
    )
    response = protocol_client.post("/admin/meetings/meetingrequest/schedule/")
    job = BatchJob.objects.get()
    assert response["Location"] == f"/admin/common/batchjob/{job.pk}/change/"
    page = protocol_client.get(response["Location"]).content.decode()
    assert "Xếp 2 yêu cầu đã chấp nhận" in page and "Đã xếp 1 cuộc gặp; 1 yêu cầu chưa xếp được." in page
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("count", [1, 12])
def test_changelists_query_counts(edition, plan, room, protocol_client, django_assert_num_queries, count):
    vietnam = accepted_delegation(edition, "VN")
    for n in range(count):
        accepted_request(edition, accepted_delegation(edition, "FR", f"Đoàn {n}"), counterpart=vietnam)
        Agreement.objects.create(
            edition=edition, title_vi=f"Thỏa thuận {n}", party_a_vi="A", party_b_vi="B", signed_on=edition.start_date
        )
    services.schedule(edition=edition, by=None)
    # session, user, (groups/permissions), count, rows…: the same number at 1 and at 12 rows.
    with django_assert_num_queries(8):
        assert protocol_client.get("/admin/meetings/meetingrequest/").status_code == 200
    with django_assert_num_queries(8):
        assert protocol_client.get("/admin/meetings/meeting/").status_code == 200
    with django_assert_num_queries(8):
        assert protocol_client.get("/admin/meetings/agreement/").status_code == 200


def test_place_and_exhibitor_schedules_print_in_both_languages(edition, plan, room, exhibitor, protocol_client):
    import io

    from pypdf import PdfReader

    korea = accepted_delegation(edition, "KR", "Ministry of National Defense")
    accepted_request(edition, korea, exhibitor=exhibitor)
    services.schedule(edition=edition, by=None)
    meeting = Meeting.objects.get()

    def text(url):
        response = protocol_client.get(url)
        assert response.status_code == 200
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())

    vi = text(f"/admin/meetings/meeting/place/{room.pk}/schedule.pdf?lang=vi")
    en = text(f"/admin/meetings/meeting/exhibitor/{exhibitor.pk}/schedule.pdf?lang=en")
    assert "Phòng họp 1" in vi and "09:00–09:30" in vi and "19/12/2024" in vi
    assert "Room 1" in en and exhibitor.name in en and "Korea" in en
    assert meeting.place == room

    _other, client = staff_client("Press office")
    assert client.get(f"/admin/meetings/meeting/place/{room.pk}/schedule.pdf").status_code == 403
