"""The import itself: check every row, then write everything in one transaction or nothing.

Built for 5,000 rows: rows are checked in memory, existing delegations, members and
movements are read in one query each, and writes are bulk inserts and updates. Bulk writes
skip model signals, so the audit entries are written here, with the same masking auditlog
applies (passport numbers), in one bulk insert.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delegations.imports.parsing import CellError, Parsers
from delegations.imports.reading import COLUMNS, REQUIRED_COLUMNS, UnreadableFile, read_table
from delegations.imports.writing import Writer, member_key
from delegations.models import Member
from expo.text import fold

MEMBER_COLUMNS = {
    # import column -> Member field (position is written in the import's language)
    "family_name": "family_name",
    "given_name": "given_name",
    "rank": "rank",
    "role": "role",
    "gender": "gender",
    "nationality": "nationality",
    "passport_no": "passport_no",
    "date_of_birth": "date_of_birth",
    "email": "email",
    "phone": "phone",
    "needs": "needs",
}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ImportResult:
    rows: int = 0
    delegations_created: int = 0
    delegations_updated: int = 0
    members_created: int = 0
    members_updated: int = 0
    movements: int = 0
    dry_run: bool = False
    errors: list = field(default_factory=list)
    # What will be saved, one entry per delegation in file order (see DelegationPreview).
    delegations: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        if self.errors:
            return gettext_lazy("%(count)s errors: nothing was imported.") % {"count": len(self.errors)}
        text = _(
            "%(rows)s rows: %(d_new)s delegations created, %(d_upd)s updated; "
            "%(m_new)s members created, %(m_upd)s updated; %(moves)s arrivals and departures."
        ) % {
            "rows": self.rows,
            "d_new": self.delegations_created,
            "d_upd": self.delegations_updated,
            "m_new": self.members_created,
            "m_upd": self.members_updated,
            "moves": self.movements,
        }
        return _("Dry run, nothing saved. %(text)s") % {"text": text} if self.dry_run else text


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets turn passport and phone numbers into floats
    return str(value).strip()


def _check_row(number, cells, parsers, errors):
    """Parse one row into a dict of clean values; append a RowError for each bad cell."""
    clean = {}

    def parse(column, parser, required=False):
        raw = cells.get(column)
        if raw in (None, ""):
            if required:
                errors.append(RowError(number, column, _("This column is required.")))
            return None
        try:
            return parser(raw)
        except CellError as exc:
            errors.append(RowError(number, column, str(exc)))
            return None

    clean["country"] = parse("country", parsers.country, required=True)
    clean["organisation"] = parse("organisation", _text, required=True)
    clean["type"] = parse("delegation_type", lambda v: parsers.choice(parsers.types, v))
    clean["level"] = parse("level", lambda v: parsers.choice(parsers.levels, v))
    clean["family_name"] = parse("family_name", _text, required=True)
    clean["role"] = parse("role", lambda v: parsers.choice(parsers.roles, v)) or Member.Role.MEMBER
    clean["gender"] = parse("gender", lambda v: parsers.choice(parsers.genders, v)) or ""
    clean["nationality"] = parse("nationality", parsers.country) or clean["country"] or ""
    clean["date_of_birth"] = parse("date_of_birth", parsers.date)
    clean["email"] = parse("email", parsers.email) or ""
    clean["passport_no"] = _text(cells.get("passport_no")).upper()
    for column in ("given_name", "rank", "position", "phone", "needs", "arrival_flight", "departure_flight"):
        clean[column] = _text(cells.get(column))
    clean["arrival_at"] = parse("arrival_at", parsers.datetime)
    clean["departure_at"] = parse("departure_at", parsers.datetime)
    if clean["arrival_at"] and clean["departure_at"] and clean["departure_at"] < clean["arrival_at"]:
        errors.append(RowError(number, "departure_at", _("The departure is before the arrival.")))
    return clean


def check_file(*, data, filename, edition, progress=None):
    """Read and check every row; returns (headers, rows, errors), rows as (number, clean values)."""
    errors = []
    try:
        headers, table = read_table(data, filename)
    except UnreadableFile as exc:
        return [], [], [RowError(1, "-", str(exc))]
    for header in headers:
        if header and header not in COLUMNS:
            errors.append(
                RowError(
                    1, header, _("Unknown column (expected one of: %(columns)s).") % {"columns": ", ".join(COLUMNS)}
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in headers:
            errors.append(RowError(1, column, _("This column is missing.")))
    if errors:
        return headers, [], errors
    parsers = Parsers(edition.tz)
    rows, seen = [], {}
    numbered = progress.iterate(table, total=len(table), label=_("Rows checked")) if progress else table
    for number, cells in numbered:
        clean = _check_row(number, cells, parsers, errors)
        if clean["country"] and clean["organisation"] and clean["family_name"]:
            key = member_key(
                (clean["country"], fold(clean["organisation"])),
                passport_no=clean["passport_no"],
                family_name=clean["family_name"],
                given_name=clean["given_name"],
                date_of_birth=clean["date_of_birth"],
            )
            if key in seen:
                column = "passport_no" if key[1] == "passport" else "family_name"
                errors.append(RowError(number, column, _("The same member as row %(row)s.") % {"row": seen[key]}))
            seen[key] = seen.get(key, number)
        rows.append((number, clean))
    return headers, rows, errors


def import_delegations(*, data, filename, edition, user=None, dry_run=False, language="vi", progress=None):
    """Import a delegation list into `edition`: all rows or, if any row is wrong, none.

    A dry run checks and writes inside the transaction, then rolls it back, so its counts are
    exactly those a real import would give.
    """
    result = ImportResult(dry_run=dry_run)
    headers, rows, errors = check_file(data=data, filename=filename, edition=edition, progress=progress)
    result.rows = len(rows)
    if errors:
        result.errors = errors
        return result
    with transaction.atomic():
        Writer(edition=edition, user=user, language=language, headers=set(headers), result=result).write(rows)
        if dry_run:
            transaction.set_rollback(True)
    return result
