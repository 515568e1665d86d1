"""Limits on uploaded spreadsheets (catalogue and delegation imports), checked before they are read."""

import csv
import io

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export.forms import ImportForm, SelectableFieldsExportForm

from common.spreadsheet_safety import SpreadsheetRefused, check_csv_columns, check_xlsx

MAX_BYTES = 10 * 1024 * 1024
# Far above the design scale (15,000 exhibits, 5,000 delegation members): a longer file is a
# mistake or an attack, and it is refused before it is read to the end.
MAX_ROWS = 50_000


def count_rows(upload):
    """Data rows in a CSV or XLSX upload, counted without parsing it all (stops past the limit).

    A workbook is first bounded by common.spreadsheet_safety.check_xlsx (unpacked size, cells per row,
    claimed rows and columns), a CSV by its columns: both before django-import-export reads it.
    """
    head = upload.read(4)
    upload.seek(0)
    if head[:2] == b"PK":
        from openpyxl import load_workbook

        data = upload.read()
        upload.seek(0)
        check_xlsx(data, max_rows=MAX_ROWS)
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        sheet = workbook.worksheets[0]
        rows = sum(1 for _ in zip(range(MAX_ROWS + 2), sheet.iter_rows(values_only=True), strict=False))
        workbook.close()
    else:
        text = io.TextIOWrapper(upload, encoding="utf-8-sig", errors="replace", newline="")
        try:
            table = zip(range(MAX_ROWS + 2), csv.reader(text), strict=False)
            rows = len(check_csv_columns([row for _, row in table]))
        finally:
            text.detach()
        upload.seek(0)
    return max(rows - 1, 0)


class LimitedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it into smaller files."))
        try:
            rows = count_rows(upload)
        except SpreadsheetRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise forms.ValidationError(_("The file cannot be read as CSV or XLSX.")) from exc
        if rows > MAX_ROWS:
            raise forms.ValidationError(
                _("The file has more than %(count)s rows. Split it into smaller files.") % {"count": f"{MAX_ROWS:,}"}
            )
        return upload


class LabelledExportForm(SelectableFieldsExportForm):
    """The export's column choices named as the admin names the fields, in its language, with the
    file's column code after them ("Tên [vi] (name_vi)"); import-export titles the code instead
    ("Name Vi"), English in the Vietnamese admin."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        column = field.column_name if field else field_name
        try:
            model_field = resource._meta.model._meta.get_field(field.attribute if field else field_name)
        except (FieldDoesNotExist, TypeError):
            return column
        return f"{capfirst(model_field.verbose_name)} ({column})"
