"""The press office's side of the media area: interview requests, press-conference seats; flat query counts."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from meetings.models import InterviewRequest, MeetingPlace
from press.models import PressConference, PressConferenceRegistration
from tests.factories import MEDIA_AREA_NOW, journalist, make_release
from tests.helpers import media_sign_in


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(MEDIA_AREA_NOW, tick=False):
        yield


@pytest.fixture
def press_office(client, user_in):
    client.force_login(user_in("Press office"))
    return client


def _requests(alice, numbers):
    for n in numbers:
        InterviewRequest.objects.create(
            accreditation=alice,
            with_kind="organiser",
            topic=f"Chủ đề {n}",
            languages="Tiếng Việt",
            wished_times="19/12",
        )


def test_interview_changelist_query_count_is_flat(press_office, edition, django_assert_num_queries):
    alice = journalist(edition)
    _requests(alice, [0])
    with django_assert_num_queries(7):
        press_office.get("/admin/meetings/interviewrequest/")
    _requests(alice, range(1, 30))
    with django_assert_num_queries(7):
        html = press_office.get("/admin/meetings/interviewrequest/").content.decode()
    assert html.count("Alice Hartley · Defence Weekly") == 30


def test_arranging_in_a_taken_room_is_a_form_error_and_nothing_saved(press_office, edition, smtp):
    alice = journalist(edition)
    room = MeetingPlace.objects.create(edition=edition, name_vi="Phòng 1", name_en="Room 1")
    _requests(alice, [1, 2])
    first, second = InterviewRequest.objects.order_by("pk")
    start = timezone.localtime(MEDIA_AREA_NOW + datetime.timedelta(days=1))
    form = {
        "status": "arranged",
        "place": room.pk,
        "start_0": start.strftime("%d/%m/%Y"),
        "start_1": start.strftime("%H:%M"),
        "end_0": start.strftime("%d/%m/%Y"),
        "end_1": (start + datetime.timedelta(minutes=30)).strftime("%H:%M"),
        "note": "",
    }
    response = press_office.post(f"/admin/meetings/interviewrequest/{first.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert InterviewRequest.objects.get(pk=first.pk).status == "arranged"
    response = press_office.post(f"/admin/meetings/interviewrequest/{second.pk}/change/", form)
    assert response.status_code == 200
    assert "Phòng 1 đã có một cuộc phỏng vấn khác vào thời gian đó." in response.content.decode()
    assert InterviewRequest.objects.get(pk=second.pk).status == "requested"


def test_press_conference_list_prints_as_pdf(press_office, edition, conference):
    PressConferenceRegistration.objects.create(conference=conference, accreditation=journalist(edition))
    response = press_office.post(
        "/admin/press/pressconference/", {"action": "attendance_list", "_selected_action": [conference.pk]}
    )
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_media_home_query_count_is_flat(
    client, edition, smtp, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from model_bakery import baker

    journalist(edition)
    media_sign_in(client, edition, smtp, django_capture_on_commit_callbacks)

    def grow(numbers):
        for n in numbers:
            make_release(edition, f"som-{n}", hours=30 + n, early_for_media=True)
            make_release(edition, f"cu-{n}", hours=-n - 1)
            item = baker.make(
                "expo.ProgrammeItem",
                edition=edition,
                type="press",
                slug=f"pc-{n}",
                is_published=True,
                start=MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=n),
                end=MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=n + 1),
            )
            PressConference.objects.create(programme_item=item)

    grow([0])
    with django_assert_num_queries(7):
        client.get("/en/press/media/")
    grow(range(1, 12))
    with django_assert_num_queries(7):
        html = client.get("/en/press/media/").content.decode()
    assert html.count("Register for a seat") == 12
