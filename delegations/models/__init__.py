"""Delegations back office: invited delegations, their members, movements and programme.

Personal data of foreign officials: nothing here is public (no URL outside the admin, no API,
no sitemap), and nothing outside this app imports it.
"""

from delegations.models.delegation import Delegation, DelegationQuerySet, Interpreter, LiaisonOfficer, StatusChange
from delegations.models.engagement import Engagement
from delegations.models.logistics import Hotel, RoomAssignment, Vehicle
from delegations.models.member import FAMILY_NAME_FIRST, Member, Movement

__all__ = [
    "FAMILY_NAME_FIRST",
    "Delegation",
    "DelegationQuerySet",
    "Engagement",
    "Hotel",
    "Interpreter",
    "LiaisonOfficer",
    "Member",
    "Movement",
    "RoomAssignment",
    "StatusChange",
    "Vehicle",
]
