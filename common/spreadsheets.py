"""Limits on uploaded spreadsheets (catalogue and delegation imports), checked before they are read."""

import io

from django import forms
from django.utils.translation import gettext_lazy as _
from import_export.forms import ImportForm

MAX_BYTES = 10 * 1024 * 1024
# Far above the design scale (15,000 exhibits, 5,000 delegation members): a longer file is a
# mistake or an attack, and it is refused before it is read to the end.
MAX_ROWS = 50_000


def count_rows(upload):
    """Data rows in a CSV or XLSX upload, counted without loading it all (stops past the limit)."""
    head = upload.read(4)
    upload.seek(0)
    if head[:2] == b"PK":
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(upload.read()), read_only=True)
        upload.seek(0)
        sheet = workbook.worksheets[0]
        rows = sum(1 for _ in zip(range(MAX_ROWS + 2), sheet.iter_rows(values_only=True), strict=False))
        workbook.close()
    else:
        rows = sum(1 for _ in zip(range(MAX_ROWS + 2), upload, strict=False))
        upload.seek(0)
    return max(rows - 1, 0)


class LimitedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it into smaller files."))
        try:
            rows = count_rows(upload)
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise forms.ValidationError(_("The file cannot be read as CSV or XLSX.")) from exc
        if rows > MAX_ROWS:
            raise forms.ValidationError(
                _("The file has more than %(count)s rows. Split it into smaller files.") % {"count": f"{MAX_ROWS:,}"}
            )
        return upload
