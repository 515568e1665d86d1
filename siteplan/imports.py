"""Stand positions from a CAD export: a spreadsheet of stand code, venue, x, y, width, depth,
rotation. Every row is checked first; if any is wrong nothing is saved (all or nothing)."""

import csv
import io
import itertools
import math
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from common.cache import written
from common.spreadsheet_safety import SpreadsheetRefused, check_csv_columns, check_xlsx
from common.text import nfc
from exhibitors.models import Stand
from siteplan import geometry
from siteplan.models import StandPlacement, metres, plan_box

COLUMNS = ("stand", "venue", "x", "y", "width", "depth", "rotation")
ALIASES = {"stand_code": "stand", "code": "stand", "hall": "venue", "angle": "rotation"}
MAX_ROWS = 5_000  # ten times the largest expo's stands
MAX_BYTES = 5 * 1024 * 1024
# A site-plan sheet has seven columns (a coordinate file six): four times that is no plan.
MAX_COLUMNS = 4 * len(COLUMNS)
# Longest cell value echoed back in an error message.
SHOWN = 40


class UnreadableFile(ValueError):
    pass


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Result:
    rows: list = field(default_factory=list)  # (row number, stand, values) ready to save
    errors: list = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self):
        return not self.errors


def _header(value):
    name = "_".join(str(value or "").strip().lower().replace("-", " ").split())
    return ALIASES.get(name, name)


def read_table(data, filename):
    """Rows of the file as lists of cells, the header first. CSV (UTF-8, comma or semicolon) or XLSX.

    Bounded like every spreadsheet import (common.spreadsheet_safety): a workbook before openpyxl
    sees it (unpacked size, cells per row, claimed rows and columns), a CSV row by row."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 5 MB."))
    try:
        workbook = data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx")
        table = _xlsx_rows(data) if workbook else _csv_rows(data)
        check_csv_columns(table)
    except SpreadsheetRefused as exc:
        raise UnreadableFile(str(exc)) from exc
    if len(table) > MAX_ROWS + 1:
        raise UnreadableFile(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS})
    if not table:
        raise UnreadableFile(_("The file is empty."))
    return table


def _xlsx_rows(data):
    from openpyxl import load_workbook

    check_xlsx(data, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # data_only: a formula's last computed value is read; formulas are never evaluated.
        try:
            rows = workbook.worksheets[0].iter_rows(values_only=True)
            return [list(row) for row in itertools.islice(rows, MAX_ROWS + 2)]
        finally:
            workbook.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is not UTF-8 text (save it as “CSV UTF-8”).")) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = []
    try:
        for row in itertools.islice(rows, MAX_ROWS + 2):
            table.append(check_csv_columns([row])[0])
    except csv.Error as exc:  # e.g. a cell over the csv module's 128 KB field limit
        raise UnreadableFile(_("The file cannot be read as CSV.")) from exc
    return table


def _number(value):
    """A spreadsheet number, also when typed as text with a decimal comma (“12,5”)."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value or "").strip().replace("\u00a0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        number = float(text)
    if not math.isfinite(number):
        raise ValueError
    return number


def _text(value):
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)
    return nfc(str(value if value is not None else "").strip())


