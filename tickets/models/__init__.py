from tickets.models.days import Admission, Gate, Kind, TimeSlot, VisitDay
from tickets.models.registrations import Registration, Status, WatchListEntry
from tickets.models.scans import Result, Scan

__all__ = [
    "Admission",
    "Gate",
    "Kind",
    "Registration",
    "Result",
    "Scan",
    "Status",
    "TimeSlot",
    "VisitDay",
    "WatchListEntry",
]
