"""The protocol team's back office (the only place delegation data is shown)."""

from delegations.admin.audit import ProtocolLogEntryAdmin
from delegations.admin.delegation import DelegationAdmin
from delegations.admin.logistics import HotelAdmin, LiaisonOfficerAdmin, VehicleAdmin
from delegations.admin.people import MemberAdmin, OfficerAdmin

__all__ = [
    "DelegationAdmin",
    "HotelAdmin",
    "LiaisonOfficerAdmin",
    "MemberAdmin",
    "OfficerAdmin",
    "ProtocolLogEntryAdmin",
    "VehicleAdmin",
]
