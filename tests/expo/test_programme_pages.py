"""Public programme pages: by day, filters, local times, statuses, item page, change log."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from expo.models import ProgrammeItem
from expo.programme import services
from tests.factories import at, make_item, make_venue

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_programme_shows_the_chosen_day_in_time_order_with_local_times(client, edition):
    make_item(edition, day=20, start="14:00", end="15:00", title_vi="Hội thảo chiều", title_en="Afternoon seminar")
    make_item(edition, day=20, start="08:30", end="09:00", title_vi="Trình diễn bay", title_en="Flying display")
    make_item(edition, day=19, start="08:00", end="09:30", title_vi="Lễ khai mạc", title_en="Opening ceremony")
    html = client.get("/en/programme/?day=2024-12-20").content.decode()
    assert "Opening ceremony" not in html
    assert html.index("Flying display") < html.index("Afternoon seminar")
    # 08:30 at the venue is 01:30 UTC; the page shows venue time, named, not converted.
    assert '<time datetime="2024-12-20T08:30:00+07:00">08:30</time>' in html
    assert "All times are local time at the venue (UTC+7, Hanoi)." in html
    html = client.get("/vi/programme/?day=2024-12-19").content.decode()
    assert "Lễ khai mạc" in html
    assert "Mọi thời gian là giờ địa phương tại nơi tổ chức (UTC+7, Hà Nội)." in html


def test_programme_has_one_tab_per_day_and_defaults_to_day_one_after_the_expo(frozen_clock, client, edition):
    make_item(edition, day=19, title_en="First-day item")
    html = client.get("/en/programme/").content.decode()
    for day in ("2024-12-19", "2024-12-20", "2024-12-21", "2024-12-22"):
        assert f'href="?day={day}"' in html
    assert 'href="?day=2024-12-19" aria-current="page"' in html
    assert "First-day item" in html


def test_programme_opens_on_today_during_the_expo(frozen_clock, client, edition):
    today = timezone.now().astimezone(edition.tz).date()
    edition.start_date, edition.end_date = today - datetime.timedelta(days=1), today + datetime.timedelta(days=2)
    edition.save()
    make_item(edition, day=today, start="00:00", end="23:59", title_en="Item for today")
    html = client.get("/en/programme/").content.decode()
    assert f'href="?day={today.isoformat()}" aria-current="page"' in html
    assert "Item for today" in html


def test_programme_filters_by_type_venue_and_audience(client, edition):
    hall = make_venue(edition)
    make_item(edition, title_en="Seminar in hall A", venue=hall, type="seminar", audience="trade")
    make_item(edition, title_en="Briefing for reporters", type="press", audience="press")
    assert "Briefing for reporters" not in client.get("/en/programme/?type=seminar").content.decode()
    html = client.get("/en/programme/?venue=hall-a").content.decode()
    assert "Seminar in hall A" in html and "Briefing for reporters" not in html
    html = client.get("/en/programme/?audience=press").content.decode()
    assert "Briefing for reporters" in html and "Seminar in hall A" not in html


def test_programme_marks_delayed_moved_and_cancelled_items(client, edition):
    make_item(edition, title_en="Late one", status="delayed", status_note_en="Wind on the runway")
    make_item(edition, title_en="Gone one", status="cancelled")
    make_item(edition, title_en="Elsewhere", status="moved", status_note_en="Now in Hall C")
    html = client.get("/en/programme/?day=2024-12-19").content.decode()
    assert "<strong>Delayed</strong> — Wind on the runway" in html
    assert 'class="prog-item prog-item--cancelled"' in html and "<strong>Cancelled</strong>" in html
    assert "<strong>Moved</strong> — Now in Hall C" in html
    assert "<strong>Đã hủy</strong>" in client.get("/vi/programme/").content.decode()


def test_programme_hides_drafts_and_other_editions(client, edition):
    make_item(edition, title_en="Draft item", is_published=False)
    other = ProgrammeItem.objects.create(
        edition=type(edition).objects.create(
            slug="vide-2022", acronym="VIDE 2022", name_vi="VIDE 2022", venue_name_vi="Gia Lâm",
            start_date=datetime.date(2022, 12, 8), end_date=datetime.date(2022, 12, 10),
        ),
        slug="old", title_vi="Cũ", title_en="Old edition item", is_published=True,
        start=at(edition, 19, "09:00"), end=at(edition, 19, "10:00"),
    )  # fmt: skip
    html = client.get("/en/programme/").content.decode()
    assert "Draft item" not in html and other.title_en not in html
    assert client.get("/en/programme/old/").status_code == 404


@pytest.mark.parametrize(
    "day", ["2024-12-18", "2024-12-23", "2099-01-01", "yesterday", "20241219", "2024-13-40", "x" * 5000, "<b>19</b>"]
)
def test_programme_day_outside_the_edition_or_malformed_is_404(client, edition, day):
    make_item(edition, title_en="Visible item")
    response = client.get("/en/programme/", {"day": day})
    assert response.status_code == 404
    assert "Visible item" not in response.content.decode()
    assert "<b>19</b>" not in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"type": "tank-battle"}, {"venue": "hall-z"}, {"audience": "<script>alert(1)</script>"}, {"type": "' OR 1=1 --"}],
)
def test_programme_unknown_filter_value_is_an_explained_empty_result(client, edition, params):
    make_item(edition, title_en="Visible item")
    response = client.get("/en/programme/", params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing to show: these filters are not valid for this programme." in html
    assert "Visible item" not in html
    assert "<script>alert(1)</script>" not in html


def test_programme_without_an_edition(client, db):
    assert "The programme will be published soon." in client.get("/en/programme/").content.decode()


def test_programme_item_page_with_calendar_link_and_languages(client, edition):
    hall = make_venue(edition)
    item = make_item(
        edition, slug="le-khai-mac", title_vi="Lễ khai mạc", title_en="Opening ceremony", venue=hall,
        day=19, start="08:00", end="09:30", hosts_vi="Bộ Quốc phòng", hosts_en="Ministry of National Defence",
    )  # fmt: skip
    html = client.get("/en/programme/le-khai-mac/").content.decode()
    assert "<h1" in html and "Opening ceremony</h1>" in html
    assert "08:00</time>–<time" in html and "(UTC+7)" in html
    assert "Ministry of National Defence" in html and "A · Exhibition Hall A" in html
    assert f'href="/programme/{item.slug}.ics?lang=en"' in html
    assert '<link rel="alternate" hreflang="vi" href="http://testserver/vi/programme/le-khai-mac/">' in html
    assert "Lễ khai mạc</h1>" in client.get("/vi/programme/le-khai-mac/").content.decode()


def test_programme_item_unknown_slug_is_404(client, edition):
    assert client.get("/en/programme/nope/").status_code == 404
    assert client.get("/en/programme/%3Cscript%3E/").status_code == 404


def test_changes_page_lists_a_delay_newest_first_with_feed(client, edition):
    hall, hall_b = make_venue(edition), make_venue(edition, slug="hall-b", code="B", name_en="Exhibition Hall B")
    first = make_item(
        edition, title_vi="Trình diễn bay", title_en="Flying display", venue=hall, start="09:00", end="09:30"
    )
    second = make_item(edition, title_en="Seminar", venue=hall, start="11:00", end="12:00")
    services.delay_item(item=first, minutes=30)
    services.move_item(item=second, venue=hall_b)
    html = client.get("/en/programme/changes/").content.decode()
    assert "<strong>Time:</strong> <del>19/12 09:00–09:30</del> → <ins>19/12 09:30–10:00</ins>" in html
    assert "<strong>Venue:</strong> <del>A · Exhibition Hall A</del> → <ins>B · Exhibition Hall B</ins>" in html
    assert html.index("Seminar") < html.index("Flying display")  # newest first
    feed = ET.fromstring(client.get("/en/programme/changes/feed/").content)
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert "Flying display — Time: 19/12 09:00–09:30 → 19/12 09:30–10:00" in titles
    assert "Flying display — Status: Scheduled → Delayed" in titles
    vi_feed = client.get("/vi/programme/changes/feed/").content.decode()
    assert "Trình diễn bay — Trạng thái: Theo lịch → Lùi giờ" in vi_feed


def test_changes_page_survives_bad_page_numbers(client, edition):
    for page in ("abc", "99999", "-1", "x" * 5000):
        response = client.get("/en/programme/changes/", {"page": page})
        assert "No change so far" in response.content.decode()


def test_home_shows_now_and_next_during_the_expo(frozen_clock, client, edition):
    now = timezone.now().astimezone(edition.tz)
    edition.start_date, edition.end_date = now.date(), now.date() + datetime.timedelta(days=3)
    edition.save()
    ProgrammeItem.objects.create(
        edition=edition, slug="on-now", title_vi="Đang diễn ra", title_en="On right now", is_published=True,
        start=now - datetime.timedelta(minutes=10), end=now + datetime.timedelta(minutes=50),
    )  # fmt: skip
    ProgrammeItem.objects.create(
        edition=edition, slug="soon", title_vi="Sắp tới", title_en="Coming soon", is_published=True,
        start=now + datetime.timedelta(minutes=1), end=now + datetime.timedelta(minutes=2),
    )  # fmt: skip
    html = client.get("/en/").content.decode()
    assert "Now and next" in html
    assert html.index("On now") < html.index("On right now") < html.index("Next") < html.index("Coming soon")


def test_home_has_no_now_and_next_outside_the_expo(frozen_clock, client, edition):
    make_item(edition)
    assert "Now and next" not in client.get("/en/").content.decode()


def test_programme_pages_query_count_is_flat(client, edition, django_assert_max_num_queries):
    hall = make_venue(edition)
    first = make_item(edition, venue=hall)
    services.delay_item(item=first, minutes=15)
    for path in ("/vi/programme/", f"/vi/programme/{first.slug}/", "/vi/programme/changes/"):
        with django_assert_max_num_queries(8):
            client.get(path)
    for n in range(49):
        item = make_item(edition, venue=hall, start=f"{8 + n % 10:02d}:00", end=f"{8 + n % 10:02d}:30")
        services.delay_item(item=item, minutes=15)
    for path in ("/vi/programme/", f"/vi/programme/{first.slug}/", "/vi/programme/changes/"):
        with django_assert_max_num_queries(8):
            assert "Mục chương trình" in client.get(path).content.decode()


def test_home_query_count_during_the_expo_is_flat(frozen_clock, client, edition, django_assert_max_num_queries):
    now = timezone.now().astimezone(edition.tz)
    edition.start_date, edition.end_date = now.date(), now.date() + datetime.timedelta(days=3)
    edition.save()
    hall = make_venue(edition)
    for n in range(50):
        ProgrammeItem.objects.create(
            edition=edition, slug=f"i{n}", title_vi=f"Mục {n}", is_published=True, venue=hall,
            start=now + datetime.timedelta(minutes=n), end=now + datetime.timedelta(minutes=n + 5),
        )  # fmt: skip
    # The home page's own queries (test_pages.py: 11) and "now and next" (1), whatever the number of items.
    with django_assert_max_num_queries(12):
        assert "Mục 1" in client.get("/vi/").content.decode()


def test_sitemap_lists_the_programme_and_published_items(client, edition):
    make_item(edition, slug="le-khai-mac")
    make_item(edition, slug="nhap", is_published=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    assert {"http://testserver/vi/programme/", "http://testserver/en/programme/le-khai-mac/"} <= urls
    assert not any("nhap" in url for url in urls)
