"""Programme admin: filters, clash warnings, two-click delay/cancel, change log on save."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from model_bakery import baker

from expo.models import ProgrammeChange, ProgrammeItem
from expo.programme import services
from tests.factories import at, make_item, make_venue

CHANGELIST = "/admin/expo/programmeitem/"


@pytest.fixture
def editor(db):
    user = baker.make("auth.User", username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_changelist_warns_about_overlaps_in_the_same_venue(editor_client, edition):
    hall = make_venue(edition)
    make_item(edition, venue=hall, start="09:00", end="10:00", title_vi="Hội thảo sáng")
    make_item(edition, venue=hall, start="09:30", end="10:30", title_vi="Giới thiệu sản phẩm")
    make_item(edition, venue=hall, start="11:00", end="12:00", title_vi="Không trùng")
    html = editor_client.get(CHANGELIST).content.decode()
    assert "2 published items overlap others in the same venue" in html
    assert html.count("overlaps in this venue") == 2


def test_changelist_ignores_cancelled_drafts_and_other_venues(editor_client, edition):
    hall, other = make_venue(edition), make_venue(edition, slug="hall-b", code="B")
    make_item(edition, venue=hall, start="09:00", end="10:00")
    make_item(edition, venue=hall, start="09:30", end="10:30", status="cancelled")
    make_item(edition, venue=hall, start="09:30", end="10:30", is_published=False)
    make_item(edition, venue=other, start="09:30", end="10:30")
    html = editor_client.get(CHANGELIST).content.decode()
    assert "overlap" not in html


def test_changelist_filters_by_day_type_venue_and_status(editor_client, edition):
    hall = make_venue(edition)
    make_item(edition, day=19, title_en="Day one", venue=hall)
    make_item(edition, day=20, title_en="Day two", type="flying", status="delayed")
    html = editor_client.get(CHANGELIST, {"day": "2024-12-20"}).content.decode()
    assert "Day two" in html and "Day one" not in html
    assert "Day one" not in editor_client.get(CHANGELIST, {"type__exact": "flying"}).content.decode()
    assert "Day two" not in editor_client.get(CHANGELIST, {"venue__id__exact": hall.pk}).content.decode()
    assert "Day one" not in editor_client.get(CHANGELIST, {"status__exact": "delayed"}).content.decode()
    assert "Day two" in editor_client.get(CHANGELIST, {"day": "not-a-day"}).content.decode()


def test_delay_button_on_the_item_page_delays_and_logs(editor_client, edition):
    item = make_item(edition, start="09:00", end="09:30")
    page = editor_client.get(reverse("admin:expo_programmeitem_change", args=[item.pk])).content.decode()
    delay_url = reverse("admin:expo_programmeitem_delay", args=[item.pk, 15])
    assert f'action="{delay_url}"' in page
    response = editor_client.post(delay_url, follow=True)
    assert "delayed by 15 minutes" in response.content.decode()
    item.refresh_from_db()
    assert (item.start, item.end, item.status) == (at(edition, 19, "09:15"), at(edition, 19, "09:45"), "delayed")
    kinds = set(ProgrammeChange.objects.filter(item=item).values_list("kind", flat=True))
    assert kinds == {"time", "status"}


def test_delay_and_cancel_refuse_get_and_odd_minutes(editor_client, edition):
    item = make_item(edition, start="09:00", end="09:30")
    assert editor_client.get(reverse("admin:expo_programmeitem_delay", args=[item.pk, 15])).status_code == 405
    assert editor_client.post(reverse("admin:expo_programmeitem_delay", args=[item.pk, 999])).status_code == 405
    # Cancelling by GET only shows the confirmation page; nothing changes.
    assert (
        "Yes, cancel" in editor_client.get(reverse("admin:expo_programmeitem_cancel", args=[item.pk])).content.decode()
    )
    item.refresh_from_db()
    assert item.status == "scheduled" and not ProgrammeChange.objects.exists()


def test_cancel_asks_for_confirmation_and_a_reason_then_can_be_reinstated(editor_client, client, edition):
    item = make_item(edition, title_vi="Trình diễn bay", title_en="Flying display")
    url = reverse("admin:expo_programmeitem_cancel", args=[item.pk])
    change_page = editor_client.get(reverse("admin:expo_programmeitem_change", args=[item.pk])).content.decode()
    assert f'<a href="{url}" class="programme-danger-button">Cancel this item</a>' in change_page
    page = editor_client.get(url).content.decode()
    assert "Flying display" in page and "Reason (Vietnamese)" in page and "Yes, cancel" in page
    # No reason: refused with a message, nothing changed.
    refused = editor_client.post(url, {"reason_vi": "", "reason_en": "Bad weather"})
    assert refused.status_code == 400 and "Give the reason in Vietnamese and in English." in refused.content.decode()
    item.refresh_from_db()
    assert item.status == "scheduled" and not ProgrammeChange.objects.exists()
    editor_client.post(url, {"reason_vi": "Thời tiết xấu", "reason_en": "Bad weather"})
    item.refresh_from_db()
    assert (item.status, item.status_note_vi, item.status_note_en) == ("cancelled", "Thời tiết xấu", "Bad weather")
    change = ProgrammeChange.objects.get(item=item)
    assert (change.kind, change.old_status, change.new_status) == ("status", "scheduled", "cancelled")
    public = client.get(item.get_absolute_url().replace("/vi/", "/en/")).content.decode()
    assert "Cancelled" in public and "Bad weather" in public
    log = client.get("/vi/programme/changes/").content.decode()
    assert "Thời tiết xấu" in log
    # Reinstated: scheduled again, logged, the reason cleared from the item.
    editor_client.post(reverse("admin:expo_programmeitem_reinstate", args=[item.pk]))
    item.refresh_from_db()
    assert (item.status, item.status_note_en) == ("scheduled", "")
    assert ProgrammeChange.objects.filter(item=item, new_status="scheduled").exists()


def test_cancel_action_on_the_changelist_asks_for_the_reason(editor_client, edition):
    items = [make_item(edition, start="09:00", end="09:30"), make_item(edition, start="11:00", end="11:30")]
    selected = {"action": "cancel", "_selected_action": [i.pk for i in items]}
    page = editor_client.post(CHANGELIST, selected)
    assert page.status_code == 200 and "Yes, cancel" in page.content.decode()
    assert not ProgrammeItem.objects.filter(status="cancelled").exists()
    editor_client.post(CHANGELIST, {**selected, "confirm_cancel": "1", "reason_vi": "Mưa", "reason_en": "Rain"})
    assert set(ProgrammeItem.objects.values_list("status", "status_note_en")) == {("cancelled", "Rain")}


def test_press_office_cannot_delay(client, edition):
    user = baker.make("auth.User", username="press", is_staff=True)
    user.groups.add(Group.objects.get(name="Press office"))
    client.force_login(user)
    item = make_item(edition)
    assert client.post(reverse("admin:expo_programmeitem_cancel", args=[item.pk])).status_code == 403
    item.refresh_from_db()
    assert item.status == "scheduled"


def test_delay_action_from_the_changelist(editor_client, edition):
    first, second = make_item(edition, start="09:00", end="09:30"), make_item(edition, start="10:00", end="10:30")
    editor_client.post(CHANGELIST, {"action": "delay_30", "_selected_action": [first.pk, second.pk]})
    starts = sorted(ProgrammeItem.objects.values_list("start", flat=True))
    assert starts == [at(edition, 19, "09:30"), at(edition, 19, "10:30")]
    assert ProgrammeChange.objects.filter(kind="time").count() == 2


def test_admin_save_logs_time_venue_and_status_changes_and_warns_of_clash(editor_client, edition):
    hall, hall_b = make_venue(edition), make_venue(edition, slug="hall-b", code="B", name_vi="Nhà B", name_en="Hall B")
    make_item(edition, venue=hall_b, start="10:00", end="11:00", title_vi="Đã có ở nhà B")
    item = make_item(edition, venue=hall, start="09:00", end="10:00", slug="hoi-thao", title_vi="Hội thảo")
    data = {
        "edition": edition.pk, "title_vi": "Hội thảo", "title_en": "", "slug": "hoi-thao", "type": "seminar",
        "audience": "public", "hosts_vi": "", "hosts_en": "", "description_vi": "", "description_en": "",
        "start_0": "2024-12-19", "start_1": "10:30:00", "end_0": "2024-12-19", "end_1": "11:30:00",
        "venue": hall_b.pk, "status": "moved", "status_note_vi": "Chuyển sang nhà B", "status_note_en": "",
        "is_published": "on",
    }  # fmt: skip
    response = editor_client.post(reverse("admin:expo_programmeitem_change", args=[item.pk]), data, follow=True)
    html = response.content.decode()
    assert "overlaps other published items in B · Hall B" in html
    changes = {change.kind: change for change in ProgrammeChange.objects.filter(item=item)}
    assert set(changes) == {"time", "venue", "status"}
    assert changes["time"].new_start == at(edition, 19, "10:30")
    assert (changes["venue"].old_venue, changes["venue"].new_venue) == (hall, hall_b)


def test_editing_a_draft_logs_nothing(editor_client, edition):
    item = make_item(edition, is_published=False)
    editor_client.post(reverse("admin:expo_programmeitem_delay", args=[item.pk, 30]))
    assert not ProgrammeChange.objects.exists()


def test_changelist_query_count_is_flat(editor_client, edition, django_assert_max_num_queries):
    hall = make_venue(edition)
    make_item(edition, venue=hall)
    with django_assert_max_num_queries(15):
        editor_client.get(CHANGELIST)
    for n in range(49):
        make_item(edition, venue=hall, start=f"{8 + n % 10:02d}:00", end=f"{8 + n % 10:02d}:45")
    with django_assert_max_num_queries(15):
        assert "Programme item" in editor_client.get(CHANGELIST).content.decode()


def test_change_log_admin_is_read_only_and_flat(editor_client, edition, django_assert_max_num_queries):
    hall = make_venue(edition)
    item = make_item(edition, venue=hall, title_en="Flying display", start="09:00", end="09:30")
    services.delay_item(item=item, minutes=15)
    with django_assert_max_num_queries(15):
        html = editor_client.get("/admin/expo/programmechange/").content.decode()
    assert "Time: 19/12 09:00–09:30 → 19/12 09:15–09:45" in html
    for _n in range(49):
        services.delay_item(item=make_item(edition, venue=hall), minutes=15)
    with django_assert_max_num_queries(15):
        assert "Status: Scheduled → Delayed" in editor_client.get("/admin/expo/programmechange/").content.decode()
    change = ProgrammeChange.objects.first()
    assert editor_client.get(f"/admin/expo/programmechange/{change.pk}/change/").status_code == 200  # view only
    assert editor_client.post(f"/admin/expo/programmechange/{change.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ProgrammeChange.objects.filter(pk=change.pk).exists()
