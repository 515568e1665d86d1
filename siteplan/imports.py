"""Stand positions from a CAD export: a spreadsheet of stand code, venue, x, y, width, depth,
rotation. Every row is checked first; if any is wrong nothing is saved (all or nothing)."""

import csv
import io
import itertools
import math
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from common.cache import bump_content_version
from common.text import nfc
from exhibitors.models import Stand
from siteplan import geometry
from siteplan.models import StandPlacement

COLUMNS = ("stand", "venue", "x", "y", "width", "depth", "rotation")
ALIASES = {"stand_code": "stand", "code": "stand", "hall": "venue", "angle": "rotation"}
MAX_ROWS = 5_000  # ten times the largest expo's stands
MAX_BYTES = 5 * 1024 * 1024


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
    """Rows of the file as lists of cells, the header first. CSV (UTF-8, comma or semicolon) or XLSX."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 5 MB."))
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            # data_only: a formula's last computed value is read; formulas are never evaluated.
            table = [
                list(row) for row in itertools.islice(workbook.worksheets[0].iter_rows(values_only=True), MAX_ROWS + 2)
            ]
            workbook.close()
        except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
            raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(_("The file is not UTF-8 text (save it as “CSV UTF-8”).")) from exc
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        table = list(itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), MAX_ROWS + 2))
    if len(table) > MAX_ROWS + 1:
        raise UnreadableFile(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS})
    if not table:
        raise UnreadableFile(_("The file is empty."))
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
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value if value is not None else "").strip())


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
                    _("No stand “%(code)s” in venue “%(venue)s” at this edition.") % {"code": code, "venue": venue},
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
        values = {}
        for name in ("x", "y", "width", "depth", "rotation"):
            raw = row.get(name)
            if name == "rotation" and _text(raw) == "":
                values[name] = 0.0
                continue
            try:
                values[name] = _number(raw)
            except (TypeError, ValueError):
                result.errors.append(RowError(number, name, _("“%(value)s” is not a number.") % {"value": _text(raw)}))
        if len(values) < 5:
            continue
        if values["width"] <= 0 or values["depth"] <= 0:
            result.errors.append(RowError(number, "width", _("Width and depth must be more than 0 m.")))
            continue
        if not -360 <= values["rotation"] <= 360:
            result.errors.append(RowError(number, "rotation", _("Rotation must be between -360 and 360 degrees.")))
            continue
        outline = getattr(getattr(stand.venue, "outline", None), "points", None)
        corners = geometry.rectangle(values["x"], values["y"], values["width"], values["depth"], values["rotation"])
        if outline and not geometry.inside(corners, outline):
            result.errors.append(
                RowError(
                    number,
                    "x",
                    _("Stand %(code)s would lie outside %(venue)s.") % {"code": code, "venue": stand.venue.name},
                )
            )
            continue
        result.rows.append((number, stand, values))
    if not result.rows and not result.errors:
        result.errors.append(RowError(2, "", _("The file has no rows.")))
    return result


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
    transaction.on_commit(bump_content_version)
    result.saved = True
    return result
