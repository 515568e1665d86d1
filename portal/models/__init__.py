"""The portal's models. Personal data (contacts, stand team) declare their sensitive fields on
the model (common/sensitive.py)."""

from portal.models.access import ContactLink
from portal.models.contacts import Contact
from portal.models.declarations import Declaration, PortalDeadlines
from portal.models.proposals import Proposal, ProposalFile
from portal.models.team import StandAllowance, StandStaff

__all__ = [
    "Contact",
    "ContactLink",
    "Declaration",
    "PortalDeadlines",
    "Proposal",
    "ProposalFile",
    "StandAllowance",
    "StandStaff",
]
