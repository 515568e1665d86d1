"""Reading the files the protocol team receives: CSV (UTF-8, with or without BOM, comma or
semicolon) and XLSX, into rows keyed by normalised header names."""

import csv
import io
import itertools

from django.utils.translation import gettext as _

from common.spreadsheet_safety import SpreadsheetRefused, check_csv_columns, check_xlsx, unescape_cell
from common.spreadsheets import MAX_ROWS
from common.text import nfc

COLUMNS = (
    "country",
    "organisation",
    "delegation_type",
    "level",
    "role",
    "family_name",
    "given_name",
    "rank",
    "position",
    "gender",
    "nationality",
    "passport_no",
    "date_of_birth",
    "email",
    "phone",
    "arrival_at",
    "arrival_flight",
    "departure_at",
    "departure_flight",
    "needs",
)
REQUIRED_COLUMNS = ("country", "organisation", "family_name")


class UnreadableFile(ValueError):
    pass


def _limited(rows):
    table = list(itertools.islice(rows, MAX_ROWS + 2))  # the header, the limit, one more
    try:
        check_csv_columns(table)
    except SpreadsheetRefused as exc:
        raise UnreadableFile(str(exc)) from exc
    if len(table) > MAX_ROWS + 1:
        raise UnreadableFile(
            _("The file has more than %(count)s rows. Split it into smaller files.") % {"count": f"{MAX_ROWS:,}"}
        )
    return table


def normalise_header(value):
    return "_".join(str(value or "").strip().lower().replace("-", " ").split())


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is not UTF-8 text (save it as “CSV UTF-8”).")) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return _limited(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:  # e.g. a cell over the csv module's 128 KB field limit
        raise UnreadableFile(_("The file cannot be read as CSV.")) from exc


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        # Bounded before openpyxl sees it: unpacked size, cells per row, claimed rows and columns.
        check_xlsx(data, max_rows=MAX_ROWS)
    except SpreadsheetRefused as exc:
        raise UnreadableFile(str(exc)) from exc
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    try:
        # data_only: a formula's cached value is read; formulas are never evaluated.
        return [list(row) for row in _limited(workbook.worksheets[0].iter_rows(values_only=True))]
    finally:
        workbook.close()


def read_table(data, filename):
    """Return (headers, [(row number, {header: value})]) with row numbers as the spreadsheet shows them."""
    table = _xlsx_rows(data) if filename.lower().endswith(".xlsx") or data[:2] == b"PK" else _csv_rows(data)
    if not table:
        raise UnreadableFile(_("The file is empty."))
    headers = [normalise_header(value) for value in table[0]]
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        # A leading "'" our exports put before formula-like text (common.spreadsheet_safety) is removed.
        values = [unescape_cell(nfc(value.strip())) if isinstance(value, str) else value for value in cells]
        if all(value in (None, "") for value in values):
            continue
        rows.append((number, {header: value for header, value in zip(headers, values, strict=False) if header}))
    return headers, rows


def template_csv():
    """The header row offered for download (UTF-8 with BOM, so Excel opens Vietnamese right)."""
    return "\ufeff" + ",".join(COLUMNS) + "\n"
