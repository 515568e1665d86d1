"""Press centre models (re-exported so `from press.models import X` works)."""

from press.models.accreditation import MediaAccreditation
from press.models.media import (
    MediaSignInLink,
    MediaVideo,
    PressConference,
    PressConferenceRegistration,
)
from press.models.releases import PressContact, PressRelease, PressReleaseQuerySet, ReleaseAttachment, ReleasePhoto
from press.models.uploads import FactSheetUpload

__all__ = [
    "FactSheetUpload",
    "MediaAccreditation",
    "MediaSignInLink",
    "MediaVideo",
    "PressConference",
    "PressConferenceRegistration",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "ReleaseAttachment",
    "ReleasePhoto",
]
