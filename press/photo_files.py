"""Photo files as a newsroom takes them: caption and credit in both languages embedded (XMP, and IPTC
IIM in JPEGs for older systems), no GPS or camera data; and many files as one zip, streamed.

JPEGs are not re-encoded: their metadata segments are rewritten around the unchanged image data.
PNG gets an iTXt XMP chunk; WebP is re-saved by Pillow with the packet (lossless when it was).
"""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from PIL import Image

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


@dataclass(frozen=True)
class PhotoText:
    """What travels inside the file: caption and credit per language, and the source."""

    caption: dict  # {"vi": …, "en": …}
    credit: dict
    source: str = ""


def xmp_packet(text):
    """An XMP packet with dc:description (one entry per language), photoshop:Credit, dc:rights."""

    def alternatives(values):
        given = [(language, value) for language, value in values.items() if value]
        default = [("x-default", given[0][1])] if given else []
        items = "".join(f'<rdf:li xml:lang="{lang}">{escape(value)}</rdf:li>' for lang, value in default + given)
        return f"<rdf:Alt>{items}</rdf:Alt>"

    credit = " / ".join(dict.fromkeys(value for value in text.credit.values() if value))
    xml = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f"<dc:description>{alternatives(text.caption)}</dc:description>"
        f"<dc:rights>{alternatives(text.credit)}</dc:rights>"
        f"<photoshop:Credit>{escape(credit)}</photoshop:Credit>"
        f"<photoshop:Source>{escape(text.source)}</photoshop:Source>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return xml.encode()


def _iptc_record(dataset, value):
    data = value.encode()[:2000]
    return b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(data)) + data


def iptc_segment(text):
    """APP13 (Photoshop 3.0, resource 0x0404): IIM caption (2:120) and credit (2:110), UTF-8 (1:90)."""
    caption = "\n".join(value for value in text.caption.values() if value)
    credit = " / ".join(dict.fromkeys(value for value in text.credit.values() if value))
    iim = b"\x1c\x01\x5a\x00\x03\x1b\x25\x47" + _iptc_record(120, caption) + _iptc_record(110, credit)
    if text.source:
        iim += _iptc_record(115, text.source)
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _app1(payload):
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_text(data, text):
    """The JPEG with its APP1 (EXIF: camera, GPS; XMP) and APP13 segments replaced by ours."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    kept, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the image data follows, copied as it is
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segment = data[position : position + 2 + length]
        if marker not in (0xE1, 0xED):
            kept.append(segment)
        position += 2 + length
    ours = _app1(XMP_HEADER + xmp_packet(text)) + iptc_segment(text)
    # JFIF (APP0) must stay first; ours follow it.
    first = [segment for segment in kept if segment[1] == 0xE0]
    rest = [segment for segment in kept if segment[1] != 0xE0]
    return b"\xff\xd8" + b"".join(first) + ours + b"".join(rest) + data[position:]


def _png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_with_text(data, text):
    """The PNG with an iTXt XML:com.adobe.xmp chunk after its header; eXIf and old XMP dropped."""
    signature, position, chunks = data[:8], 8, []
    while position < len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        kind = data[position + 4 : position + 8]
        chunk = data[position : position + 12 + length]
        position += 12 + length
        if kind == b"eXIf" or (kind == b"iTXt" and chunk[8:25] == b"XML:com.adobe.xmp"):
            continue
        chunks.append(chunk)
    xmp = _png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp_packet(text))
    return signature + chunks[0] + xmp + b"".join(chunks[1:])


def webp_with_text(data, text):
    with Image.open(io.BytesIO(data)) as image:
        out = io.BytesIO()
        lossless = image.info.get("lossless", False)
        image.save(out, "WEBP", xmp=xmp_packet(text), lossless=lossless, quality=95, exif=b"")
    return out.getvalue()


def with_text(data, text):
    """The file's bytes with caption and credit embedded, whatever its format (JPEG, PNG, WebP)."""
    if data[:2] == b"\xff\xd8":
        return jpeg_with_text(data, text)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return png_with_text(data, text)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return webp_with_text(data, text)
    return data


class _Pipe:
    """A write-only file for zipfile whose written bytes the generator takes away as it goes."""

    def __init__(self):
        self.chunks = []
        self.written = 0

    def write(self, data):
        self.chunks.append(bytes(data))
        self.written += len(data)
        return len(data)

    def tell(self):
        return self.written

    def flush(self):
        pass

    def take(self):
        data, self.chunks = b"".join(self.chunks), []
        return data


def stream_zip(entries):
    """Yield a zip of `entries` — (path in the zip, date_time tuple, callable giving the bytes) —
    file by file: at most one file is held in memory, never the whole set, and nothing on disk."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_STORED) as archive:
        for path, date_time, read in entries:
            info = zipfile.ZipInfo(path, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            with archive.open(info, "w") as target:
                target.write(read())
            yield pipe.take()
    yield pipe.take()
