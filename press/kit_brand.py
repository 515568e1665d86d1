"""The expo's own pictures in the press kit: its logo as SVG and PNG, the key visual, and the small
thumbnails the kit's index shows.

The logo is the edition's wordmark (acronym and name in both languages, in the site's Noto Sans),
drawn here so every edition has one without a designer's file; the PNG is drawn from the same text.
"""

import io
import os

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFont, ImageOps

NAVY = (14, 42, 71)
GOLD = (200, 160, 60)
THUMB = 320


def logo_svg(edition):
    acronym, name_vi, name_en = (escape(text) for text in (edition.acronym, edition.name_vi, edition.name_en or ""))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400" viewBox="0 0 1200 400">'
        f'<title>{acronym}</title><rect width="1200" height="400" fill="rgb{NAVY}"/>'
        f'<rect x="60" y="250" width="1080" height="6" fill="rgb{GOLD}"/>'
        '<g font-family="Noto Sans, Arial, sans-serif" fill="#fff">'
        f'<text x="60" y="200" font-size="150" font-weight="700">{acronym}</text>'
        f'<text x="60" y="310" font-size="34">{name_vi}</text>'
        f'<text x="60" y="360" font-size="34" fill="rgb{GOLD}">{name_en}</text>'
        "</g></svg>"
    ).encode()


def _font(size, bold=False):
    path = finders.find(f"expo/fonts/NotoSans-{'Bold' if bold else 'Regular'}.ttf")
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def logo_png(edition):
    image = Image.new("RGB", (1200, 400), NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 250, 1140, 256), fill=GOLD)
    draw.text((60, 200), edition.acronym, font=_font(150, bold=True), fill="white", anchor="ls")
    draw.text((60, 310), edition.name_vi, font=_font(34), fill="white", anchor="ls")
    draw.text((60, 360), edition.name_en or "", font=_font(34), fill=GOLD, anchor="ls")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def key_visual(edition):
    """(storage name, file name in the kit) of the edition's key visual, or None."""
    if not edition.key_visual:
        return None
    extension = os.path.splitext(edition.key_visual.name)[1].lower() or ".jpg"
    return edition.key_visual.name, f"key-visual-{edition.slug}{extension}"


def thumbnail(storage_name):
    """A small JPEG of a stored image, for the kit's index (never the full-size file twice)."""
    with default_storage.open(storage_name) as handle, Image.open(handle) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail((THUMB, THUMB))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
