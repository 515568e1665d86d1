"""Spreadsheet import: formats, every kind of bad row, all or nothing, re-import, the command."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from delegations.imports import import_delegations, template_csv
from delegations.models import Delegation, Member, Movement

HEADER = "country,organisation,delegation_type,level,role,family_name,given_name,rank,position,gender,nationality,passport_no,date_of_birth,email,phone,arrival_at,arrival_flight,departure_at,departure_flight,needs"  # noqa: E501
ROWS = [
    "VN,Bộ Quốc phòng,domestic,minister,head,Nguyễn,Văn An,Đại tướng,Bộ trưởng,nam,VN,,01/05/1960,,,2024-12-18 14:30,VN123,2024-12-22 18:00,VN124,Ăn chay",  # noqa: E501
    "VN,Bộ Quốc phòng,,,aide,Trần,Thị Bình,Thượng tá,Trợ lý,nữ,,,1980-03-04,,,2024-12-18 14:30,VN123,,,",
    "Pháp,Ministère des Armées,international,Deputy minister,head,Dupont,Marie,,Vice-ministre,F,FR,X123,1970-02-03,marie@example.org,+33 1 23,18/12/2024 09:00,AF100,2024-12-21 10:00,AF101,",  # noqa: E501
    "France,Ministère des Armées,,,member,Martin,Paul,Colonel,Attaché,m,FR,X456,,,,,,,,",
]


def csv_bytes(rows, header=HEADER, delimiter=",", bom=False):
    text = "\n".join([header, *rows]).replace(",", delimiter) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


def run(edition, data, filename="list.csv", **kwargs):
    return import_delegations(data=data, filename=filename, edition=edition, **kwargs)


def test_import_creates_delegations_members_and_movements(edition):
    result = run(edition, csv_bytes(ROWS))
    assert result.ok, result.errors
    assert (result.delegations_created, result.members_created) == (2, 4)
    vietnam = Delegation.objects.get(country="VN")
    assert (vietnam.type, vietnam.level, vietnam.head.full_name) == ("domestic", "minister", "Nguyễn Văn An")
    france = Delegation.objects.get(country="FR")
    assert france.level == "deputy_minister" and france.head.full_name == "Marie Dupont"
    an = Member.objects.get(family_name="Nguyễn")
    assert (an.position_vi, an.gender, an.needs, an.date_of_birth.isoformat()) == (
        "Bộ trưởng",
        "male",
        "Ăn chay",
        "1960-05-01",
    )
    arrival = Movement.objects.get(member=an, kind="arrival")
    # Times are the event's local time (UTC+7).
    assert arrival.at.isoformat() == "2024-12-18T07:30:00+00:00" and arrival.flight == "VN123"
    assert Movement.objects.count() == 5


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [True, False])
def test_import_reads_csv_with_either_separator_and_bom(edition, delimiter, bom):
    header = HEADER.upper().replace("COUNTRY", " Country ")
    result = run(edition, csv_bytes(ROWS[2:3], header=header, delimiter=delimiter, bom=bom))
    assert result.ok, result.errors
    assert Member.objects.get().full_name == "Marie Dupont"


def test_import_reads_xlsx_with_real_dates(edition):
    import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Given_Name", "family_name", "organisation", "country", "date_of_birth", "arrival_at", "passport_no"])
    sheet.append(
        [
            "Văn An",
            "Nguyễn",
            "Bộ Quốc phòng",
            "Việt Nam",
            datetime.datetime(1960, 5, 1),
            datetime.datetime(2024, 12, 18, 14, 30),
            123456789,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = run(edition, buffer.getvalue(), filename="list.xlsx")
    assert result.ok, result.errors
    member = Member.objects.get()
    assert (member.full_name, member.passport_no, str(member.date_of_birth)) == (
        "Nguyễn Văn An",
        "123456789",
        "1960-05-01",
    )
    assert Movement.objects.get().at.isoformat() == "2024-12-18T07:30:00+00:00"


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("VN,Bộ Quốc phòng,,,,Nguyễn,An,,,,,,31/02/1960,,,,,,,", "date_of_birth", "is not a date"),
        ("Atlantis,Navy,,,,Nguyễn,An,,,,,,,,,,,,,", "country", "Unknown country"),
        ("VN,Bộ Quốc phòng,,,,,An,,,,,,,,,,,,,", "family_name", "required"),
        (
            "VN,Bộ Quốc phòng,,,,Nguyễn,An,,,,,,,,,2024-12-20 10:00,,2024-12-19 10:00,,",
            "departure_at",
            "before the arrival",
        ),
        ("VN,Bộ Quốc phòng,,,,Nguyễn,Văn An,,,,,,01/05/1960,,,,,,,", "family_name", "same member as row 2"),
    ],
)
def test_each_bad_row_is_reported_and_nothing_is_saved(edition, row, column, reason):
    good = "VN,Bộ Quốc phòng,,,,Nguyễn,Văn An,,,,,,1960-05-01,,,,,,,"
    result = run(edition, csv_bytes([good, row, ROWS[2]]))
    assert not result.ok
    [error] = result.errors
    assert (error.row, error.column) == (3, column)
    assert reason in error.message
    assert Delegation.objects.count() == Member.objects.count() == 0


def test_duplicate_passport_in_one_file_is_reported(edition):
    result = run(edition, csv_bytes([ROWS[2], ROWS[2].replace("Marie", "Maria")]))
    assert [(e.row, e.column) for e in result.errors] == [(3, "passport_no")]


def test_every_error_is_listed_at_once(edition):
    rows = ["Atlantis,Navy,,,,Nguyễn,An,,,,,,,,,,,,,", "VN,,,,,,,,,,,,99/99/9999,bad,,,,,,"]
    result = run(edition, csv_bytes(rows))
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "country"),
        (3, "organisation"),
        (3, "family_name"),
        (3, "date_of_birth"),
        (3, "email"),
    ]


def test_missing_and_unknown_columns_are_reported(edition):
    result = run(edition, b"country,callsign\nVN,Nguyen\n")
    assert {(e.row, e.column) for e in result.errors} == {(1, "callsign"), (1, "organisation"), (1, "family_name")}


def test_reimport_updates_instead_of_duplicating(edition):
    run(edition, csv_bytes(ROWS))
    ids = set(Member.objects.values_list("pk", flat=True))
    changed = [ROWS[0].replace("Đại tướng", "Thượng tướng"), *ROWS[1:]]
    result = run(edition, csv_bytes(changed))
    assert result.ok
    assert (result.delegations_created, result.members_created, result.members_updated) == (0, 0, 1)
    assert set(Member.objects.values_list("pk", flat=True)) == ids
    assert Member.objects.get(family_name="Nguyễn").rank == "Thượng tướng"
    assert Movement.objects.count() == 5
    again = run(edition, csv_bytes(changed))
    assert (again.members_created, again.members_updated, again.movements) == (0, 0, 0)


def test_dry_run_counts_but_saves_nothing(edition):
    result = run(edition, csv_bytes(ROWS), dry_run=True)
    assert result.ok and result.members_created == 4
    assert "Dry run" in result.summary()
    assert Member.objects.count() == 0


def test_import_is_audited_with_passport_masked(edition, protocol_user):
    user = protocol_user
    run(edition, csv_bytes(ROWS[2:3]), user=user)
    entry = LogEntry.objects.get(content_type__model="member")
    assert entry.actor == user and entry.action == LogEntry.Action.CREATE
    assert entry.changes["family_name"][1] == "Dupont"
    assert "X123" not in str(entry.changes) and entry.changes["passport_no"][1] == "••••••"


def test_template_file_has_every_column(edition):
    result = run(edition, template_csv().encode())
    assert result.ok and result.rows == 0
    # Each header in both languages; the codes (HEADER) import as well.
    assert template_csv().lstrip("\ufeff").startswith('"Quốc gia / Country","Cơ quan (tiếng Việt) / Organisation')


def test_command_imports_and_reports_progress(edition, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(ROWS))
    call_command("import_delegations", str(path))
    out = capsys.readouterr().out
    assert "Rows checked: 4/4" in out
    assert "4 rows: 2 delegations created, 0 updated; 4 members created" in out
    assert Member.objects.count() == 4


def test_command_fails_with_every_error_and_saves_nothing(edition, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes([*ROWS, "Atlantis,Navy,,,,Nguyễn,An,,,,,,,,,,,,,"]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_delegations", str(path))
    assert "Row 6, column “country”: Unknown country “Atlantis”" in capsys.readouterr().err
    assert Member.objects.count() == 0


def test_reimport_update_is_audited_with_old_and_new_values(edition):
    run(edition, csv_bytes(ROWS[2:3]))
    run(edition, csv_bytes([ROWS[2].replace("X123", "X999").replace("Vice-ministre", "Ministre")]))
    # A new passport number is a new person (re-import keys on it); a changed position is an update.
    run(edition, csv_bytes([ROWS[2].replace("Vice-ministre", "Ministre déléguée")]))
    updates = LogEntry.objects.filter(content_type__model="member", action=LogEntry.Action.UPDATE).order_by("pk")
    # Each file's head row takes the head's role (services.sync_heads): the other Marie's loss
    # of it is audited too, twice (second file, then third).
    assert sorted(e.changes.get("role") for e in updates) == [
        ["head", "member"],
        ["head", "member"],
        ["member", "head"],
    ]
    (entry,) = [e for e in updates if "position_vi" in e.changes]
    assert entry.changes["position_vi"] == ["Vice-ministre", "Ministre déléguée"]
    assert set(entry.changes) <= {"position", "position_vi", "role"}  # modeltranslation's base column too


@pytest.mark.parametrize("level", ["deputy_minister", "Deputy minister", "THỨ TRƯỞNG", "thu truong"])
def test_import_accepts_a_level_by_code_or_label_in_either_language(edition, level):
    row = f"FR,Ministère des Armées,international,{level},head,Dupont,Marie,,,F,FR,X123,,,,,,,,"
    result = run(edition, csv_bytes([row]))
    assert result.ok, result.errors
    assert Delegation.objects.get(country="FR").level == "deputy_minister"


def test_import_refuses_a_file_of_100000_rows_before_reading_it_all(edition):
    rows = [f"VN,Bộ {n},domestic,minister,member,Nguyễn,An {n},,,,VN,P{n:07d},,,,,,,," for n in range(100_000)]
    result = run(edition, csv_bytes(rows))
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(1, "-")]
    assert "more than 50,000 rows" in str(result.errors[0])
    assert Delegation.objects.count() == 0


def test_formulas_in_a_workbook_are_read_as_values_never_run(edition):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["VN", '=HYPERLINK("http://evil.example","Bộ Quốc phòng")', "domestic", "minister", "head",
                  "Nguyễn", "Văn An", *[""] * 13])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    result = run(edition, buffer.getvalue(), filename="list.xlsx")
    # openpyxl gives the formula's cached value; a workbook never opened in Excel has none.
    assert not result.ok
    assert any(e.column == "organisation_vi" for e in result.errors)
    assert Delegation.objects.count() == 0
