"""Confirmed delegations as one number for `expo.facts`; no name or detail leaves this app."""

from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from expo.facts import register_count

# Delegations that said yes (or came).
CONFIRMED_STATUSES = (Delegation.Status.ACCEPTED, Delegation.Status.ARRIVED, Delegation.Status.DEPARTED)


@register_count(key="delegations", order=50, label=_("delegations confirmed"))
def count_confirmed(edition):
    return Delegation.objects.filter(edition=edition, status__in=CONFIRMED_STATUSES).count()
