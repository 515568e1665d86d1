"""Exports: iCal, schedule.xml / schedule.json (validated against the c3voc schemas), the API,
and conditional GETs."""

import json
import pathlib
import subprocess
import sys
import uuid

import pytest
from icalendar import Calendar

from expo.programme import services
from tests.factories import make_item, make_venue
from tests.helpers import C3VOC_SPECS as SPECS

# check-jsonschema (requirements-dev) sits next to the interpreter running the tests.
CHECK_JSONSCHEMA = str(pathlib.Path(sys.executable).parent / "check-jsonschema")


def parse_ics(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_programme_ics_parses_back_with_zone_uids_and_status(client, programme):
    calendar = parse_ics(client.get("/programme.ics"))
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {str(programme[key].uuid) for key in ("opening", "flying", "cancelled")}
    opening = events[str(programme["opening"].uuid)]
    assert str(opening["summary"]) == "Lễ khai mạc Triển lãm"
    assert opening["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert opening["dtstart"].dt.isoformat() == "2024-12-19T08:00:00+07:00"
    assert opening["dtend"].dt.isoformat() == "2024-12-19T09:30:00+07:00"
    assert str(opening["status"]) == "CONFIRMED"
    assert str(opening["url"]) == "http://testserver/vi/programme/le-khai-mac/"
    cancelled = events[str(programme["cancelled"].uuid)]
    assert str(cancelled["status"]) == "CANCELLED"
    assert "Hủy do mưa" in str(cancelled["description"])
    zones = [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["Asia/Ho_Chi_Minh"]


def test_programme_ics_in_english_and_filtered(client, programme):
    calendar = parse_ics(client.get("/programme.ics", {"lang": "en", "type": "flying", "day": "2024-12-20"}))
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Flying display"]
    calendar = parse_ics(client.get("/programme.ics", {"venue": "hall-a", "lang": "fr"}))  # unknown lang → vi
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Lễ khai mạc Triển lãm"]


def test_programme_ics_uid_is_stable_across_a_delay(client, programme):
    before = parse_ics(client.get("/programme/bay-trinh-dien.ics")).walk("VEVENT")[0]
    services.delay_item(item=programme["flying"], minutes=30)
    after = parse_ics(client.get("/programme/bay-trinh-dien.ics")).walk("VEVENT")[0]
    assert str(after["uid"]) == str(before["uid"]) == str(programme["flying"].uuid)
    assert after["dtstart"].dt.isoformat() == "2024-12-20T09:30:00+07:00"
    assert int(after["sequence"]) > int(before["sequence"])


@pytest.mark.parametrize(
    "params", [{"type": "tank"}, {"venue": "hall-z"}, {"day": "2024-12-25"}, {"day": "<x>"}, {"type": "x" * 5000}]
)
def test_programme_ics_bad_filter_is_400_with_explanation(client, programme, params):
    response = client.get("/programme.ics", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert list(params)[0] in response.content.decode()


def test_item_ics_unknown_or_draft_is_404(client, programme):
    assert client.get("/programme/nhap.ics").status_code == 404
    assert client.get("/programme/nope.ics").status_code == 404


def test_schedule_xml_validates_against_the_xsd(client, programme, tmp_path):
    response = client.get("/schedule.xml")
    assert response["Content-Type"] == "application/vnd.c3voc.schedule+xml; charset=utf-8"
    path = tmp_path / "schedule.xml"
    path.write_bytes(response.content)
    result = subprocess.run(
        ["xmllint", "--noout", "--schema", str(SPECS / "schedule.xml.xsd"), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    text = response.content.decode()
    assert "<title>Lễ khai mạc Triển lãm</title>" in text
    assert "<date>2024-12-19T08:00:00+07:00</date>" in text and "<duration>01:30</duration>" in text
    assert "Bản nháp" not in text
    assert '<day date="2024-12-22" start="2024-12-22T00:00:00+07:00"' in text  # every day, even an empty one


def test_schedule_json_validates_against_the_json_schema(client, programme, tmp_path):
    response = client.get("/schedule.json", {"lang": "en"})
    path = tmp_path / "schedule.json"
    path.write_bytes(response.content)
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(SPECS / "schedule.json.schema.json"), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    conference = json.loads(response.content)["schedule"]["conference"]
    assert conference["acronym"] == "vide_2024" and conference["time_zone_name"] == "Asia/Ho_Chi_Minh"
    events = [event for day in conference["days"] for room in day["rooms"].values() for event in room]
    titles = {event["title"]: event for event in events}
    assert set(titles) == {"Opening ceremony", "Flying display", "Armour display"}
    assert titles["Armour display"]["subtitle"] == "Cancelled. Cancelled because of rain"
    assert titles["Opening ceremony"]["persons"] == [{"name": "Bộ Quốc phòng"}, {"name": "Ban Tổ chức"}]
    assert titles["Flying display"]["guid"] == str(programme["flying"].uuid)


@pytest.mark.parametrize("url", ["/programme.ics", "/schedule.xml", "/schedule.json", "/api/programme"])
def test_exports_answer_conditional_gets_with_304(client, programme, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    services.cancel_item(item=programme["flying"], note_vi="Thời tiết xấu", note_en="Bad weather")
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_export_etag_differs_per_language(client, programme):
    assert client.get("/schedule.json", {"lang": "en"})["ETag"] != client.get("/schedule.json")["ETag"]


def test_api_lists_items_in_time_order_with_filters(client, programme):
    data = client.get("/api/programme", {"lang": "en"}).json()
    assert [item["title"] for item in data] == ["Opening ceremony", "Flying display", "Armour display"]
    opening = data[0]
    assert opening["start"] == "2024-12-19T08:00:00+07:00"
    assert opening["venue"] == {"slug": "hall-a", "code": "A", "name": "Exhibition Hall A"}
    assert opening["url"] == "http://testserver/en/programme/le-khai-mac/"
    assert opening["uuid"] == str(programme["opening"].uuid)
    assert [item["slug"] for item in client.get("/api/programme", {"day": "2024-12-21"}).json()] == ["xe-thiet-giap"]
    assert [item["title"] for item in client.get("/api/programme", {"venue": "flight-line"}).json()] == [
        "Trình diễn bay"
    ]


def test_api_detail_by_slug_or_uuid(client, programme):
    assert client.get("/api/programme/le-khai-mac", {"lang": "en"}).json()["title"] == "Opening ceremony"
    by_uuid = client.get(f"/api/programme/{programme['flying'].uuid}").json()
    assert by_uuid["title"] == "Trình diễn bay"
    assert client.get("/api/programme/nhap").status_code == 404
    assert client.get(f"/api/programme/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize(
    "params",
    [{"type": "tank"}, {"day": "19/12/2024"}, {"day": "2024-12-30"}, {"venue": "hall-z"}, {"lang": "fr"},
     {"audience": "<script>"}, {"venue": "x" * 5000}],
)  # fmt: skip
def test_api_bad_input_is_400_json(client, programme, params):
    response = client.get("/api/programme", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_exports_query_count_is_flat(client, edition, django_assert_max_num_queries):
    hall = make_venue(edition)
    make_item(edition, venue=hall)
    urls = ["/programme.ics", "/schedule.xml", "/schedule.json", "/api/programme"]
    for url in urls:
        with django_assert_max_num_queries(6):
            client.get(url)
    for n in range(49):
        make_item(edition, venue=hall, day=19 + n % 4)
    for url in urls:
        with django_assert_max_num_queries(6):
            assert client.get(url).content.decode().count("http://testserver/vi/programme/item-") == 50


def test_openapi_documents_the_programme_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/programme", "/api/programme/{item_id}"} <= set(schema["paths"])
    names = [parameter["name"] for parameter in schema["paths"]["/api/programme"]["get"]["parameters"]]
    assert names == ["day", "type", "venue", "audience", "lang"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_exports_say_the_language_asked_for(client, programme, language):
    for url in ("/programme.ics", "/schedule.xml", "/schedule.json"):
        response = client.get(f"{url}?lang={language}")
        assert response.status_code == 200
        assert response["Content-Language"] == language, url
