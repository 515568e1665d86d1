"""Models of the event itself (re-exported so `from expo.models import X` works)."""

from expo.models.edition import Edition, EditionQuerySet, KeyFigure, Phase, Venue, validate_time_zone
from expo.models.programme import ProgrammeItem, ProgrammeItemQuerySet
from expo.models.programme_change import ProgrammeChange, ProgrammeChangeQuerySet
from expo.models.visitor import VisitorInfo

__all__ = [
    "Edition",
    "EditionQuerySet",
    "KeyFigure",
    "Phase",
    "ProgrammeChange",
    "ProgrammeChangeQuerySet",
    "ProgrammeItem",
    "ProgrammeItemQuerySet",
    "Venue",
    "VisitorInfo",
    "validate_time_zone",
]
