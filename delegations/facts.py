"""Confirmed delegations as one number for `expo.facts`; no name or detail leaves this app."""

from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from expo.facts import register_count


@register_count(key="delegations", order=50, label=_("delegations confirmed"))
def count_confirmed(edition):
    return Delegation.objects.filter(edition=edition).confirmed()
