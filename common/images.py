"""Uploaded images, made safe: checked before decoding, re-encoded, with thumbnails beside them.

Rules (the same for exhibit photos, logos and, later, accreditation photos):
- only JPEG, PNG or WebP, judged by the file's content, never by its name;
- at most 10 MB and 40 megapixels, the pixel count read from the header *before* decoding,
  so a pixel bomb is refused without allocating its memory;
- sides at most twentyfold apart (a 20000 × 1 strip is a trick, not a photo);
- decoded fully and strictly once: a truncated file is refused whatever its ending (a JPEG
  cut short with an end marker appended is decoded by libjpeg-turbo with warnings as errors,
  a PNG's chunks and compressed stream are checked to their end);
- orientation applied from EXIF, then re-encoded from the pixels alone, which drops every
  metadata segment (EXIF, GPS, XMP, IPTC, ICC, JPEG comments, PNG text chunks);
- thumbnails at a few widths stored next to the image, for `srcset`.

`SafeImageField` is the model field to use: its form field gives the reasons above in the
editor's language, and `keep_in_step()` (called from the model's save) does the rest.
"""

import io
import uuid
import warnings
import zlib
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_ASPECT = 20
MAX_WIDTH = 2400  # the stored "original": enough for a full-screen gallery and print
THUMBNAIL_WIDTHS = (320, 640, 1280)
ALLOWED_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


@dataclass(frozen=True)
class CheckedImage:
    format: str
    width: int
    height: int


