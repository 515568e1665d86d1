"""Crafted images: extreme strips, metadata hidden in every segment, truncation disguised by an end marker."""

import io
import struct

import pytest
import time_machine
import weasyprint  # noqa: F401 -- it switches Pillow to accept truncated images; the checks must not care
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from common import images
from exhibitors.models import Product
from tests.forms import ACCREDITATION_URL, APPLICATIONS_OPEN, accreditation_form, post_new_exhibit
from tests.helpers import image_upload
from tests.hostile import noisy, truncated_jpeg_with_end_marker, truncated_png_with_iend

SECRETS = (b"SECRET-COMMENT", b"SECRET-XMP", b"SECRET-IPTC", b"SecretCam", b"SECRET-ICC", b"SECRET-PNG-TEXT")


def jpeg_with_every_metadata():
    """A JPEG carrying a COM comment, EXIF, XMP, an ICC profile and an IPTC (APP13) segment."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    buffer = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>SECRET-XMP</rdf:Description></x:xmpmeta>'
    icc = b"\x00" * 128 + b"SECRET-ICC"
    noisy().save(buffer, "JPEG", quality=90, comment=b"SECRET-COMMENT", exif=exif, xmp=xmp, icc_profile=icc)
    data = buffer.getvalue()
    payload = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + struct.pack(">I", 16) + b"SECRET-IPTC\x00\x00\x00\x00\x00"
    app13 = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + app13 + data[2:]


def png_with_text():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-PNG-TEXT")
    buffer = io.BytesIO()
    noisy().save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [jpeg_with_every_metadata(), png_with_text()], ids=["jpeg", "png"])
def test_reencoding_strips_every_metadata_segment(data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert any(secret in data for secret in SECRETS)
    name, _width, _height, renditions = images.store(image_upload(data, "photo.jpg"), folder="test")
    for stored in [name, *(r["name"] for r in renditions)]:
        with default_storage.open(stored) as handle:
            content = handle.read()
        for secret in SECRETS:
            assert secret not in content, (stored, secret)
        if stored.endswith(".jpg"):
            markers = _jpeg_markers(content)
            assert b"\xff\xfe" not in markers  # COM
            assert b"\xff\xe1" not in markers  # APP1: EXIF, XMP
            assert b"\xff\xe2" not in markers  # APP2: ICC
            assert b"\xff\xed" not in markers  # APP13: IPTC


def _jpeg_markers(data):
    markers, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position : position + 2]
        markers.append(marker)
        if marker == b"\xff\xda":  # start of scan: entropy data follows
            break
        position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
    return markers


@pytest.mark.parametrize(
    "data",
    [truncated_jpeg_with_end_marker(), truncated_jpeg_with_end_marker(progressive=True), truncated_png_with_iend()],
    ids=["jpeg", "progressive jpeg", "png"],
)
def test_truncated_image_with_an_end_marker_is_refused(data):
    with pytest.raises(ValidationError) as refused:
        images.check_upload(image_upload(data, "cut.jpg"))
    assert refused.value.code == "damaged"


def strip_png(size):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 20, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("size", [(20000, 1), (1, 20000), (4000, 100)])
def test_extreme_aspect_ratio_is_refused(size):
    with pytest.raises(ValidationError) as refused:
        images.check_upload(image_upload(strip_png(size), "strip.png"))
    assert refused.value.code == "aspect"


@pytest.mark.parametrize(("language", "expected"), [("en", "one side is more than 20 times the other"), ("vi", "lần")])
def test_admin_explains_a_strip_image(admin_client, edition, sectors, language, expected):
    response = post_new_exhibit(admin_client, sectors, image_upload(strip_png((20000, 1)), "strip.png"), language)
    assert response.status_code == 200
    html = response.content.decode()
    assert "20000 × 1" in html and expected in html
    assert not Product.objects.exists()


def test_wide_but_usual_images_still_pass(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name, width, height, renditions = images.store(image_upload(strip_png((3000, 200)), "banner.png"), folder="test")
    assert (width, height) == (2400, 160)
    assert all(r["height"] >= 1 for r in renditions)


def test_badge_photo_of_an_accreditation_keeps_no_metadata(client, edition, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from press.models import MediaAccreditation

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    photo = SimpleUploadedFile("me.html", jpeg_with_every_metadata(), "image/jpeg")
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):
        assert client.post(ACCREDITATION_URL, accreditation_form(photo=photo)).status_code == 302
    stored = MediaAccreditation.objects.get().photo
    assert stored.name.endswith(".jpg") and ".html" not in stored.name
    with stored.open("rb") as handle:
        content = handle.read()
    assert not [secret for secret in SECRETS if secret in content]
    assert not {b"\xff\xfe", b"\xff\xe1", b"\xff\xe2", b"\xff\xed"} & set(_jpeg_markers(content))
