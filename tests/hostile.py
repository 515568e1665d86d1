"""Hostile input shared by the sweeps and the upload tests: crafted spreadsheets, damaged
images, and every URL pattern of the project."""

import io
import struct
import zipfile
import zlib

from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image

# --- spreadsheets openpyxl would never write ----------------------------------------------------


def workbook_around(sheet_xml):
    """A minimal workbook around a hand-written sheet (openpyxl would never write these)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


def sheet_xml(rows_xml, dimension=""):
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dimension}<sheetData>{rows_xml}</sheetData></worksheet>"
    )


def one_row_of_two_million_cells():
    return workbook_around(sheet_xml('<row r="1">' + "<c/>" * 2_000_000 + "</row>"))


def one_cell_claiming_the_whole_sheet():
    return workbook_around(
        sheet_xml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>slug</t></is></c></row>', '<dimension ref="A1:XFD1048576"/>'
        )
    )


def one_cell_far_away():
    return workbook_around(
        sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="ZZ1000000"><v>1</v></c></row>')
    )


# --- damaged images ------------------------------------------------------------------------------


def noisy(size=(640, 480)):
    return Image.effect_noise(size, 60).convert("RGB")


def truncated_jpeg_with_end_marker(progressive=False):
    buffer = io.BytesIO()
    noisy().save(buffer, "JPEG", quality=90, progressive=progressive)
    data = buffer.getvalue()
    return data[: len(data) // 2] + b"\xff\xd9"


def truncated_png_with_iend():
    buffer = io.BytesIO()
    noisy().save(buffer, "PNG")
    data = buffer.getvalue()
    start = data.index(b"IDAT") - 4
    length = struct.unpack(">I", data[start : start + 4])[0]
    short = data[start + 8 : start + 8 + length // 2]
    idat = struct.pack(">I", len(short)) + b"IDAT" + short + struct.pack(">I", zlib.crc32(b"IDAT" + short))
    iend = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return data[:start] + idat + iend


# --- URLs ----------------------------------------------------------------------------------------


def walk(resolver=None, prefix=""):
    """Yield (route, pattern) for every leaf URL pattern."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry
