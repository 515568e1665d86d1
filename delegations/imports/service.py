"""The import itself: check every row, then write everything in one transaction or nothing.

Built for 5,000 rows: rows are checked in memory, existing delegations, members and
movements are read in one query each, and writes are bulk inserts and updates. Bulk writes
skip model signals, so the audit entries are written here, with the same masking auditlog
applies (passport numbers), in one bulk insert.
"""

import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.sensitive import may_see
from delegations.columns import (
    COLUMNS,
    IN_IMPORT_LANGUAGE,
    ORGANISATION_COLUMNS,
    REQUIRED_COLUMNS,
    SENSITIVE_COLUMNS,
    visible_columns,
)
from delegations.imports.parsing import CellError, Parsers, RowError, delegation_key
from delegations.imports.reading import Formula, UnreadableFile, read_table
from delegations.imports.writing import Writer, member_key
from delegations.models import Delegation, Member
from expo.models import Edition

# Unicode's control characters (category Cc) but tab and line breaks: PostgreSQL refuses NUL,
# Excel and XML the rest.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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


def may_see_sensitive(user):
    """The command line (no user) is the operator; a staff user needs delegations.view_sensitive."""
    return user is None or may_see(user, Member)


def _text(value, *, limit=None, multiline=False):
    if value is None:
        return ""
    if isinstance(value, Formula):
        raise CellError(_("Formulas are not accepted: type the value itself."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets turn passport and phone numbers into floats
    text = str(value).strip()
    if CONTROL.search(text):
        raise CellError(_("The cell contains a control character; retype it as plain text."))
    if not multiline:
        text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        raise CellError(
            _("At most %(limit)s characters (this cell has %(count)s).") % {"limit": limit, "count": len(text)}
        )
    return text


def _limit(name):
    return Member._meta.get_field(name).max_length


class _Cells:
    """One row's cells, parsed column by column; a RowError for each bad cell."""

    def __init__(self, number, cells, errors):
        self.number, self.cells, self.errors = number, cells, errors

    def parse(self, column, parser, required=False):
        raw = self.cells.get(column)
        if raw in (None, ""):
            if required:
                self.errors.append(RowError(self.number, column, _("This column is required.")))
            return None
        try:
            if isinstance(raw, Formula):
                _text(raw)  # raises
            return parser(raw)
        except CellError as exc:
            self.errors.append(RowError(self.number, column, str(exc)))
            return None

    def text(self, column, limit=None, multiline=False):
        return self.parse(column, lambda value: _text(value, limit=limit, multiline=multiline)) or ""


def _check_row(number, cells, parsers, errors):
    """Parse one row into a dict of clean values; append a RowError for each bad cell."""
    clean = {}
    row = _Cells(number, cells, errors)
    parse, text = row.parse, row.text

    def chosen(lookup):
        return lambda value: parsers.choice(lookup, _text(value))

    clean["country"] = parse("country", lambda value: parsers.country(_text(value)), required=True)
    for column in ORGANISATION_COLUMNS:
        limit = Delegation._meta.get_field(column).max_length
        clean[column] = parse(column, lambda value, limit=limit: _text(value, limit=limit)) or ""
    if not any(cells.get(column) not in (None, "") for column in ORGANISATION_COLUMNS):
        errors.append(RowError(number, "organisation", _("Name the organisation in Vietnamese, in English or both.")))
    clean["type"] = parse("delegation_type", chosen(parsers.types))
    clean["level"] = parse("level", chosen(parsers.levels))
    clean["family_name"] = parse("family_name", lambda value: _text(value, limit=_limit("family_name")), required=True)
    clean["role"] = parse("role", chosen(parsers.roles)) or Member.Role.MEMBER
    clean["gender"] = parse("gender", chosen(parsers.genders)) or ""
    clean["nationality"] = parse("nationality", lambda value: parsers.country(_text(value))) or clean["country"] or ""
    clean["date_of_birth"] = parse("date_of_birth", parsers.date)
    clean["email"] = parse("email", lambda value: parsers.email(_text(value, limit=_limit("email")))) or ""
    clean["passport_no"] = text("passport_no", _limit("passport_no")).upper()
    for column in ("given_name", "rank_vi", "rank_en", "position_vi", "position_en", "phone"):
        clean[column] = text(column, _limit(column))
    clean["needs"] = text("needs", _limit("needs"), multiline=True)
    for column in ("arrival_flight", "departure_flight"):
        clean[column] = text(column, 20)
    clean["arrival_at"] = parse("arrival_at", parsers.during_edition)
    clean["departure_at"] = parse("departure_at", parsers.during_edition)
    if clean["arrival_at"] and clean["departure_at"] and clean["departure_at"] < clean["arrival_at"]:
        errors.append(RowError(number, "departure_at", _("The departure is before the arrival.")))
    return clean


def _in_language(headers, table, language):
    """A column for both languages' values (`rank`) becomes the import language's (`rank_vi`),
    unless the file has that column too."""
    for column in IN_IMPORT_LANGUAGE:
        own = f"{column}_{language}"
        if column in headers and own not in headers:
            headers = [own if header == column else header for header in headers]
            for _number, cells in table:
                if column in cells:
                    cells[own] = cells.pop(column)
    return headers


def _header_errors(headers, sensitive):
    """What is wrong with the header row: unknown or missing columns, sensitive ones not allowed."""
    unknown = _("Unknown column (expected one of: %(columns)s).") % {"columns": ", ".join(COLUMNS)}
    errors = [RowError(1, header, unknown) for header in headers if header and header not in COLUMNS]
    for column in REQUIRED_COLUMNS:
        if column not in headers:
            errors.append(RowError(1, column, _("This column is missing.")))
    if not any(column in headers for column in ORGANISATION_COLUMNS):
        errors.append(RowError(1, "organisation", _("This column is missing.")))
    if not sensitive:
        for column in SENSITIVE_COLUMNS:
            if column in headers:
                errors.append(
                    RowError(
                        1,
                        column,
                        _(
                            "You may not import this column: it holds personal data you are not allowed to see. "
                            "Remove the column (allowed: %(columns)s) and upload the file again."
                        )
                        % {"columns": ", ".join(visible_columns(sensitive=False))},
                    )
                )
    return errors


def _check_not_seen(number, clean, seen, errors):
    """A RowError if an earlier row (numbers in `seen`, by member key) names the same member."""
    if not (clean["country"] and (clean["organisation_vi"] or clean["organisation_en"]) and clean["family_name"]):
        return
    key = member_key(
        delegation_key(clean),
        passport_no=clean["passport_no"],
        family_name=clean["family_name"],
        given_name=clean["given_name"],
        date_of_birth=clean["date_of_birth"],
    )
    if key in seen:
        column = "passport_no" if key[1] == "passport" else "family_name"
        errors.append(RowError(number, column, _("The same member as row %(row)s.") % {"row": seen[key]}))
    seen[key] = seen.get(key, number)


def check_file(*, data, filename, edition, progress=None, sensitive=True, language="vi"):
    """Read and check every row; returns (headers, rows, errors), rows as (number, clean values).

    Without `sensitive` (a user lacking view_sensitive) a file carrying a sensitive column is
    refused before any row is read: such a user neither writes, matches on nor hears about them.
    """
    try:
        headers, table = read_table(data, filename)
    except UnreadableFile as exc:
        return [], [], [RowError(1, "-", str(exc))]
    headers = _in_language(headers, table, language)
    errors = _header_errors(headers, sensitive)
    if errors:
        return headers, [], errors
    parsers = Parsers(edition.tz, edition=edition)
    rows, seen = [], {}
    numbered = progress.iterate(table, total=len(table), label=_("Rows checked")) if progress else table
    for number, cells in numbered:
        clean = _check_row(number, cells, parsers, errors)
        _check_not_seen(number, clean, seen, errors)
        rows.append((number, clean))
    return headers, rows, errors


def import_delegations(*, data, filename, edition, user=None, dry_run=False, language="vi", progress=None):
    """Import a delegation list into `edition`: all rows or, if any row is wrong, none.

    A dry run checks and writes inside the transaction, then rolls it back, so its counts are
    exactly those a real import would give.
    """
    headers, rows, errors = check_file(
        data=data,
        filename=filename,
        edition=edition,
        progress=progress,
        sensitive=may_see_sensitive(user),
        language=language,
    )
    if errors:
        return ImportResult(rows=len(rows), dry_run=dry_run, errors=errors)
    return write_rows(headers=headers, rows=rows, edition=edition, user=user, language=language, dry_run=dry_run)


def write_rows(*, headers, rows, edition, user=None, language="vi", dry_run=False, request=None):
    """Write rows checked by `check_file` (the admin keeps them between preview and confirm).

    Imports into one edition run one at a time (the edition's row is locked), so two imports of
    the same new member end as one created and one updated, not in a constraint error. A
    constraint error still possible (someone saving the same passport in the admin meanwhile) is
    reported without any row value: its database message quotes the values, so it is never
    shown or logged. `request` gives the audit entries the request's address and correlation id.
    """
    result = ImportResult(rows=len(rows), dry_run=dry_run)
    sensitive = may_see_sensitive(user)
    columns = set(headers) if sensitive else set(headers) - set(SENSITIVE_COLUMNS)
    try:
        with transaction.atomic():
            Edition.objects.select_for_update().filter(pk=edition.pk).first()
            writer = Writer(
                edition=edition,
                user=user,
                language=language,
                headers=columns,
                result=result,
                request=request,
                dry_run=dry_run,
            )
            writer.write(rows)
            if dry_run or result.errors:
                transaction.set_rollback(True)
    except IntegrityError:
        result.errors = [
            RowError(
                1,
                "-",
                _(
                    "Someone else saved some of these members while the file was being imported. "
                    "Nothing was saved: check the list and import the file again."
                ),
            )
        ]
    return result
