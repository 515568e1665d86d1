"""Press centre models (re-exported so `from press.models import X` works)."""

from press.models.accreditation import MediaAccreditation
from press.models.releases import PressContact, PressRelease, PressReleaseQuerySet, ReleaseAttachment, ReleasePhoto
from press.models.uploads import FactSheetUpload

__all__ = [
    "FactSheetUpload",
    "MediaAccreditation",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "ReleaseAttachment",
    "ReleasePhoto",
]
