"""Models of the event itself (re-exported so `from expo.models import X` works)."""

from expo.models.edition import Edition, EditionQuerySet, KeyFigure, Phase, Venue, validate_time_zone
from expo.models.programme import ProgrammeItem, ProgrammeItemQuerySet

__all__ = [
    "Edition",
    "EditionQuerySet",
    "KeyFigure",
    "Phase",
    "ProgrammeItem",
    "ProgrammeItemQuerySet",
    "Venue",
    "validate_time_zone",
]
