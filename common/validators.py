"""Checks for uploaded documents: a PDF must be a PDF by its content, within the size limit."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 20 * 1024 * 1024


def validate_pdf(file):
    size = getattr(file, "size", None)
    if size is not None and size > MAX_PDF_BYTES:
        raise ValidationError(
            _("This file is %(size)s; PDF documents may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    # The header may follow a few junk bytes (the PDF spec allows it within the first 1 KB);
    # an HTML or image file renamed to .pdf has none.
    if b"%PDF-" not in head:
        raise ValidationError(
            _("This file is not a PDF document, whatever its name says; please upload a real PDF."), code="not_pdf"
        )
    file.seek(max(0, (size or 0) - 2048))
    tail = file.read()[-2048:]
    file.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(
            _("This PDF file is damaged or incomplete; please export it again and upload the new file."),
            code="damaged",
        )
