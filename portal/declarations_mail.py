"""What exhibitors are told by e-mail about declarations and deadlines, through the outbox, each
contact in their own language. A mail names one exhibitor's own exhibits and gaps, never another's."""

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from outbox import compose, registry, services
from portal import deadlines
from portal.models import Contact

REMINDER = "portal.deadline_reminder"
DECISION = "portal.declaration_decision"


def register_kinds():
    team = {"team": registry.Team.EXHIBITORS, "address_permission": Contact.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(REMINDER, _("Exhibitors: what is still missing after a deadline"), **team))
    registry.register(registry.Kind(DECISION, _("Exhibitors: decision on a declaration"), **team))


def site_url():
    from tickets.passes import site_url as url

    return url()


def recipient(exhibitor_id):
    """Who hears for the exhibitor: the main contact, else the first invited, among those with access."""
    return (
        Contact.objects.with_access().filter(exhibitor_id=exhibitor_id).order_by("-is_main", "invited_at", "pk").first()
    )


def draft_to(contact, *, kind, key, template, about, **context):
    """A mail of `kind` to `contact` in their language, rendered from `template` (the outbox's draft)."""
    subject, text, html = compose.render(template, {"contact": contact, **context}, language=contact.language)
    return services.draft(
        kind=kind,
        key=key,
        to_email=contact.email,
        to_name=contact.name,
        language=contact.language,
        subject=subject,
        text=text,
        html=html,
        about=about,
    )


def remind_late(edition, *, exhibitor_ids=None):
    """One mail per late exhibitor (to its main contact, in their language) listing everything
    still missing in every area whose deadline has passed. At most one a day per exhibitor.
    Returns the number of mails drafted."""
    dates = deadlines.deadlines_of(edition)
    late = deadlines.late(edition, dates=dates)
    ids = set().union(*(found.keys() for found in late.values())) if late else set()
    if exhibitor_ids is not None:
        ids &= set(exhibitor_ids)
    contacts = [contact for contact in (recipient(pk) for pk in sorted(ids)) if contact is not None]
    today = edition.local_today()
    drafted = 0
    for language in {contact.language for contact in contacts}:
        group = [contact for contact in contacts if contact.language == language]
        with translation.override(language):
            exhibitors = deadlines.Exhibitor.objects.filter(Q(pk__in=[contact.exhibitor_id for contact in group]))
            gaps = {area: deadlines.missing(exhibitors, edition, area) for area in late}
            url = site_url() + reverse("portal:deadlines")
        for contact in group:
            areas = [
                (
                    deadlines.AREA_LABELS[area],
                    deadlines.deadline_for(edition, area, deadlines=dates),
                    gaps_of[contact.exhibitor_id],
                )
                for area, gaps_of in gaps.items()
                if contact.exhibitor_id in gaps_of
            ]
            if not areas:
                continue
            key = f"{REMINDER}:{edition.pk}:{contact.exhibitor_id}:{today.isoformat()}"
            context = {"edition": edition, "areas": areas, "portal_url": url}
            draft_to(contact, kind=REMINDER, key=key, template="portal/email/reminder", about=contact, **context)
            drafted += 1
    return drafted


def decision(declaration):
    """Tell the exhibitor an organiser approved or refused a declaration (with the reason)."""
    contact = recipient(declaration.product.exhibitor_id)
    if contact is None:
        return None
    with translation.override(contact.language):
        url = site_url() + reverse("portal:declarations")
    key = f"{DECISION}:{declaration.pk}:{declaration.decided_at.isoformat()}"
    context = {"declaration": declaration, "edition": declaration.edition, "portal_url": url}
    return draft_to(contact, kind=DECISION, key=key, template="portal/email/decision", about=declaration, **context)
