"""Image uploads: refused unless a sound JPEG/PNG/WebP within limits; re-encoded without EXIF."""

import io

import pytest
import weasyprint  # noqa: F401 -- it switches Pillow to accept truncated images; we must not
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from common import images
from exhibitors.models import Product, ProductImage
from tests.factories import make_exhibitor
from tests.forms import post_new_exhibit
from tests.helpers import image_upload, png_bytes


def jpeg_with_exif(size=(1600, 900)):
    """A landscape JPEG whose EXIF says 'rotate 90°' and carries a GPS position."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (21.0, 2.0, 30.0)  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def noisy_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((600, 400), 80).convert("RGB").save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def bomb_png(size):
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG")  # a few KB on disk, gigantic once decoded
    return buffer.getvalue()


REFUSED = {
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.svg", "format"),
    "html renamed .png": (b"<!DOCTYPE html><html><body>hi</body></html>", "photo.png", "format"),
    "gif": (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        "a.gif",
        "format",
    ),
    "truncated jpeg": (noisy_jpeg()[:20000], "cut.jpg", "damaged"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_check_upload_refuses(case):
    data, name, code = REFUSED[case]
    with pytest.raises(ValidationError) as caught:
        images.check_upload(image_upload(data, name))
    assert caught.value.code == code


def test_check_upload_refuses_too_many_pixels_before_decoding():
    with pytest.raises(ValidationError) as caught:
        images.check_upload(image_upload(bomb_png((7000, 7000)), "big.png"))
    assert caught.value.code == "pixels"
    assert "7000 × 7000" in caught.value.messages[0]


def test_check_upload_refuses_a_pixel_bomb():
    # Beyond Pillow's own limit: Image.open itself refuses it, and so do we, with our message.
    with pytest.raises(ValidationError) as caught:
        images.check_upload(image_upload(bomb_png((16000, 16000)), "bomb.png"))
    assert caught.value.code == "pixels"


def test_check_upload_refuses_oversize_files():
    data = png_bytes() + b"\0" * (10 * 1024 * 1024)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            images.check_upload(image_upload(data, "huge.png"))
        message = caught.value.messages[0]
    assert caught.value.code == "too_large"
    assert message == "This file is 10.0\xa0MB; images may be at most 10.0\xa0MB."


def test_saved_image_is_upright_without_exif_and_has_thumbnails(edition, sectors):
    maker = make_exhibitor("maker", "Maker", "VN")
    product = Product.objects.create(exhibitor=maker, category=sectors["tanks"], slug="t", name_vi="Xe")
    image = ProductImage.objects.create(
        product=product, image=SimpleUploadedFile("gps.jpg", jpeg_with_exif()), alt_text_vi="Xe"
    )
    assert (image.image_width, image.image_height) == (900, 1600)  # rotated upright
    with default_storage.open(image.image.name) as stored, Image.open(stored) as reopened:
        assert reopened.format == "JPEG"
        assert reopened.size == (900, 1600)
        assert not reopened.getexif()
        assert b"SecretCam" not in stored.read()
    assert [r["width"] for r in image.image_renditions] == [320, 640]
    for rendition in image.image_renditions:
        assert default_storage.exists(rendition["name"])
    assert image.srcset().endswith(f"{image.image.url} 900w")


def test_admin_refuses_an_html_file_named_png_with_a_clear_message(admin_client, edition, sectors):
    response = post_new_exhibit(
        admin_client, sectors, image_upload(b"<html><script>x</script></html>", "photo.png"), "en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is not a JPEG, PNG or WebP image, whatever its name says" in html
    assert not Product.objects.exists()


def test_admin_refuses_a_pixel_bomb_in_vietnamese(admin_client, edition, sectors):
    response = post_new_exhibit(admin_client, sectors, image_upload(bomb_png((7000, 7000)), "big.png"), "vi")
    assert "7000 × 7000" in response.content.decode()
    assert "40 megapixel" in response.content.decode()
    assert not Product.objects.exists()


def test_admin_accepts_a_good_image(admin_client, edition, sectors):
    response = post_new_exhibit(admin_client, sectors, image_upload(png_bytes((1000, 500)), "ok.png"), "en")
    assert response.status_code == 302
    image = Product.objects.get(slug="tank-x").images.get()
    assert image.image.name.endswith(".png") and image.image_width == 1000


def test_a_replaced_exhibit_image_needs_a_new_description(edition, sectors):
    maker = make_exhibitor("maker", "Maker", "VN")
    product = Product.objects.create(exhibitor=maker, category=sectors["tanks"], slug="t", name_vi="Xe")
    image = ProductImage.objects.create(
        product=product,
        image=SimpleUploadedFile("tank.png", png_bytes((800, 600))),
        alt_text_vi="Xe tăng T-90S trên bãi trưng bày",
        alt_text_en="A T-90S tank on the display ground",
    )
    image.image = SimpleUploadedFile("radar.png", png_bytes((800, 600)))
    with translation.override("vi"):
        with pytest.raises(ValidationError) as refused:
            image.full_clean()
        # (Messages are lazy: read in the language the editor works in.)
        assert set(refused.value.message_dict) == {"alt_text_vi", "alt_text_en"}
        assert refused.value.message_dict["alt_text_vi"][0].startswith("Ảnh đã được thay: hãy mô tả ảnh mới")
    image.alt_text_vi, image.alt_text_en = "Đài ra-đa cảnh giới", "A surveillance radar"
    image.full_clean()
