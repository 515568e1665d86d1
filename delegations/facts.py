"""Confirmed delegations as one number for `common.facts`; no name or detail leaves this app."""

from django.utils.translation import gettext_lazy as _

from common.facts import register_count
from delegations.models import Delegation


@register_count(key="delegations", order=50, label=_("delegations confirmed"))
def count_confirmed(edition):
    return Delegation.objects.filter(edition=edition).confirmed()
