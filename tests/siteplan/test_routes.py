"""Protocol (admin only): a delegation's stand visits on the plan, with walking distances and times."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils.translation import override
from pypdf import PdfReader

from delegations.models import Delegation, Engagement


def at(edition, hour, minute=0):
    return datetime.datetime.combine(edition.start_date, datetime.time(hour, minute), tzinfo=edition.tz)


@pytest.fixture
def tour(site, edition):
    delegation = Delegation.objects.create(edition=edition, country="LA", organisation="Bộ Quốc phòng Lào")
    visit = lambda counterpart, start, end, venue=None: Engagement.objects.create(  # noqa: E731
        delegation=delegation,
        kind=Engagement.Kind.STAND_VISIT,
        counterpart=counterpart,
        venue=venue,
        start=start,
        end=end,
    )
    # A-09 (60, 40) → S-01 (50, 160): about 151 m on foot, 3 min; only 2 min between them.
    visit("CONG TY CO KHI SONG HONG", at(edition, 9), at(edition, 9, 30))
    visit("Gian hàng S-01", at(edition, 9, 32), at(edition, 10))
    visit("Duyệt đội hình", at(edition, 11), at(edition, 11, 30), venue=site["halls"]["F"])
    visit("Somewhere off the plan", at(edition, 12), at(edition, 12, 30))
    return delegation


@pytest.fixture
def protocol(db, client):
    user = User.objects.create_user("le-tan", "lt@example.vn", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    client.force_login(user)
    return client


def test_route_puts_visits_on_their_stands_in_order_with_walking_times(tour):
    from delegations.walking import route_for

    route = route_for(tour)
    with override("en"):
        assert [stop.place for stop in route.stops] == ["Stand A-09", "Stand S-01", "F · Flying display line"]
    with override("vi"):
        assert route.stops[0].place == "Gian hàng A-09"
    first, second = route.legs
    assert round(first.metres) == 151 and first.minutes == 3 and first.gap_minutes == 2 and first.too_tight
    assert not second.too_tight


def test_clash_report_warns_when_the_walk_is_longer_than_the_gap(protocol, tour):
    html = protocol.get(reverse("admin:delegations_delegation_clashes")).content.decode()
    assert "Không đủ thời gian đi bộ" in html
    assert "Gian hàng A-09" in html and "Gian hàng S-01" in html
    assert "151 m, khoảng 3 phút" in html and "2 phút" in html


def test_delegation_page_draws_the_route_and_warns(protocol, tour):
    html = protocol.get(reverse("admin:delegations_delegation_change", args=[tour.pk])).content.decode()
    assert "Lộ trình trên sơ đồ khu triển lãm" in html
    assert '<polyline points="60.0,40.0 50.0,160.0 200.0,270.0"' in html
    assert "Chỉ có 2 phút giữa" in html


def test_itinerary_pdf_includes_the_route(protocol, tour):
    response = protocol.get(reverse("admin:delegations_delegation_itinerary", args=[tour.pk]) + "?lang=en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Route on the site plan" in text
    assert "Stand A-09" in text and "Stand S-01" in text
    assert "151 m, about 3 min" in text and "only 2 min between the engagements" in text
