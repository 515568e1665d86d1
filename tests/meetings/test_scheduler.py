"""The scheduler places accepted requests without any clash, by precedence, and says why it could not."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError

from delegations.clashes import find_clashes
from delegations.models import Delegation, Engagement
from meetings import services
from meetings.models import Meeting, MeetingPlace, MeetingRequest
from tests.factories import accepted_delegation, accepted_request, local, make_interpreter, make_officer

S = MeetingRequest.Status


def test_a_placed_meeting_books_both_delegations_in_their_programmes(edition, plan, room):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    request = accepted_request(edition, france, counterpart=vietnam)

    result = services.schedule(edition=edition, by=None)

    assert [p.request for p in result.placements] == [request]
    meeting = Meeting.objects.get(request=request)
    assert (meeting.start, meeting.end, meeting.place) == (local(edition, 0, 9), local(edition, 0, 9, 30), room)
    request.refresh_from_db()
    assert request.status == S.SCHEDULED
    assert [step.status for step in request.steps.all()] == [S.ACCEPTED, S.SCHEDULED]
    entries = Engagement.objects.filter(meetings=meeting).order_by("delegation__country")
    assert [(e.delegation.country.code, e.kind, e.start) for e in entries] == [
        ("FR", Engagement.Kind.BILATERAL, meeting.start),
        ("VN", Engagement.Kind.BILATERAL, meeting.start),
    ]


def test_existing_engagements_officers_and_buffers_are_respected(edition, plan, room):
    officer = make_officer()
    india = accepted_delegation(edition, "IN", "Ministry of Defence", liaison_officer=officer)
    korea = accepted_delegation(edition, "KR", "Ministry of National Defense", liaison_officer=officer)
    vietnam = accepted_delegation(edition, "VN")
    # India visits a stand 09:00–09:45; the liaison officer it shares with Korea is busy then too.
    Engagement.objects.create(
        delegation=india, kind=Engagement.Kind.STAND_VISIT, start=local(edition, 0, 9), end=local(edition, 0, 9, 45)
    )
    accepted_request(edition, korea, counterpart=vietnam)

    services.schedule(edition=edition, by=None)

    meeting = Meeting.objects.get()
    # 09:00 clashes; 09:40 is inside the 10-minute buffer after 09:45; 10:20 is the first free slot.
    assert meeting.start == local(edition, 0, 10, 20)
    assert find_clashes(edition) == []


def test_higher_precedence_takes_the_only_slot_and_the_other_is_told_why(edition, plan, room):
    vietnam = accepted_delegation(edition, "VN")
    minister = accepted_delegation(edition, "IN", "Ministry of Defence", level=Delegation.Level.MINISTER)
    director = accepted_delegation(edition, "TH", "Royal Thai Armed Forces", level=Delegation.Level.OTHER)
    only_day = plan[0]
    # Vietnam is busy all morning but 11:00 on the first day.
    Engagement.objects.create(
        delegation=vietnam, kind=Engagement.Kind.OTHER, start=local(edition, 0, 9), end=local(edition, 0, 10, 50)
    )
    low = accepted_request(edition, director, counterpart=vietnam, priority=MeetingRequest.Priority.HIGH)
    high = accepted_request(edition, minister, counterpart=vietnam, priority=MeetingRequest.Priority.LOW)
    for request in (low, high):
        request.wished_days.set([only_day])

    plan_result = services.schedule(edition=edition, by=None)

    assert [p.request for p in plan_result.placements] == [high]
    [unplaced] = plan_result.unplaced
    assert unplaced.request == low
    assert f"{vietnam} is busy in 4 of 4 slots" in unplaced.reason


def test_interpreters_exhibitor_teams_and_stands(edition, plan, room, exhibitor):
    stand = MeetingPlace.objects.create(
        edition=edition,
        name_vi="Gian Đồng Nai",
        name_en="Dong Nai stand",
        kind=MeetingPlace.Kind.STAND,
        exhibitor=exhibitor,
    )
    korean = make_interpreter("Lê Minh Tuấn", "en,ko")
    korea = accepted_delegation(edition, "KR", "Ministry of National Defense")
    japan = accepted_delegation(edition, "JP", "Ministry of Defense")
    first = accepted_request(edition, korea, exhibitor=exhibitor, language="ko")
    second = accepted_request(edition, japan, exhibitor=exhibitor, language="ja")

    result = services.schedule(edition=edition, by=None)

    meeting = Meeting.objects.get(request=first)
    assert (meeting.place, meeting.interpreter) == (stand, korean)
    [unplaced] = result.unplaced
    assert unplaced.request == second
    # The reason names the language in the organiser's words, never its code.
    assert unplaced.reason == "no interpreter speaks Japanese"


def _a_busy_expo(edition):
    """Six rooms, 48 delegations with their officers, interpreters and stand visits, 150 requests."""
    rng = random.Random(7)  # noqa: S311 -- the same invented expo on every run
    for n in range(6):
        MeetingPlace.objects.create(edition=edition, name_vi=f"Phòng {n}", name_en=f"Room {n}")
    # As at the expo: a liaison officer per two delegations, an interpreter of its own for every
    # other one, and a pool of Russian interpreters for meetings.
    officers = [make_officer(f"Sĩ quan {n}") for n in range(24)]
    own = [make_interpreter(f"Phiên dịch riêng {n}", "en") for n in range(24)]
    for n in range(4):
        make_interpreter(f"Phiên dịch tiếng Nga {n}", "ru")
    countries = ["FR", "IN", "KR", "JP", "RU", "US", "GB", "TH", "MY", "SG", "ID", "AU", "LA", "KH", "PH", "DE"]
    delegations = []
    for index, country in enumerate(countries * 3):
        delegation = accepted_delegation(
            edition,
            country,
            f"Đoàn {index}",
            level=rng.choice(list(Delegation.Level)),
            liaison_officer=officers[index % len(officers)],
        )
        if index % 2:
            delegation.interpreters.set([own[index // 2]])
        delegations.append(delegation)
        Engagement.objects.create(
            delegation=delegation,
            kind=Engagement.Kind.STAND_VISIT,
            start=local(edition, index % 4, 9 + index % 3),
            end=local(edition, index % 4, 9 + index % 3, 50),
        )
    for _ in range(150):
        first, second = rng.sample(delegations, 2)
        accepted_request(
            edition,
            first,
            counterpart=second,
            priority=rng.choice(list(MeetingRequest.Priority)),
            language=rng.choice(["", "", "ru"]),
        )


def test_at_a_realistic_size_nothing_clashes_and_precedence_holds(edition, plan):
    _a_busy_expo(edition)

    def clash_pairs():
        return {(c.resource, c.first.pk, c.second.pk) for c in find_clashes(edition)}

    # The invented stand visits clash among themselves; meetings must add no clash at all.
    before = clash_pairs()

    result = services.schedule(edition=edition, by=None)

    assert len(result.placements) > 50 and result.unplaced
    assert clash_pairs() == before
    for unplaced in result.unplaced:
        assert unplaced.reason

    # No unplaced request could have taken a slot from a placed one of lower precedence: every
    # unplaced request ranks after each placed request that shares a party with it.
    def rank(request):
        ranks = [request.delegation.level_rank, request.counterpart_delegation.level_rank]
        return (min(ranks), request.priority)

    placed = [p.request for p in result.placements]
    for unplaced in result.unplaced:
        parties = {unplaced.request.delegation_id, unplaced.request.counterpart_delegation_id}
        for request in placed:
            if parties & {request.delegation_id, request.counterpart_delegation_id}:
                wished = set(unplaced.request.wished_days.all())
                if not wished:
                    assert rank(request) <= rank(unplaced.request) or "busy" in unplaced.reason


def test_a_meeting_moved_by_hand_gets_the_same_checks(edition, plan, room):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    accepted_request(edition, france, counterpart=vietnam)
    services.schedule(edition=edition, by=None)
    meeting = Meeting.objects.get()
    Engagement.objects.create(
        delegation=vietnam, kind=Engagement.Kind.OTHER, start=local(edition, 1, 9), end=local(edition, 1, 10)
    )

    with pytest.raises(ValidationError, match=str(vietnam)):
        services.move_meeting(meeting=meeting, start=local(edition, 1, 9, 30), place=room, by=None)

    services.move_meeting(meeting=meeting, start=local(edition, 1, 10, 20), place=room, by=None)
    meeting.refresh_from_db()
    assert meeting.end - meeting.start == datetime.timedelta(minutes=30)
    assert set(meeting.engagements.values_list("start", flat=True)) == {local(edition, 1, 10, 20)}
    assert find_clashes(edition) == []


def test_placing_twice_places_nothing_more(edition, plan, room):
    accepted_request(
        edition,
        accepted_delegation(edition, "FR", "Ministère des Armées"),
        counterpart=accepted_delegation(edition, "VN"),
    )
    services.schedule(edition=edition, by=None)
    again = services.schedule(edition=edition, by=None)
    assert (again.placements, again.unplaced) == ([], [])
    assert Meeting.objects.count() == 1


def test_a_delegation_that_is_not_coming_is_not_placed_and_the_reason_says_so(edition, plan, room):
    vietnam = accepted_delegation(edition, "VN")
    cancelled = accepted_delegation(edition, "FR", "Ministère des Armées")
    request = accepted_request(edition, cancelled, counterpart=vietnam)
    Delegation.objects.filter(pk=cancelled.pk).update(status=Delegation.Status.CANCELLED)

    result = services.schedule(edition=edition, by=None)

    assert result.placements == [] and Meeting.objects.count() == 0
    [unplaced] = result.unplaced
    assert unplaced.request == request
    assert f"{cancelled} is not coming (declined or cancelled)" in unplaced.reason
