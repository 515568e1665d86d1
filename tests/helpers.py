"""What tests read and send as a person would: a PDF's text, the QR codes on a printout, an
image file, a message as received (forms and pages: tests/forms.py; processes and ports:
tests/processes.py)."""

import email
import email.policy
import io
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfReader

# Copies of the c3voc schedule schemas (../shared/specs/c3voc-schedule/).
C3VOC_SPECS = Path(__file__).resolve().parent / "expo" / "specs"


# --- responses and documents ------------------------------------------------------------------


def body(response):
    """A response's bytes, streamed or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def download(client, url):
    """GET a download that must succeed: (response, its bytes)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response, body(response)


def named_file(content, name):
    """File content as an admin form's upload field receives it."""
    file = io.BytesIO(content)
    file.name = name
    return file


def xlsx_bytes(rows, header=None):
    """An Excel workbook (openpyxl) with `header` (if any) and `rows` on its first sheet."""
    book = Workbook()
    for row in [header, *rows] if header else rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(pdf):
    if isinstance(pdf, bytes):
        return pdf
    assert pdf["Content-Type"] == "application/pdf"
    return body(pdf)


def pdf_page_texts(pdf, *, lines=False):
    """The text of each page of a PDF (bytes or a response) in NFC; unless `lines`, line breaks
    and runs of spaces are single spaces, so a wrapped table cell reads whole."""
    pages = [unicodedata.normalize("NFC", page.extract_text()) for page in PdfReader(io.BytesIO(_pdf_bytes(pdf))).pages]
    return pages if lines else [" ".join(page.split()) for page in pages]


def printed_codes(text):
    """A PDF page's extracted text with its spaces left out, to look codes up in: the text
    extractor may split a code where two of its letters kern ("K7 QX" for "K7QX")."""
    return text.replace(" ", "")


def pdf_text(pdf, *, lines=False):
    """All text of a PDF (bytes or a response), pages one after the other; see pdf_page_texts."""
    text = "\n".join(pdf_page_texts(pdf, lines=True))
    return text if lines else " ".join(text.split())


def pdf_pages(pdf):
    return len(PdfReader(io.BytesIO(_pdf_bytes(pdf))).pages)


def decoded_qr_codes(pdf, *, page=1):
    """Every QR code on `page` of the PDF (on every page if `page` is None), as a person's phone
    would read it: rendered at print resolution (300 dpi, poppler) and decoded by zbar."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sheet.pdf"
        source.write_bytes(_pdf_bytes(pdf))
        subprocess.run(["pdftoppm", "-r", "300", *pages, "-png", source, Path(folder) / "page"], check=True)
        images = sorted(Path(folder).glob("page*.png"))
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", *images],
            capture_output=True,
            text=True,
            check=False,  # 4 when a page (a badge's back) has no code
        )
    assert result.returncode in (0, 4), result.stderr
    return [line for line in result.stdout.splitlines() if line]


# --- images -----------------------------------------------------------------------------------


def png_bytes(size=(800, 600), color=(30, 80, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def image_upload(data, name, content_type="image/png"):
    """A file as a browser uploads it (whatever its content really is)."""
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- mail as received -------------------------------------------------------------------------


class Inbox:
    """aiosmtpd handler: keeps every accepted message; refuses the first `fail_next` with a 451."""

    def __init__(self):
        self.received = []
        self.fail_next = 0

    async def handle_DATA(self, server, session, envelope):
        if self.fail_next:
            self.fail_next -= 1
            return "451 4.3.0 Try again later"
        self.received.append(
            {
                "rcpt_tos": list(envelope.rcpt_tos),
                "message": email.message_from_bytes(envelope.original_content, policy=email.policy.default),
            }
        )
        return "250 OK"

    @property
    def messages(self):
        return [item["message"] for item in self.received]


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def subject_of(message):
    # Django folds a long encoded subject right after "Subject:", which parses with a leading space.
    return str(message["Subject"]).strip()


# --- the media area (accredited journalists) -------------------------------------------------

MEDIA_SIGN_IN = "/en/press/media/sign-in/"


def ask_media_link(client, email, django_capture_on_commit_callbacks):
    """Ask for a sign-in link to the media area, the mail sent as the request commits."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(MEDIA_SIGN_IN, {"email": email})


def media_link_in(message):
    """The single-use sign-in link in a media-area mail."""
    return re.search(r"https?://\S+/press/media/sign-in/\S+/", text_of(message)).group(0)


def media_sign_in(client, edition, smtp, capture, email="alice@example.co.uk"):
    """Sign `client` in to the media area by the link mailed to `email` (received by `smtp`)."""
    ask_media_link(client, email, capture)
    url = media_link_in(smtp.messages[-1]).removeprefix("http://testserver")
    return client.post(url)


# The production task queue (django-tasks' database backend), for tests of what the worker does.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "kits"]}}


def run_queued_tasks(monkeypatch):
    """Run every due task on the database queue as `manage.py db_worker --batch` does.

    The worker closes "old" connections between tasks; inside a test's transaction that would
    close the test's own connection on PostgreSQL, so that one call is made a no-op here.
    """
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command(
        "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO()
    )


# --- the exhibitors' portal ------------------------------------------------------------------


def portal_link_in(message):
    """The single-use link (invitation or sign-in) in a portal mail, as a path on the site."""
    url = re.search(r"https?://\S+/exhibitor/(?:welcome|sign-in/link)/\S+/", text_of(message)).group(0)
    return url.removeprefix("http://testserver")
