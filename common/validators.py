"""Checks for uploaded documents: a PDF must be a PDF by its structure, within the size limit.

Markers are not enough (an HTML page holding `%PDF-` and `%%EOF` passed the old check and was
linked from a public release): the file is parsed with pypdf, which must find its cross-reference
table (or rebuild it from real objects) and at least one page. Whatever name it was uploaded
under, it is stored as `<ascii-stem>.pdf` (`pdf_name`), and media is served with its type and
`X-Content-Type-Options: nosniff`, so a browser never renders it as anything else.
"""

import logging
import posixpath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 20 * 1024 * 1024


def _not_pdf():
    return ValidationError(
        _("This file is not a PDF document, whatever its name says; please upload a real PDF."), code="not_pdf"
    )


def _damaged():
    return ValidationError(
        _("This PDF file is damaged or incomplete; please export it again and upload the new file."), code="damaged"
    )


def validate_pdf(file):
    from pypdf import PdfReader

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
    # The header may follow a few junk bytes (the PDF spec allows it within the first 1 KB).
    if b"%PDF-" not in head or head.lstrip()[:1] == b"<":
        raise _not_pdf()
    # pypdf narrates every repair it makes at WARNING: noise for a file we refuse anyway.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("This PDF is protected by a password; please upload it without protection."), code="encrypted"
            )
        if len(reader.pages) < 1:
            raise _damaged()
        reader.pages[0].mediabox  # noqa: B018 (a page that cannot say its size is not a page)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds (PdfReadError, KeyError, ValueError…) on non-PDFs
        raise _damaged() from exc
    finally:
        quiet.setLevel(level)
        file.seek(0)


def pdf_name(name):
    """The stored name of an uploaded PDF: an ASCII slug of its stem and `.pdf`, nothing else.

    `báo-cáo.html`, `x.pdf.html` or `x.php` all become `….pdf`: the stored extension follows
    what the file was found to be, never what it was called.
    """
    directory, base = posixpath.split(name or "")
    stem = base.split(".")[0] if base else ""
    return posixpath.join(directory, f"{slugify(stem)[:80] or 'document'}.pdf")


def keep_pdf_name(field_file):
    """From a model's save(): give a freshly uploaded PDF its safe name."""
    if field_file and not field_file._committed:
        field_file.name = pdf_name(field_file.name)


# Video links an exhibitor may give: hosts whose pages play a video and nothing else we know of.
VIDEO_HOSTS = ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com")


def validate_video_url(value):
    """A video link on an allow-listed host (VIDEO_HOSTS), over https."""
    parts = urlsplit(value or "")
    if parts.scheme != "https" or (parts.hostname or "").lower() not in VIDEO_HOSTS:
        raise ValidationError(
            _("Video links may point to %(hosts)s only, over https."),
            code="video_host",
            params={"hosts": "YouTube (youtube.com, youtu.be), Vimeo (vimeo.com)"},
        )
