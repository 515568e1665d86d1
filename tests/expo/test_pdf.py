"""The shared PDF renderer: bundled fonts, exact Vietnamese text, no fetching outside the project."""

import io
import logging
import unicodedata

import pytest
from pypdf import PdfReader

from common.pdf import ProjectFilesFetcher, render_pdf
from tests.helpers import pdf_text

TITLE = "Triển lãm Quốc phòng quốc tế Việt Nam 2024"
BODY = "Hòa bình, Hữu nghị, Hợp tác cùng phát triển — Đường băng Gia Lâm"


def pdf_fonts(data):
    reader = PdfReader(io.BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def test_pdf_keeps_vietnamese_exactly_even_from_decomposed_input():
    data = render_pdf("tests/pdf_sample.html", {"title": unicodedata.normalize("NFD", TITLE), "body": BODY})
    assert data.startswith(b"%PDF-")
    text = unicodedata.normalize("NFC", pdf_text(data, lines=True))
    assert TITLE in text
    assert BODY in text
    # Only the bundled Noto Sans faces are embedded (family "Expo Noto Sans" exists nowhere else).
    assert pdf_fonts(data) and all("Noto-Sans" in font for font in pdf_fonts(data))


def test_fetcher_serves_the_project_static_files():
    response = ProjectFilesFetcher().fetch("https://pdf.expo.invalid/static/expo/fonts/NotoSans-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://pdf.expo.invalid/etc/hostname",
        "https://pdf.expo.invalid/static/../../../etc/passwd",
        "https://other.invalid/static/expo/pdf/pdf.css",
    ],
)
def test_fetcher_refuses_anything_else(url):
    with pytest.raises(ValueError, match="not"):
        ProjectFilesFetcher().fetch(url)


def test_document_pointing_outside_still_renders_without_fetching(caplog):
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        data = render_pdf("tests/pdf_sample.html", {"title": TITLE, "body": BODY, "evil": True})
    assert TITLE in pdf_text(data, lines=True)
    refused = [r.getMessage() for r in caplog.records if "may not fetch" in r.getMessage()]
    assert any("file:///etc/passwd" in message for message in refused)
    assert any("http://example.com/x.png" in message for message in refused)


def test_pdf_without_the_system_libraries_is_a_503_not_a_500(client, edition, monkeypatch):
    from common import pdf

    def missing():
        raise pdf.PdfUnavailable("no Pango here")

    # Stand-in for a machine without Pango: the import of WeasyPrint is what fails there.
    monkeypatch.setattr(pdf, "_weasyprint", missing)
    response = client.get("/en/programme/programme.pdf")
    assert response.status_code == 503
    assert "PDF documents cannot be produced on this server" in response.content.decode()


def test_the_site_starts_without_importing_weasyprint():
    import subprocess
    import sys

    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE']='tests.settings'; django.setup();"
        "from django.test import Client; from django.urls import get_resolver; get_resolver().url_patterns;"
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
