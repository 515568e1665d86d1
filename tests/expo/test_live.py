"""The live board: now and next per venue, delays and cancellations, the flying-display countdown,
the screens' mode, and answers cheap enough for hundreds of screens (kept, ETag / 304)."""

import datetime

import pytest
import time_machine

from expo.models import ProgrammeItem
from expo.programme import services
from tests.factories import make_item, make_venue

# 09:20 on the first day, at the venue.
SHOW_TIME = datetime.datetime(2024, 12, 19, 9, 20, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture
def show_day(edition):
    hall = make_venue(edition)
    runway = make_venue(edition, slug="flight-line", code="F", name_vi="Đường băng", name_en="Flying display line")
    hall.order, runway.order = 1, 2
    hall.save()
    runway.save()
    items = {
        "talk": make_item(edition, start="09:00", end="10:00", venue=hall, title_en="Radar talk", title_vi="Radar"),
        "panel": make_item(edition, start="10:30", end="11:00", venue=hall, title_en="Drone panel", title_vi="UAV"),
        "later": make_item(edition, start="14:00", end="15:00", venue=hall, title_en="Later talk", title_vi="Chiều"),
        "flying": make_item(
            edition,
            start="11:00",
            end="11:30",
            venue=runway,
            type=ProgrammeItem.Type.FLYING_DISPLAY,
            title_en="Fighter display",
            title_vi="Bay trình diễn tiêm kích",
        ),
        "done": make_item(edition, start="08:00", end="09:00", venue=runway, title_en="Opening", title_vi="Khai mạc"),
    }
    with time_machine.travel(SHOW_TIME, tick=False):
        yield items


def board(html):
    return html[html.index('id="live-board"') :]


def test_board_shows_now_and_next_per_venue_and_the_flying_countdown(client, show_day):
    html = board(client.get("/en/live/").content.decode())
    assert "As of 09:20 (UTC+7)" in html
    hall = html[html.index("Exhibition Hall A") : html.index("Flying display line</h3>")]
    assert "Radar talk" in hall and "until 10:00" in hall
    assert "Drone panel" in hall and "Later talk" not in hall  # only the next one
    assert "Opening" not in html  # over
    flying = html[html.index("Next flying display") :]
    assert "Fighter display" in flying and "at 11:00, in 100 minutes" in flying
    assert 'data-countdown="2024-12-19T11:00:00+07:00"' in flying


def test_board_in_vietnamese(client, show_day):
    html = board(client.get("/vi/live/").content.decode())
    assert "Cập nhật lúc 09:20 (UTC+7)" in html
    assert "Radar" in html and "đến 10:00" in html
    assert "Màn bay trình diễn tiếp theo" in html and "lúc 11:00, sau 100 phút" in html


def test_delay_and_cancellation_from_the_change_log_show_at_the_next_refresh(client, show_day):
    client.get("/en/live/")
    services.delay_item(item=show_day["panel"], minutes=20, note_en="Weather", note_vi="Thời tiết")
    services.cancel_item(item=show_day["flying"], note_en="Low cloud", note_vi="Mây thấp")
    html = board(client.get("/en/live/").content.decode())
    changes = html[html.index("Delays and cancellations") :]
    assert "Drone panel" in changes and "10:50" in changes
    assert "Fighter display" in changes and "Cancelled" in changes and "Low cloud" in changes
    assert "Next flying display" not in html  # the only one is cancelled
    assert "10:50" in html[html.index("Exhibition Hall A") :]


def test_screen_mode_has_large_type_no_navigation_and_no_cookies(client, show_day):
    response = client.get("/en/live/?screen=1")
    html = response.content.decode()
    assert 'class="live-screen"' in html and "Radar talk" in html
    assert "site-nav" not in html and "<footer" not in html
    assert not response.cookies
    assert '<noscript><meta http-equiv="refresh" content="60"></noscript>' in html


def test_board_is_kept_and_answers_304_without_a_query(client, show_day, settings, django_assert_num_queries):
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    with django_assert_num_queries(4):  # the edition, today's items, changes, next flying display
        first = client.get("/en/live/?screen=1")
    assert first["Cache-Control"] == "max-age=30, public"
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = client.get("/en/live/?screen=1", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    # Past the refresh interval the board is drawn again: a kept copy never outlives it.
    with time_machine.travel(SHOW_TIME + datetime.timedelta(seconds=31), tick=False):
        later = client.get("/en/live/?screen=1", HTTP_IF_NONE_MATCH=etag)
    assert later.status_code == 200 and "As of 09:20" in later.content.decode()


def test_board_query_count_does_not_grow_with_the_programme(client, show_day, edition, django_assert_num_queries):
    for hour in range(10, 18):
        make_item(edition, start=f"{hour}:05", end=f"{hour}:55", venue=show_day["talk"].venue)
    with django_assert_num_queries(4):
        client.get("/vi/live/")
