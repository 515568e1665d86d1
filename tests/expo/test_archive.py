"""Past editions at /<lang>/editions/<year>/ (config/archive.py) and the save-the-date of the next."""

import datetime
import re

import pytest
import time_machine
from icalendar import Calendar
from model_bakery import baker

from expo.models import Edition
from tests.factories import make_item, make_venue

AFTER_2024 = datetime.datetime(2025, 3, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def editions(edition):
    """VIDE 2024 (the `edition` fixture) ended and archived; the next edition current."""
    edition.is_current = False
    edition.save()
    upcoming = baker.make(
        Edition,
        slug="vide-2026",
        acronym="VIDE 2026",
        name_vi="Triển lãm Quốc phòng quốc tế Việt Nam 2026",
        name_en="Vietnam International Defence Expo 2026",
        venue_name_vi="Sân bay Gia Lâm",
        venue_name_en="Gia Lam Airfield",
        city_vi="Hà Nội",
        city_en="Hanoi",
        start_date=datetime.date(2026, 12, 3),
        end_date=datetime.date(2026, 12, 6),
        is_current=True,
    )
    make_item(edition, title_en="Opening of 2024", venue=make_venue(edition))
    make_item(upcoming, day=datetime.date(2026, 12, 3), title_en="Opening of 2026", venue=make_venue(upcoming))
    with time_machine.travel(AFTER_2024, tick=False):
        yield edition, upcoming


def test_a_past_edition_is_read_at_its_own_address_marked_archive(client, editions):
    page = client.get("/en/editions/2024/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Archive." in text and "Vietnam International Defence Expo 2024 (19–22 December 2024)" in text
    assert 'href="/en/">Go to the current edition</a>' in text
    vietnamese = client.get("/vi/editions/2024/").content.decode()
    assert "Lưu trữ." in vietnamese and "Đến kỳ triển lãm hiện tại" in vietnamese


def test_the_archive_shows_its_own_edition_and_its_links_stay_inside(client, editions):
    text = client.get("/en/editions/2024/programme/").content.decode()
    assert "Opening of 2024" in text and "Opening of 2026" not in text
    links = set(re.findall(r'href="(/en/[^"]*)"', text))
    site_links = {link for link in links if not link.startswith("/en/editions/2024/")}
    assert site_links == {"/en/"}, site_links  # only the notice's way back to the current edition
    assert any(link.startswith("/en/editions/2024/programme/") and link.count("/") > 5 for link in links), links
    current = client.get("/en/programme/").content.decode()
    assert "Opening of 2026" in current and "Opening of 2024" not in current


@pytest.mark.parametrize("page", ["programme/", "results/", "press/", "exhibits/"])
def test_each_archived_section_opens(client, editions, page):
    response = client.get(f"/vi/editions/2024/{page}")
    assert response.status_code == 200
    assert "Lưu trữ." in response.content.decode()


def test_the_archive_is_read_only(client, editions):
    response = client.post("/en/editions/2024/press/accreditation/", {"name": "x"})
    assert response.status_code == 405


def test_an_edition_not_ended_or_unknown_has_no_archive(client, editions):
    assert client.get("/en/editions/2026/").status_code == 404
    assert client.get("/en/editions/2019/").status_code == 404


def test_a_finished_editions_home_shows_the_next_editions_dates_countdown_and_calendar(client, editions):
    text = client.get("/en/editions/2024/").content.decode()
    assert "Save the date" in text
    assert "The next edition: Vietnam International Defence Expo 2026" in text
    assert "3–6 December 2026" in text
    assert "642 days to go" in text  # 1 March 2025 → 3 December 2026
    assert 'href="/en/editions/2024/save-the-date.ics"' in text
    vietnamese = client.get("/vi/editions/2024/").content.decode()
    assert "Lưu ngày" in vietnamese
    assert "Kỳ triển lãm tiếp theo: Triển lãm Quốc phòng quốc tế Việt Nam 2026" in vietnamese

    response = client.get("/en/editions/2024/save-the-date.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Vietnam International Defence Expo 2026"
    assert event.decoded("dtstart") == datetime.date(2026, 12, 3)
    assert event.decoded("dtend") == datetime.date(2026, 12, 7)  # all-day events end the day after
    assert str(event["location"]) == "Gia Lam Airfield, Hanoi"


def test_no_save_the_date_without_a_next_edition(client, edition):
    with time_machine.travel(AFTER_2024, tick=False):
        text = client.get("/en/").content.decode()
        assert "This edition has ended" in text and "Save the date" not in text
        assert client.get("/en/save-the-date.ics").status_code == 404
