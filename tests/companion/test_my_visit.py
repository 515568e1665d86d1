"""My visit: the list a browser keeps (ids only), shown grouped by day and by hall, carried by a
link or QR code, subscribed to as a calendar, and printed on one page with the walk between stands."""

import io
import re

import pytest
from pypdf import PdfReader

from expo.programme import services
from tests.factories import make_item

LIST = "e=duong-lam,song-hong&x=xe-tang-tn-1&p={talk},{opening}"


@pytest.fixture
def sessions(site, edition):
    hall = edition.venues.get(code="A")
    return {
        "opening": make_item(
            edition, day=19, start="08:00", end="09:00", venue=hall, title_en="Opening", slug="opening"
        ),
        "talk": make_item(edition, day=20, start="14:00", end="15:00", venue=hall, title_en="Radar talk", slug="talk"),
    }


def my_list(client, language="en", **slugs):
    return client.get(f"/{language}/my/list/?" + LIST.format(talk="talk", opening="opening")).content.decode()


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_list_groups_sessions_by_day_and_stands_by_hall(client, sessions):
    text = text_of(my_list(client))
    assert "Thursday 19/12/2024 08:00–09:00 Opening" in text
    assert "Friday 20/12/2024 14:00–15:00 Radar talk" in text
    assert text.index("Thursday 19/12") < text.index("Friday 20/12")
    halls = text[text.index("Exhibitors and exhibits") :]
    # Hall A before hall B, then the outdoor display; stands by code within a hall.
    assert "A · Exhibition Hall A Stand A-09 Công ty Cơ khí Sông Hồng" in halls
    assert "B · Exhibition Hall B Stand B-07 Tập đoàn An ninh Đường Lâm" in halls
    assert "Stand S-01 TN-1 tank · Nhà máy Xe đặc chủng Tây Nguyên" in halls
    assert halls.index("A-09") < halls.index("B-07") < halls.index("S-01")


def test_list_in_vietnamese(client, sessions):
    text = text_of(my_list(client, "vi"))
    assert "Thứ 5 19/12/2024 08:00–09:00" in text
    assert "Gian hàng A-09 Công ty Cơ khí Sông Hồng" in text
    assert "Mang theo bên mình" in text


def test_share_link_and_calendar_hold_only_the_ids(client, sessions):
    html = my_list(client)
    share = re.search(r'<a href="([^"]+)" data-my-share>', html).group(1).replace("&amp;", "&")
    assert share == "http://testserver/en/my/?e=duong-lam%2Csong-hong&x=xe-tang-tn-1&p=talk%2Copening"
    webcal = re.search(r'<a href="(webcal:[^"]+)">', html).group(1).replace("&amp;", "&")
    assert webcal == "webcal://testserver/my.ics?p=talk%2Copening&lang=en"
    assert '<img src="data:image/svg+xml' in html  # the QR code of the same link


def test_shared_link_opens_the_list_without_javascript(client, sessions):
    html = client.get("/vi/my/?e=song-hong&p=talk").content.decode()
    assert "Đây là danh sách được chia sẻ từ thiết bị khác." in html
    assert '<a href="/vi/exhibitors/song-hong/">Công ty Cơ khí Sông Hồng</a>' in html
    assert '<a href="/vi/programme/talk/">' in html


def test_empty_page_explains_how_it_works(client, sessions):
    html = text_of(client.get("/en/my/").content.decode())
    assert "Your list is empty." in html and "How My visit works" in html


@pytest.mark.parametrize("query", ["e=<script>", "p=../../admin", "x=" + "a" * 300, "e=" + ",".join(["x"] * 5000)])
def test_hostile_ids_are_left_out(client, sessions, query):
    response = client.get(f"/en/my/list/?{query}")
    assert response.status_code == 200
    assert "Nothing on this list" in response.content.decode()


def test_list_query_count_does_not_grow_with_the_list(client, sessions, edition, django_assert_num_queries):
    with django_assert_num_queries(4):  # the edition, exhibitors, exhibits, programme items
        client.get("/en/my/list/?" + LIST.format(talk="talk", opening="opening"))
    many = [make_item(edition, start="11:00", end="12:00").slug for _ in range(20)]
    with django_assert_num_queries(4):
        client.get("/en/my/list/?" + LIST.format(talk="talk", opening=",".join(many)))


def test_star_on_every_page_degrades_to_an_explanation(client, sessions):
    for url, star in (
        ("/en/exhibitors/song-hong/", "e:song-hong"),
        ("/en/exhibits/xe-tang-tn-1/", "x:xe-tang-tn-1"),
        ("/en/programme/talk/", "p:talk"),
        ("/en/map/?stand=A-09", "e:song-hong"),
    ):
        html = client.get(url).content.decode()
        assert f'data-star="{star}"' in html, url
        assert '<a href="/en/my/#without-javascript">☆ My visit: how to keep this page</a>' in html


def test_calendar_follows_programme_changes(client, sessions, django_assert_num_queries):
    with django_assert_num_queries(3):  # the edition, the items, their change counts
        first = client.get("/my.ics?p=talk,opening&lang=en").content.decode()
    assert first.count("BEGIN:VEVENT") == 2 and "SUMMARY:Radar talk" in first
    assert "X-WR-CALNAME:VIDE 2024 · My visit" in first
    services.delay_item(item=sessions["talk"], minutes=30)
    moved = client.get("/my.ics?p=talk,opening&lang=en").content.decode()
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20241220T143000" in moved
    # Two logged changes (the time, the status "delayed"): the calendar app replaces the event.
    assert "SEQUENCE:2" in moved and "Delayed" in moved


def test_printed_plan_is_one_page_with_the_walk_between_the_stands(client, sessions):
    response = client.get("/en/my/plan.pdf?" + LIST.format(talk="talk", opening="opening"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "My visit" in text and "The route:" in text and "m on foot" in text
    # From the gate, to the nearest stand first.
    assert re.search(r"1 Main gate → 2 Stand B-07.*→ 3 Stand A-09.*→ 4 Stand S-01", text)
    assert "Radar talk" in text


def test_printed_plan_in_vietnamese(client, sessions):
    text = " ".join(
        PdfReader(io.BytesIO(client.get("/vi/my/plan.pdf?e=song-hong").content)).pages[0].extract_text().split()
    )
    assert "Chuyến tham quan của tôi" in text and "Gian hàng A-09" in text