def check_upload(file):
    """Refuse anything that is not a sound JPEG/PNG/WebP within the limits; return its facts."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
        )
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Pillow warns, then errors, on huge images; either way it is refused below.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
                if image_format not in ALLOWED_FORMATS:
                    raise _not_an_image()
                _check_pixels(width, height)
                _check_aspect(width, height)
                image.verify()
            file.seek(0)
            if not _is_complete(file.read(), image_format, height):
                raise OSError("truncated")
            file.seek(0)
            with Image.open(file) as image:
                image.load()  # verify() misses damaged pixel data; a full decode does not
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(None, None) from exc
    except UnidentifiedImageError as exc:
        raise _not_an_image() from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This image file is damaged or incomplete; please export it again and upload the new file."),
            code="damaged",
        ) from exc
    finally:
        file.seek(0)
    return CheckedImage(image_format, width, height)


def _is_complete(data, image_format, height):
    """Is the file whole, to the end of its image data?

    Checked on the bytes, strictly, because Pillow's decoders forgive: its own truncation check
    is a process-wide switch that WeasyPrint turns off on import (LOAD_TRUNCATED_IMAGES), and
    libjpeg only warns when a scan ends early at an end marker.
    """
    if image_format == "JPEG":
        import simplejpeg

        try:
            simplejpeg.decode_jpeg(data, strict=True)
        except ValueError:
            return False
        return True
    if image_format == "PNG":
        return _png_is_complete(data, height)
    return len(data) >= int.from_bytes(data[4:8], "little") + 8  # WebP: RIFF chunk size; libwebp is strict


def _png_is_complete(data, height):
    """Every chunk whole with a good CRC, up to IEND; the compressed pixels end where zlib says."""
    position, stream, ended = 8, zlib.decompressobj(), False
    header = None
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        crc = data[position + 8 + length : position + 12 + length]
        if len(body) != length or len(crc) != 4 or zlib.crc32(kind + body) != int.from_bytes(crc, "big"):
            return False
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            if stream.eof:
                return False
            # Only the stream's end matters, not its pixels: decompress in bounded steps.
            chunk = body
            while chunk and not stream.eof:
                stream.decompress(chunk, 1 << 20)
                chunk = stream.unconsumed_tail
        elif kind == b"IEND":
            ended = True
            break
        position += 12 + length
    return ended and header is not None and stream.eof and height > 0


def _not_an_image():
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP image, whatever its name says; SVG, GIF and others are refused."),
        code="format",
    )


def _too_many_pixels(width, height):
    if width is None:
        return ValidationError(
            _("This image has far too many pixels; images may have at most 40 megapixels."), code="pixels"
        )
    return ValidationError(
        _("This image is %(width)s × %(height)s pixels; images may have at most 40 megapixels."),
        code="pixels",
        params={"width": width, "height": height},
    )


def _check_aspect(width, height):
    if max(width, height) > MAX_ASPECT * max(min(width, height), 1):
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels: one side is more than %(ratio)s times the other. "
                "Crop it to a usual shape and upload it again."
            ),
            code="aspect",
            params={"width": width, "height": height, "ratio": MAX_ASPECT},
        )


def _check_pixels(width, height):
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(width, height)


def _encode(image, image_format):
    # Pillow writes some of what it read back out (a JPEG's comment, XMP, ICC): the pixels
    # alone are kept, and a palette image's transparent colour.
    image.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif image_format == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "WEBP", quality=82)
    return buffer.getvalue()


def store(file, *, folder, storage=None, widths=THUMBNAIL_WIDTHS):
    """Check, re-encode and save `file` with its thumbnails; return (name, width, height, renditions).

    `storage` is the public media storage unless given (a proposal's pending image: the private
    one, without thumbnails: `widths=()`).
    """
    checked = check_upload(file)
    with Image.open(file) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode.endswith("A") else "RGB")
    stem = f"{folder}/{uuid.uuid4().hex}"
    return save_renditions(image, stem=stem, image_format=checked.format, storage=storage, widths=widths)


def save_renditions(image, *, stem, image_format, storage=None, widths=THUMBNAIL_WIDTHS):
    """Save a decoded, trusted `image` at `stem.<ext>` plus its thumbnails (replacing old files).

    Returns (name, width, height, renditions); `renditions` is [{"name", "width", "height"}].
    """
    extension = ALLOWED_FORMATS[image_format][0]
    if image.width > MAX_WIDTH:
        image = image.resize(
            (MAX_WIDTH, max(1, round(image.height * MAX_WIDTH / image.width))), Image.Resampling.LANCZOS
        )
    name = _save(f"{stem}.{extension}", _encode(image, image_format), storage)
    renditions = []
    for width in widths:
        if width >= image.width:
            break
        height = max(1, round(image.height * width / image.width))
        thumbnail = image.resize((width, height), Image.Resampling.LANCZOS)
        thumb_name = _save(f"{stem}-{width}w.{extension}", _encode(thumbnail, image_format), storage)
        renditions.append({"name": thumb_name, "width": width, "height": height})
    return name, image.width, image.height, renditions


def _save(name, data, storage=None):
    storage = storage or default_storage
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(data))


def keep_in_step(instance, field_name, *, folder):
    """From a model's save(): process a freshly uploaded file in `field_name`.

    The model has `<field>_width`, `<field>_height` and `<field>_renditions` beside it.
    Files already stored (committed) are left alone, so saving a row again costs nothing.
    """
    field_file = getattr(instance, field_name)
    if not field_file or field_file._committed:
        return
    name, width, height, renditions = store(field_file.file, folder=folder)
    setattr(instance, field_name, name)
    setattr(instance, f"{field_name}_width", width)
    setattr(instance, f"{field_name}_height", height)
    setattr(instance, f"{field_name}_renditions", renditions)


def stale_alt_text(instance, field_name, alt_name, *, languages=("vi", "en")):
    """From a model's clean(): the text-alternative columns that still describe the picture a fresh
    upload replaces (unchanged since the old picture was saved). A replaced key visual kept
    "Su-30MK2 in flight" under a picture of a ship; the editor is asked to describe the new one."""
    field_file = getattr(instance, field_name)
    if not instance.pk or not field_file or field_file._committed:
        return []
    columns = [f"{alt_name}_{language}" for language in languages]
    old = type(instance)._default_manager.filter(pk=instance.pk).values(field_name, *columns).first()
    if not old or not old[field_name]:
        return []
    return [column for column in columns if old[column] and getattr(instance, column) == old[column]]


STALE_ALT_TEXT = _("The picture was replaced: say what the new one shows (this text describes the old one).")


def srcset(field_file, width, renditions):
    """'url 320w, url 640w, url 2400w' for a stored image and its thumbnails."""
    if not field_file:
        return ""
    entries = [f"{default_storage.url(r['name'])} {r['width']}w" for r in renditions or ()]
    entries.append(f"{field_file.url} {width}w")
    return ", ".join(entries)


def smallest(field_file, width, height, renditions, *, at_least=0):
    """(url, width, height) of the smallest stored version at least `at_least` pixels wide."""
    for rendition in renditions or ():
        if rendition["width"] >= at_least:
            return default_storage.url(rendition["name"]), rendition["width"], rendition["height"]
    return field_file.url, width, height


class SafeImageFormField(forms.FileField):
    """A file field that explains exactly why an image is refused (see `check_upload`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(**kwargs)

    def to_python(self, data):
        file = super().to_python(data)
        if file is not None:
            check_upload(file)
        return file


class SafeImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
