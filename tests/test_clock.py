"""common.clock: the site's one "now", moved only in the demo (EXPO_DEMO_NOW)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from common import clock
from config.parsing import demo_now

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
REAL = datetime.datetime(2024, 12, 1, 9, 30, tzinfo=HANOI)


def test_the_setting_reads_a_date_or_a_moment_in_hanoi_time():
    assert demo_now("2024-12-20", demo_on=True) == datetime.date(2024, 12, 20)
    assert demo_now("2024-12-20T10:30", demo_on=True) == datetime.datetime(2024, 12, 20, 10, 30, tzinfo=HANOI)
    assert demo_now("2024-12-20T10:30+00:00", demo_on=True).utcoffset() == datetime.timedelta(0)
    assert demo_now("", demo_on=False) is None


def test_the_setting_is_refused_outside_the_demo_and_when_unreadable():
    with pytest.raises(ImproperlyConfigured, match="honoured only in the demo"):
        demo_now("2024-12-20", demo_on=False)
    with pytest.raises(ImproperlyConfigured, match="not an ISO date"):
        demo_now("20/12/2024", demo_on=True)


def test_without_the_setting_now_is_the_real_clock(settings):
    settings.EXPO_DEMO_NOW = None
    with time_machine.travel(REAL, tick=False):
        assert clock.now() == REAL
        assert not clock.is_moved()


def test_a_date_keeps_the_time_of_day_and_a_moment_is_frozen(settings):
    with time_machine.travel(REAL, tick=False):
        settings.EXPO_DEMO_NOW = datetime.date(2024, 12, 20)
        assert clock.now().astimezone(HANOI) == datetime.datetime(2024, 12, 20, 9, 30, tzinfo=HANOI)
        assert clock.is_moved()
        settings.EXPO_DEMO_NOW = datetime.datetime(2024, 12, 21, 15, 0, tzinfo=HANOI)
        assert clock.now() == datetime.datetime(2024, 12, 21, 15, 0, tzinfo=HANOI)


def test_the_site_shows_a_show_day_and_says_the_clock_is_moved(client, edition, settings):
    settings.EXPO_DEMO_NOW = datetime.datetime(2024, 12, 20, 10, 0, tzinfo=HANOI)
    with time_machine.travel(REAL, tick=False):
        text = client.get("/en/").content.decode()
    assert "Today at the expo: day 2 of 4" in text
    assert "Demo clock." in text and "EXPO_DEMO_NOW" in text
    settings.EXPO_DEMO_NOW = None
    with time_machine.travel(REAL, tick=False):
        text = client.get("/en/").content.decode()
    assert "18 days to go" in text and "Demo clock." not in text
