"""A list written the way the ministry writes one: Vietnamese headers, the Ministry of Foreign
Affairs' country spellings, day-first dates, each rank, position and organisation in both
languages; a second delegation of one country and level flagged; a date in the wrong year refused."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from delegations.imports import import_delegations
from delegations.models import Delegation, Member, Movement
from tests.factories import make_delegation

HEADERS = [
    "Quốc gia",
    "Cơ quan (tiếng Việt)",
    "Cơ quan (tiếng Anh)",
    "Cấp đoàn",
    "Vai trò",
    "Họ",
    "Tên",
    "Cấp bậc (tiếng Việt)",
    "Cấp bậc (tiếng Anh)",
    "Chức vụ (tiếng Việt)",
    "Chức vụ (tiếng Anh)",
    "Thời gian đến",
    "Chuyến bay đến",
]
RUSSIA = [
    "Liên bang Nga",
    "Bộ Quốc phòng Liên bang Nga",
    "Ministry of Defence of the Russian Federation",
    "Thứ trưởng",
    "Trưởng đoàn",
    "Fomin",
    "Alexander",
    "Thượng tướng",
    "Colonel General",
    "Thứ trưởng Bộ Quốc phòng",
    "Deputy Minister of Defence",
    "18/12/2024 09:15",
    "SU290",
]
ROWS = [
    RUSSIA,
    [
        "Cu Ba",
        "Bộ Các lực lượng vũ trang cách mạng Cu-ba",
        "Ministry of the Revolutionary Armed Forces",
        "Thứ trưởng",
        "Trưởng đoàn",
        "Pérez",
        "Luis",
        "Trung tướng",
        "Lieutenant General",
        "Thứ trưởng",
        "Vice Minister",
        "17/12/2024 22:40",
        "CU7",
    ],  # fmt: skip
    [
        "Ô-xtrây-li-a",
        "Bộ Quốc phòng Ô-xtrây-li-a",
        "Department of Defence",
        "Khác",
        "Thành viên",
        "Wilson",
        "Emma",
        "",
        "",
        "Trưởng phòng",
        "First Assistant Secretary",
        "",
        "",
    ],  # fmt: skip
    [
        "Bê-la-rút",
        "Bộ Quốc phòng Bê-la-rút",
        "Ministry of Defence of the Republic of Belarus",
        "Bộ trưởng",
        "Trưởng đoàn",
        "Khrenin",
        "Viktor",
        "Trung tướng",
        "Lieutenant General",
        "Bộ trưởng",
        "Minister",
        "19/12/2024 07:05",
        "B2 785",
    ],  # fmt: skip
]


def workbook(rows, headers=HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_ministrys_own_spreadsheet_imports_in_both_languages(edition):
    result = import_delegations(data=workbook(ROWS), filename="danh-sach-doan.xlsx", edition=edition)
    assert result.ok, [str(error) for error in result.errors]
    assert sorted(Delegation.objects.values_list("country", flat=True)) == ["AU", "BY", "CU", "RU"]
    russia = Delegation.objects.get(country="RU")
    assert (russia.organisation_vi, russia.organisation_en, russia.level) == (
        "Bộ Quốc phòng Liên bang Nga",
        "Ministry of Defence of the Russian Federation",
        "deputy_minister",
    )
    fomin = Member.objects.get(family_name="Fomin")
    assert (fomin.rank_vi, fomin.rank_en, fomin.position_vi, fomin.position_en) == (
        "Thượng tướng",
        "Colonel General",
        "Thứ trưởng Bộ Quốc phòng",
        "Deputy Minister of Defence",
    )
    assert russia.head == fomin
    # Day first, local time at the expo.
    arrival = Movement.objects.get(member=fomin, kind="arrival")
    assert arrival.at == datetime.datetime(2024, 12, 18, 9, 15, tzinfo=edition.tz)
    assert not Member.objects.get(family_name="Wilson").rank_en


def test_a_single_rank_column_is_written_in_the_import_language(edition):
    headers = ["Quốc gia", "Cơ quan", "Họ", "Tên", "Cấp bậc", "Chức vụ"]
    row = ["Lào", "Bộ Quốc phòng Lào", "Chansamone", "Chanyalath", "Đại tướng", "Bộ trưởng"]
    result = import_delegations(data=workbook([row], headers), filename="lao.xlsx", edition=edition, language="vi")
    assert result.ok, [str(error) for error in result.errors]
    member = Member.objects.get()
    assert (member.rank_vi, member.rank_en or "", member.position_vi, member.position_en or "") == (
        "Đại tướng",
        "",
        "Bộ trưởng",
        "",
    )
    delegation = member.delegation
    assert (delegation.organisation_vi, delegation.organisation_en or "") == ("Bộ Quốc phòng Lào", "")


def test_an_arrival_a_year_early_is_a_row_error_that_shows_the_years(edition):
    early = [*RUSSIA[:11], "18/12/2023 09:15", "SU290"]
    result = import_delegations(data=workbook([early]), filename="list.xlsx", edition=edition)
    [error] = result.errors
    assert (error.row, error.column) == (2, "arrival_at")
    assert "18/12/2023" in error.message and "19/12/2024" in error.message and "22/12/2024" in error.message
    assert Delegation.objects.count() == 0


def _preview(client, edition, data):
    return client.post(
        reverse("admin:delegations_delegation_import"),
        {"edition": edition.pk, "language": "en", "file": SimpleUploadedFile("list.xlsx", data)},
        headers={"accept-language": "en"},
    ).content.decode()


def test_a_second_delegation_of_a_country_and_level_is_flagged_in_the_preview(protocol_client, edition):
    laos = Delegation(
        edition=edition,
        country="LA",
        level=Delegation.Level.MINISTER,
        organisation_vi="Bộ Quốc phòng Lào",
        organisation_en="Ministry of National Defence",
    )
    laos.save()
    row = ["Lào", "Bộ Quốc phòng nước CHDCND Lào", "Ministry of National Defence of the Lao PDR", "Bộ trưởng",
           "Trưởng đoàn", "Chansamone", "Chanyalath", "Đại tướng", "General", "Bộ trưởng", "Minister",
           "18/12/2024 10:00", "QV311"]  # fmt: skip
    html = _preview(protocol_client, edition, workbook([row, RUSSIA]))
    assert f"{laos.country.name}, minister level already exists: Ministry of National Defence — update it instead?" in (
        html
    )
    # The first arrival with its year, so a wrong year shows before confirming.
    assert "<td>created</td><td>18/12/2024</td>" in html
    assert html.count("already exists") == 1


def test_an_existing_delegation_named_in_the_other_language_is_updated_not_duplicated(edition):
    make_delegation(edition, "RU", "Ministry of Defence of the Russian Federation", level="deputy_minister")
    only_vietnamese = [RUSSIA[0], RUSSIA[1], "", *RUSSIA[3:]]
    first = import_delegations(data=workbook([RUSSIA]), filename="a.xlsx", edition=edition)
    assert first.ok and first.delegations_created == 0
    again = import_delegations(data=workbook([only_vietnamese]), filename="b.xlsx", edition=edition)
    assert again.ok and again.delegations_created == 0
    assert Delegation.objects.get().organisation_vi == "Bộ Quốc phòng Liên bang Nga"


def test_the_delegation_list_shows_each_first_arrival_with_its_year(protocol_client, edition):
    assert import_delegations(data=workbook([RUSSIA]), filename="list.xlsx", edition=edition).ok
    html = protocol_client.get(reverse("admin:delegations_delegation_changelist")).content.decode()
    assert "18/12/2024 09:15" in html
