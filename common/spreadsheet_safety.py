"""Spreadsheets the site writes and reads: formula escaping (OWASP CSV injection) and clean text.

Every export (the catalogue's through django-import-export, the delegations' members) goes
through `SafeCSV` / `SafeXLSX`:
- a text cell that Excel or LibreOffice would run as a formula, i.e. one starting with `=`,
  `+`, `-`, `@`, a tab or a carriage return (their full-width forms too), even after leading
  spaces, gets a `'` in front, so it is shown as text (OWASP "CSV Injection");
- characters XLSX cannot hold (control characters) become U+FFFD instead of failing the export.
django-import-export's own escaping only removes a single leading `=`, so `==HYPERLINK(…)`
went through; it is left off (IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False).

Imports call `unescape_cell`, so a file exported here and imported again reads the same, and
`clean_cell`, which turns an odd cell (a control character, a type no column takes) into a
message for that row and column instead of a server error.

`check_xlsx` bounds a workbook before any parser sees it: what it unpacks to, how many cells a
row holds and which rows and columns it claims (openpyxl pads rows up to the largest claimed
column, so one cell at XFD1048576 in a 5 KB file would mean 17 billion empty cells). A 0.1 MB
file holding one row of two million cells is refused in milliseconds.
"""

import datetime
import decimal
import io
import re
import zipfile

import tablib
from defusedxml import DefusedXmlException, ElementTree
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX

from common.text import nfc

# Our sheets have at most 20 columns; 100 leaves room for notes without inviting a bomb.
MAX_COLUMNS = 100
# Everything a workbook may unpack to (sheets, shared strings, styles): 10 MB uploads of text
# compress about tenfold.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 200

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What XML 1.0 (hence XLSX) cannot store: C0 controls except tab, newline and carriage return.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def escape_cell(value):
    """The value as it is safe to write in a spreadsheet cell (text only; numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = _ILLEGAL.sub("\ufffd", value)
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_cell(value):
    """Undo `escape_cell` for a value read back from one of our exports."""
    if isinstance(value, str) and value.startswith("'") and value[1:].lstrip(" ").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def escaped(dataset):
    """A copy of a tablib Dataset with every cell passed through `escape_cell`."""
    safe = tablib.Dataset(headers=[escape_cell(h) for h in dataset.headers or []], title=dataset.title)
    for row in dataset:
        safe.append([escape_cell(cell) for cell in row])
    return safe


class SpreadsheetRefused(ValueError):
    """A file refused before it is parsed; str() is the message for the user."""


class CellRefused(ValueError):
    pass


_CELL_TYPES = (str, int, float, decimal.Decimal, bool, datetime.date, datetime.time)


def clean_cell(value):
    """The value of one imported cell, normalised (NFC, formula escape undone), or CellRefused."""
    if value is None:
        return None
    if not isinstance(value, _CELL_TYPES):
        raise CellRefused(
            _("This cell holds a kind of value a spreadsheet cell cannot (%(kind)s).") % {"kind": type(value).__name__}
        )
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # Excel stores every number as a float: 84912345678.0 is a phone number
    if not isinstance(value, str):
        return value
    if _ILLEGAL.search(value) or "\x7f" in value:
        raise CellRefused(_("This cell contains a control character (invisible); delete it and import again."))
    return unescape_cell(nfc(value.strip()))


def _column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - 64)
    return index


_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


def _ref(value):
    """(column, row) of an A1 reference, or None."""
    match = _REF.match((value or "").upper())
    return (_column_index(match[1]), int(match[2])) if match else None


def _too_big(max_rows, max_columns):
    return SpreadsheetRefused(
        _(
            "The workbook is too large: at most %(rows)s rows and %(columns)s columns on a sheet. Keep only "
            "the needed columns, or split it into smaller files."
        )
        % {"rows": f"{max_rows:,}", "columns": max_columns}
    )


class _SheetLimits:
    """An XML parser target counting a sheet's rows and cells as they start: no element is built
    (a 5,000-row sheet is read in a third of the time iterparse takes)."""

    def __init__(self, max_rows, max_columns):
        self.max_rows, self.max_columns = max_rows, max_columns
        self.rows = self.cells = 0

    def _refuse_beyond(self, position):
        if position and (position[0] > self.max_columns or position[1] > self.max_rows + 1):
            raise _too_big(self.max_rows, self.max_columns)

    def start(self, tag, attributes):
        tag = tag.rsplit("}", 1)[-1]
        if tag == "c":
            self.cells += 1
            if self.cells > self.max_columns:
                raise _too_big(self.max_rows, self.max_columns)
            self._refuse_beyond(_ref(attributes.get("r")))
        elif tag == "row":
            self.rows += 1
            self.cells = 0
            number = attributes.get("r")
            if self.rows > self.max_rows + 1 or (number and (not number.isdigit() or int(number) > self.max_rows + 1)):
                raise _too_big(self.max_rows, self.max_columns)
        elif tag == "dimension":
            for corner in (attributes.get("ref") or "").split(":"):
                self._refuse_beyond(_ref(corner))

    def end(self, tag):
        pass

    def close(self):
        pass


def _check_sheet(stream, max_rows, max_columns):
    # defusedxml's parser: no DTD entities, no external references, whatever the sheet declares.
    parser = ElementTree.XMLParser(target=_SheetLimits(max_rows, max_columns))
    while chunk := stream.read(64 * 1024):
        parser.feed(chunk)
    parser.close()


def check_xlsx(data, *, max_rows, max_columns=MAX_COLUMNS):
    """Refuse (SpreadsheetRefused) an XLSX whose parsing would cost more than its content is worth.

    A reader whose sheets are narrower than MAX_COLUMNS passes its own `max_columns`.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SpreadsheetRefused(_("The file is not a readable XLSX workbook.")) from exc
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise SpreadsheetRefused(
            _("The workbook unpacks to more than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    try:
        for member in members:
            if re.fullmatch(r"xl/worksheets/[^/]+\.xml", member.filename):
                # zipfile stops at the size the archive declares, which was bounded above.
                with archive.open(member) as stream:
                    _check_sheet(stream, max_rows, max_columns)
    except (ElementTree.ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise SpreadsheetRefused(_("The file is not a readable XLSX workbook.")) from exc


def check_csv_columns(rows):
    """Refuse a CSV table (a list of rows) with a row of more than MAX_COLUMNS cells."""
    for row in rows:
        if len(row) > MAX_COLUMNS:
            raise SpreadsheetRefused(
                _("A row of the file has more than %(columns)s columns. Keep only the needed columns.")
                % {"columns": MAX_COLUMNS}
            )
    return rows


class _EscapedExport:
    def export_data(self, dataset, **kwargs):
        return escaped(dataset).export(self.get_title(), **kwargs)


class SafeCSV(_EscapedExport, CSV):
    pass


class SafeXLSX(_EscapedExport, XLSX):
    pass


# For ImportExportMixin admins: `formats = SAFE_FORMATS`.
SAFE_FORMATS = [SafeCSV, SafeXLSX]
