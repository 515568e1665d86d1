"""Personal files kept outside MEDIA_ROOT (settings.PRIVATE_MEDIA_ROOT), with no public URL, and
the badge photo every badge prints: checked by the image rules, re-encoded from its pixels.

Served only through views that check who asks (the portal to its own exhibitor, the admin to
staff with the permission, the gates to gate staff); never under MEDIA_URL.
"""

import io
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from common import images

BADGE_PHOTO_SIZE = (600, 800)


class PrivateStorage(FileSystemStorage):
    """Personal files (accreditation photos, members' papers, visitors' photos, stand staff,
    declarations' certificates): one folder outside MEDIA_ROOT, read at each use so tests and
    deployments can move it."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")


def private_storage():
    return PrivateStorage()


def badge_photo(upload):
    """Check `upload` (common.images), then a re-encoded JPEG at badge size: no EXIF, no GPS."""
    from PIL import Image, ImageOps

    images.check_upload(upload)
    upload.seek(0)
    with Image.open(upload) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail(BADGE_PHOTO_SIZE, Image.Resampling.LANCZOS)
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
