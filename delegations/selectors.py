"""Reads of delegation data that other parts of the site may use without importing this app."""

from delegations.models import Delegation


def confirmed_delegation_count(edition):
    """How many delegations of `edition` accepted (and may have arrived or left): one query."""
    return Delegation.objects.filter(edition=edition, status__in=Delegation.CONFIRMED_STATUSES).count()
