"""Programme services and the public change log they keep."""

import pytest
from django.db import IntegrityError

from expo.models import Edition, ProgrammeChange, ProgrammeItem
from expo.programme import services
from tests.factories import at, make_item, make_venue


def test_delay_records_time_and_status_in_the_change_log(edition):
    item = make_item(edition, start="09:00", end="09:30")
    services.delay_item(item=item, minutes=30, note_vi="Gió mạnh", note_en="Strong wind")
    item.refresh_from_db()
    assert (item.start, item.end, item.status) == (at(edition, 19, "09:30"), at(edition, 19, "10:00"), "delayed")
    assert (item.status_note_vi, item.status_note_en) == ("Gió mạnh", "Strong wind")
    time = ProgrammeChange.objects.get(item=item, kind="time")
    assert (time.old_start, time.new_start) == (at(edition, 19, "09:00"), at(edition, 19, "09:30"))
    assert (time.old_end, time.new_end) == (at(edition, 19, "09:30"), at(edition, 19, "10:00"))
    status = ProgrammeChange.objects.get(item=item, kind="status")
    assert (status.old_status, status.new_status) == ("scheduled", "delayed")


def test_second_delay_logs_only_the_time(edition):
    item = make_item(edition, start="09:00", end="09:30")
    services.delay_item(item=item, minutes=15)
    services.delay_item(item=item, minutes=15)
    assert list(ProgrammeChange.objects.filter(item=item).order_by("pk").values_list("kind", flat=True)) == [
        "time",
        "status",
        "time",
    ]


def test_move_records_both_venues(edition):
    hall, hall_b = make_venue(edition), make_venue(edition, slug="hall-b", code="B")
    item = make_item(edition, venue=hall)
    services.move_item(item=item, venue=hall_b)
    change = ProgrammeChange.objects.get(item=item, kind="venue")
    assert (change.old_venue, change.new_venue) == (hall, hall_b)


def test_move_to_another_editions_venue_is_refused(edition):
    other = Edition.objects.create(
        slug="vide-2026", acronym="VIDE 2026", name_vi="VIDE 2026", venue_name_vi="Gia Lâm",
        start_date="2026-12-01", end_date="2026-12-04",
    )  # fmt: skip
    item = make_item(edition)
    with pytest.raises(ValueError, match="another edition"):
        services.move_item(item=item, venue=make_venue(other))


def test_drafts_and_publishing_are_not_logged(edition):
    item = make_item(edition, is_published=False)
    services.cancel_item(item=item, note_vi="Thời tiết xấu", note_en="Bad weather")
    item.is_published = True
    services.save_item(item=item)
    assert not ProgrammeChange.objects.exists()


def test_change_log_constraint_needs_both_times(edition):
    item = make_item(edition)
    with pytest.raises(IntegrityError):
        ProgrammeChange.objects.create(item=item, kind="time", new_start=item.start)


def test_overlap_detection_in_the_same_venue(edition):
    hall = make_venue(edition)
    first = make_item(edition, venue=hall, start="09:00", end="10:00")
    make_item(edition, venue=hall, start="10:00", end="11:00")  # touches, does not overlap
    assert not ProgrammeItem.objects.clashing_with(first).exists()
    late = make_item(edition, venue=hall, start="09:59", end="10:30")
    assert list(ProgrammeItem.objects.clashing_with(first)) == [late]
    flags = dict(ProgrammeItem.objects.with_clashes().values_list("slug", "has_clash"))
    assert flags[first.slug] and flags[late.slug]


def test_demo_programme_covers_four_days_with_opening_closing_and_changes(demo):
    items = ProgrammeItem.objects.published()
    assert 25 <= items.count() <= 35
    edition = items.first().edition
    days = {item.start.astimezone(edition.tz).date().day for item in items}
    assert days == {19, 20, 21, 22}
    for day in (19, 20, 21, 22):
        assert items.filter(type="flying").on_day(edition.days[day - 19], edition.tz).exists()
        assert items.filter(type="demonstration").on_day(edition.days[day - 19], edition.tz).exists()
    assert items.get(slug="le-khai-mac").start == at(edition, 19, "08:00")
    assert "80 năm Ngày thành lập Quân đội nhân dân Việt Nam" in items.get(slug="le-be-mac").title_vi
    assert set(items.exclude(status="scheduled").values_list("status", flat=True)) == {"delayed", "moved", "cancelled"}
    assert ProgrammeChange.objects.filter(kind="time").count() == 1
    assert not items.with_clashes().filter(has_clash=True).exists()
