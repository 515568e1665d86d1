"""Meeting requests, places and slots, scheduled meetings, and the outcomes ledger.

Foreign keys to delegations are written as strings: public modules read these models (the
results page counts meetings held) and must never import `delegations`.
"""

from meetings.models.interviews import InterviewRequest
from meetings.models.meeting import Meeting
from meetings.models.outcomes import Agreement
from meetings.models.requests import MeetingRequest, RequestStep
from meetings.models.resources import MeetingDay, MeetingPlace, MeetingPlan

__all__ = [
    "Agreement",
    "InterviewRequest",
    "Meeting",
    "MeetingDay",
    "MeetingPlace",
    "MeetingPlan",
    "MeetingRequest",
    "RequestStep",
]
