"""Vetting trade registrations: the watch list, matched accent-insensitively on name and number.

"Nguyễn Văn Đức" on the list matches "NGUYEN VAN DUC" typed in the form; "B 1234-567" matches
"b1234567". A match only flags the registration for the Registration group: people decide.
"""

import csv
import io
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from common.spreadsheets import MAX_ROWS, count_rows
from common.text import fold
from tickets.models import Registration, WatchListEntry

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def folded_name(value):
    return fold(value)


def folded_number(value):
    return _NOT_ALNUM.sub("", fold(value))


def _entry_matches(entry, name, number):
    return bool(
        (entry.name and folded_name(entry.name) == name)
        or (entry.id_number and folded_number(entry.id_number) == number)
    )


def matches(registration):
    """Does `registration` match an entry of its edition's watch list (name or number)?"""
    name, number = folded_name(registration.name), folded_number(registration.id_number)
    entries = WatchListEntry.objects.filter(edition_id=registration.edition_id).only("name", "id_number")
    return any(_entry_matches(entry, name, number if number else None) for entry in entries)


def reflag(edition):
    """Match every registration of `edition` again (after a new list was uploaded); returns how many match."""
    entries = list(WatchListEntry.objects.filter(edition=edition).only("name", "id_number"))
    flagged = []
    for registration in Registration.objects.filter(edition=edition).only("pk", "name", "id_number"):
        name, number = folded_name(registration.name), folded_number(registration.id_number) or None
        if any(_entry_matches(entry, name, number) for entry in entries):
            flagged.append(registration.pk)
    Registration.objects.filter(edition=edition).exclude(pk__in=flagged).update(on_watch_list=False)
    Registration.objects.filter(pk__in=flagged).update(on_watch_list=True)
    return len(flagged)


def _rows(upload):
    """(name, number, note) rows of a CSV (UTF-8, comma or semicolon) or XLSX upload; header row skipped."""
    if count_rows(upload) > MAX_ROWS:
        raise ValidationError(_("The list has too many rows."))
    head = upload.read(2)
    upload.seek(0)
    if head == b"PK":
        from openpyxl import load_workbook

        sheet = load_workbook(upload, read_only=True, data_only=True).active
        rows = [[str(cell) if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(_("Save the list as CSV UTF-8 or as an Excel workbook.")) from exc
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    for row in rows[1:]:
        cells = [cell.strip() for cell in row] + ["", "", ""]
        if cells[0] or cells[1]:
            yield cells[0][:150], cells[1][:40], cells[2][:200]


@transaction.atomic
def replace_watch_list(*, edition, upload):
    """The uploaded list replaces the edition's; every registration is matched again. Returns (entries, flagged)."""
    entries = [WatchListEntry(edition=edition, name=n, id_number=i, note=note) for n, i, note in _rows(upload)]
    WatchListEntry.objects.filter(edition=edition).delete()
    for entry in entries:
        entry.save()  # one by one: NFC on save, and each addition audited
    return len(entries), reflag(edition)
