"""The delegations exhibitors may ask to meet (common/meeting_parties.py): those coming to the
edition (accepted, or arrived), foreign and domestic, in protocol order, named by country and
organisation only."""

from common import meeting_parties
from delegations.models import Delegation


@meeting_parties.register
def coming_delegations(edition):
    rows = Delegation.objects.filter(edition=edition).coming().only("pk", "country", "organisation")
    return [(delegation.pk, str(delegation)) for delegation in rows.in_protocol_order()]
