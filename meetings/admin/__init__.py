"""Admin of the meetings app: Protocol only. Restricted subjects are shown to named staff only."""

from meetings.admin import interviews, outcomes, requests, resources  # noqa: F401
