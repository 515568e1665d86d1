"""Every import endpoint fed the same hostile files: a clear refusal in the user's language, fast,
never a 5xx, and nothing saved.

The endpoints are read from the admin's own URL map (every `…_import` or `…_import_<what>` page
with an upload form: not its template download nor its confirmation step),
and each page's upload form is filled from its own HTML (its file field, its selects, its submit
buttons, "save" included where a page saves at once), so an import added later is swept too.
"""

import functools
import io
import re
import time
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.backup import table_counts
from tests.hostile import (
    one_cell_claiming_the_whole_sheet,
    one_row_of_two_million_cells,
    sheet_xml,
    walk,
    workbook_around,
)

IMPORT_NAME = re.compile(r"_import(_[a-z]+)?$")
# Found by the walk below; listed so that a broken walk cannot pass by finding nothing.
KNOWN = {
    "delegations_delegation_import",
    "exhibitors_exhibitor_import",
    "exhibitors_product_import",
    "siteplan_standplacement_import",
    "siteplan_standplacement_import_outlines",
}
# Every column an import reads, so each file reaches each reader's row checks.
HEADER = (
    "slug,name,name_vi,name_en,country,organisation,family_name,given_name,passport_number,"
    "stand,venue,x,y,width,depth,rotation,feature,kind,sectors"
)
BOMB_DTD = '<!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
XINCLUDE = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'


def import_endpoints():
    return sorted(
        entry.name
        for route, entry in walk()
        if route.startswith("admin/") and entry.name and IMPORT_NAME.search(entry.name)
    )


def _csv(*rows):
    return "\n".join([HEADER, *(",".join([value] * len(HEADER.split(","))) for value in rows)]) + "\n"


@functools.cache
def hostile_files():
    """{label: (file name, bytes)}: the same set for every endpoint."""
    long_name = "Tổng cục Công nghiệp Quốc phòng " * 10  # 320 characters
    return {
        "one row of 2,000,000 cells": ("list.xlsx", one_row_of_two_million_cells()),
        "a dimension claiming the whole sheet": ("list.xlsx", one_cell_claiming_the_whole_sheet()),
        "zip bomb (110 MB unpacked)": (
            "list.xlsx",
            workbook_around(
                sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x" * (110 << 20) + "</t></is></c></row>")
            ),
        ),
        "entity bomb in a sheet": (
            "list.xlsx",
            workbook_around(
                '<?xml version="1.0"?>'
                + BOMB_DTD
                + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                '<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
            ),
        ),
        "not a zip behind an .xlsx name": ("list.xlsx", b"PK\x03\x04" + b"\x00" * 200),
        "entity bomb in an SVG": (
            "plan.svg",
            f'<?xml version="1.0"?>{BOMB_DTD}<svg xmlns="http://www.w3.org/2000/svg">'
            '<rect id="A" width="&b;"/></svg>'.encode(),
        ),
        "XInclude in an SVG title": (
            "plan.svg",
            f'<svg xmlns="http://www.w3.org/2000/svg"><circle class="entrance" cx="1" cy="1" r="1"><title>{XINCLUDE}'
            "</title></circle></svg>".encode(),
        ),
        "non-finite and huge numbers": ("list.csv", _csv("1e999", "NaN", "-inf", "1e308").encode()),
        "overlong strings": ("list.csv", _csv(long_name, "x" * 200_000).encode()),
        "a row of 500,000 columns": ("list.csv", (HEADER + "\n" + "," * 500_000 + "\n").encode()),
        "UTF-16": ("list.csv", _csv("Nguyễn Văn An").encode("utf-16")),
        "Windows-1258": ("list.csv", _csv("Công ty ĐƯƠNG Ơ").encode("cp1258")),
        "binary noise": ("list.csv", bytes(range(256)) * 64),
        "empty": ("list.csv", b""),
    }


class FormReader(HTMLParser):
    """The fields of a page's multipart form: its file input, selects (first real option, or the
    one named after the file's format), hidden and submit inputs."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.file_field = None
        self.fields = {}
        self.options = {}
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("enctype") == "multipart/form-data":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "file":
                self.file_field = name
            elif kind in ("hidden", "submit", "text") and name != "csrfmiddlewaretoken":
                self.fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.options[name] = []
        elif tag == "option" and self.select and attrs.get("value"):
            self.options[self.select].append([attrs["value"], ""])

    def handle_data(self, data):
        if self.select and self.options[self.select] and not self.options[self.select][-1][1]:
            self.options[self.select][-1][1] = data.strip().lower()

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False

    def data(self, filename):
        extension = filename.rsplit(".", 1)[-1]
        chosen = {}
        for name, options in self.options.items():
            by_label = [value for value, label in options if label == extension]
            chosen[name] = (by_label or [value for value, _label in options])[0]
        return {**self.fields, **chosen}


def test_the_sweep_finds_every_import():
    assert set(import_endpoints()) >= KNOWN


def _rows():
    # Sessions hold a checked file between preview and confirm (it is nothing saved).
    return {table: count for table, count in table_counts().items() if table != "django_session"}


@pytest.mark.parametrize("label", list(hostile_files()))
def test_every_import_refuses_the_hostile_file_clearly_and_saves_nothing(admin_client, edition, label):
    filename, data = hostile_files()[label]
    before = _rows()
    failures = []
    swept = set()
    for name in import_endpoints():
        url = reverse(f"admin:{name}")
        page = admin_client.get(url)
        form = FormReader()
        form.feed(page.content.decode(errors="replace"))
        if not form.file_field:
            continue  # a download beside the import (its template), or its confirmation step
        swept.add(name)
        upload = SimpleUploadedFile(filename, data, content_type="application/octet-stream")
        started = time.perf_counter()
        response = admin_client.post(
            url, {**form.data(filename), form.file_field: upload}, headers={"accept-language": "vi"}
        )
        seconds = time.perf_counter() - started
        html = response.content.decode(errors="replace")
        if response.status_code >= 500:
            failures.append(f"{name}: {response.status_code}")
        elif not (400 <= response.status_code < 500 or re.search(r'class="[^"]*error', html)):
            failures.append(f"{name}: {response.status_code} without an error shown")
        elif '<html lang="vi"' not in html or "Traceback" in html:
            failures.append(f"{name}: the refusal is not a page in Vietnamese")
        if seconds > 10:
            failures.append(f"{name}: {seconds:.1f} s")
    assert failures == []
    assert swept >= KNOWN
    assert _rows() == before


def test_a_zip_bomb_really_unpacks_to_more_than_the_limit():
    data = hostile_files()["zip bomb (110 MB unpacked)"][1]
    assert len(data) < 1 << 20
    assert sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist()) > 100 << 20
