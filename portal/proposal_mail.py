"""The exhibitor is told of the editors' decision on its proposal, through the outbox, in the
language of the contact who submitted it (else the main contact), with nothing of another
exhibitor in it."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from expo.models import Edition
from outbox import compose, registry, services
from portal.models import Contact, Proposal

APPROVED = "portal.proposal_approved"
REJECTED = "portal.proposal_rejected"
# The portal's own outbox team is the access helper's to add (invitations); until then the
# content editors' decisions are listed with the press office's messages.
TEAM = registry.Team.PRESS


def register_kinds():
    kind = {"team": TEAM, "address_permission": Contact.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(APPROVED, _("Exhibitors' portal: change approved"), **kind))
    registry.register(registry.Kind(REJECTED, _("Exhibitors' portal: change rejected"), **kind))


def recipient(proposal):
    """Who submitted it, if they still have access; else the exhibitor's main contact."""
    contacts = Contact.objects.with_access().filter(exhibitor_id=proposal.exhibitor_id)
    submitter = contacts.filter(pk=proposal.submitted_by_id).first()
    return submitter or contacts.filter(is_main=True).first()


def decided(proposal, *, base_url=""):
    contact = recipient(proposal)
    if contact is None:
        return None
    approved = proposal.status == Proposal.Status.APPROVED
    kind = APPROVED if approved else REJECTED
    with translation.override(contact.language):
        url = (base_url or settings.EXPO_SITE_URL or "") + reverse("portal:home")
    context = {
        "proposal": proposal,
        "exhibitor": proposal.exhibitor,
        "contact": contact,
        "url": url,
        "edition": Edition.objects.current(),
    }
    template = "portal/email/proposal_approved" if approved else "portal/email/proposal_rejected"
    subject, text, html = compose.render(template, context, language=contact.language)
    return services.draft(
        kind=kind,
        key=f"{kind}:{proposal.pk}",
        to_email=contact.email,
        to_name=contact.name,
        language=contact.language,
        subject=subject,
        text=text,
        html=html,
        about=proposal,
    )
