"""The exhibitor is told by e-mail when the security team refuses members of its stand team:
one mail per exhibitor and decision, to its main contact in their language, naming only that
exhibitor's refused members and the reason (never their ID numbers)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from expo.models import Edition
from outbox import registry
from portal.declarations_mail import draft_to, recipient, site_url
from portal.models import Contact

REFUSED = "portal.stand_staff_refused"


def register_kinds():
    team = {"team": registry.Team.EXHIBITORS, "address_permission": Contact.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(REFUSED, _("Exhibitors: stand team members refused"), **team))


def refused(members):
    """Draft the mails of a refusal of `members` (decided together). Returns how many."""
    by_exhibitor = {}
    for member in members:
        by_exhibitor.setdefault(member.exhibitor_id, []).append(member)
    drafted = 0
    for exhibitor_id, refused_members in sorted(by_exhibitor.items()):
        contact = recipient(exhibitor_id)
        if contact is None:
            continue
        first = refused_members[0]
        with translation.override(contact.language):
            url = site_url() + reverse("portal:team")
        pks = "-".join(str(member.pk) for member in refused_members)
        message = draft_to(
            contact,
            kind=REFUSED,
            key=f"{REFUSED}:{exhibitor_id}:{first.decided_at:%Y%m%d%H%M%S%f}:{pks}",
            template="portal/email/staff_refused",
            about=first,
            members=refused_members,
            reason=first.reason,
            exhibitor=first.exhibitor,
            edition=Edition.objects.filter(pk=first.edition_id).first(),
            url=url,
        )
        drafted += message is not None
    return drafted
