"""Reading the files the protocol team receives: CSV (UTF-8, with or without BOM, comma or
semicolon) and XLSX, into rows keyed by normalised header names."""

import csv
import datetime
import io
import itertools

from django.utils.translation import gettext as _

from common.spreadsheet_safety import SpreadsheetRefused, check_csv_columns, check_xlsx, unescape_cell
from common.spreadsheets import MAX_ROWS
from common.text import nfc
from delegations.columns import COLUMNS, REQUIRED_COLUMNS, bilingual_header, column_of

__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "UnreadableFile", "read_table", "template_csv"]


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
    """The column a header cell names: its code, or its Vietnamese or English header (delegations.columns)."""
    return column_of(value) if str(value or "").strip() else ""


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


# A row of more cells than four times the member list's columns is not a member list (and openpyxl
# would build every cell in memory before we saw it).
MAX_COLUMNS = 4 * len(COLUMNS)


class Formula(str):
    """A cell holding a formula: refused by the row checks (we never evaluate or store formulas)."""


def _cell(value):
    if isinstance(value, str) and value.startswith("="):
        return Formula(value)
    if value is not None and not isinstance(value, str | int | float | bool | datetime.date | datetime.time):
        return Formula(str(value))  # array and table formulas come as objects
    return value


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        # Bounded before openpyxl sees it: unpacked size, cells per row, claimed rows and columns.
        check_xlsx(data, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    except SpreadsheetRefused as exc:
        raise UnreadableFile(str(exc)) from exc
    try:
        # Formulas are read as formulas (not their cached results) so that they can be refused.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        return [[_cell(value) for value in row] for row in _limited(rows)]
    except UnreadableFile:
        raise
    except Exception as exc:  # a damaged sheet inside a readable zip
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    finally:
        workbook.close()


def _clean_text(value):
    if isinstance(value, Formula):
        return value
    if isinstance(value, str):
        text = nfc(value.strip())
        return Formula(text) if text.startswith("=") else text
    return value


def _unescaped(value):
    if isinstance(value, str) and not isinstance(value, Formula):
        return unescape_cell(value)
    return value


def read_table(data, filename):
    """Return (headers, [(row number, {header: value})]) with row numbers as the spreadsheet shows them."""
    table = _xlsx_rows(data) if filename.lower().endswith(".xlsx") or data[:2] == b"PK" else _csv_rows(data)
    if not table:
        raise UnreadableFile(_("The file is empty."))
    headers = [normalise_header(value) for value in table[0]]
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        # A leading "'" our exports put before formula-like text (common.spreadsheet_safety) is removed.
        values = [_unescaped(_clean_text(value)) for value in cells]
        if all(value in (None, "") for value in values):
            continue
        rows.append((number, {header: value for header, value in zip(headers, values, strict=False) if header}))
    return headers, rows


def template_csv(columns=COLUMNS):
    """The header row offered for download, each column in Vietnamese and English (UTF-8 with
    BOM, so Excel opens Vietnamese right)."""
    return "\ufeff" + ",".join(f'"{bilingual_header(column)}"' for column in columns) + "\n"