def shown(value):
    """A cell as quoted in an error message: a hostile 300-character cell is not echoed in full."""
    text = _text(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def check(table, *, edition):
    """Validate every row against the edition's stands and venue outlines (two queries)."""
    result = Result()
    header = [_header(cell) for cell in table[0]]
    missing = [name for name in COLUMNS if name not in header and name != "rotation"]
    if missing:
        result.errors.append(RowError(1, ", ".join(missing), _("Missing column.")))
        return result
    stands = {}
    for stand in Stand.objects.filter(edition=edition).select_related("venue__outline", "exhibitor"):
        stands[(stand.code.casefold(), stand.venue.code.casefold())] = stand
        stands[(stand.code.casefold(), stand.venue.slug.casefold())] = stand
    seen = {}
    box = plan_box(edition.pk)
    for number, cells in enumerate(table[1:], start=2):
        row = dict(zip(header, cells, strict=False))
        if all(_text(cell) == "" for cell in cells):
            continue
        code, venue = _text(row.get("stand")), _text(row.get("venue"))
        stand = stands.get((code.casefold(), venue.casefold()))
        if stand is None:
            result.errors.append(
                RowError(
                    number,
                    "stand",
                    _("No stand “%(code)s” in venue “%(venue)s” at this edition.")
                    % {"code": shown(code), "venue": shown(venue)},
                )
            )
            continue
        if stand.pk in seen:
            result.errors.append(
                RowError(
                    number,
                    "stand",
                    _("Stand %(code)s is already on row %(row)s.") % {"code": code, "row": seen[stand.pk]},
                )
            )
            continue
        seen[stand.pk] = number
        values = _values(number, row, result.errors)
        if values is None:
            continue
        error = _placement_error(number, code, stand, values, box)
        if error:
            result.errors.append(error)
            continue
        result.rows.append((number, stand, values))
    if not result.rows and not result.errors:
        result.errors.append(RowError(2, "", _("The file has no rows.")))
    return result


def _values(number, row, errors):
    """The row's position and size in metres, or None after a RowError for each cell that is no number."""
    values = {}
    for name in ("x", "y", "width", "depth", "rotation"):
        raw = row.get(name)
        if name == "rotation" and _text(raw) == "":
            values[name] = 0.0
            continue
        try:
            values[name] = _number(raw)
        except (TypeError, ValueError):
            errors.append(RowError(number, name, _("“%(value)s” is not a number.") % {"value": shown(raw)}))
    return values if len(values) == 5 else None


def _placement_error(number, code, stand, values, box):
    """The RowError for a stand that cannot stand where the row puts it, or None."""
    if values["width"] <= 0 or values["depth"] <= 0:
        return RowError(number, "width", _("Width and depth must be more than 0 m."))
    # Far off any plan first (1e308 would overflow the footprint's corners); then inside the
    # hall's outline, or the plan's box for a venue not drawn yet.
    big = [name for name in ("x", "y", "width", "depth") if abs(values[name]) > geometry.MAX_EXTENT]
    if big:
        return RowError(number, big[0], off_plan_message(box))
    if not -360 <= values["rotation"] <= 360:
        return RowError(number, "rotation", _("Rotation must be between -360 and 360 degrees."))
    outline = getattr(getattr(stand.venue, "outline", None), "points", None)
    corners = geometry.rectangle(values["x"], values["y"], values["width"], values["depth"], values["rotation"])
    if not outline and not geometry.within(corners, box):
        return RowError(number, "x", off_plan_message(box))
    if outline and not geometry.inside(corners, outline):
        message = _("Stand %(code)s would lie outside %(venue)s.") % {"code": code, "venue": stand.venue.name}
        return RowError(number, "x", message)
    return None


def off_plan_message(box):
    """The error for a feature off the plan, naming the plan's box (geometry.plan_box)."""
    min_x, min_y, max_x, max_y = (metres(value) for value in box)
    return _("This lies outside the site plan: x from %(min_x)s to %(max_x)s m, y from %(min_y)s to %(max_y)s m.") % {
        "min_x": min_x,
        "max_x": max_x,
        "min_y": min_y,
        "max_y": max_y,
    }


@transaction.atomic
def import_positions(*, edition, table, dry_run=False):
    """Check `table` and, if every row is right and not `dry_run`, save every position."""
    result = check(table, edition=edition)
    if result.errors or dry_run:
        return result
    existing = {p.stand_id: p for p in StandPlacement.objects.filter(stand__edition=edition)}
    new, changed = [], []
    for _row, stand, values in result.rows:
        placement = existing.get(stand.pk) or StandPlacement(stand=stand)
        for name, value in values.items():
            setattr(placement, name, value)
        placement.polygon = None
        (changed if placement.pk else new).append(placement)
    StandPlacement.objects.bulk_create(new)
    StandPlacement.objects.bulk_update(changed, ["x", "y", "width", "depth", "rotation", "polygon"])
    written(StandPlacement)  # bulk writes send no post_save: the cache contract moves the version
    result.saved = True
    return result
