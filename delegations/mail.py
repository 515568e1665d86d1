"""What the protocol team tells delegations by e-mail, through the outbox.

Every message to a delegation is drafted by the system or an organiser and sent only once a
second organiser approved it (outbox.registry: second_person). Bodies name the delegation,
its head and its programme; never a passport number, a date of birth or anyone's needs.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from common.dates import DAY_TIME, formatted
from common.pdf import render_pdf
from delegations import letters
from delegations.models import Delegation, Engagement, Member, Movement
from expo.models import ProgrammeChange, ProgrammeItem
from outbox import compose, registry, services

INVITATION = "delegations.invitation"
ITINERARY = "delegations.itinerary"
UPDATE = "delegations.itinerary_update"


def register_kinds():
    common = {"team": registry.Team.PROTOCOL, "second_person": True, "address_permission": Member.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(INVITATION, gettext_lazy("Delegation: invitation letter"), **common))
    registry.register(registry.Kind(ITINERARY, gettext_lazy("Delegation: itinerary"), **common))
    registry.register(
        registry.Kind(UPDATE, gettext_lazy("Delegation: itinerary changes"), render_batch=render_update, **common)
    )


def language_of(delegation):
    """Vietnamese for Vietnamese delegations, English for foreign ones (the letter itself is bilingual)."""
    return "vi" if delegation.country.code == "VN" else "en"


def recipient(delegation):
    """The head of delegation if we have their address, else the first member (in order) who has one."""
    members = [delegation.head] if delegation.head_id else []
    members += list(delegation.members.exclude(email="").order_by("order", "pk")[:1])
    return next((m for m in members if m and m.email), None)


def salutation(member, *, level, language):
    """The letter's greeting in `language`: the right form of address, the name in its own order
    (Nguyễn Văn An, family name first; John Smith, given name first)."""
    # The rank in `language` only: an English letter never greets a "Thượng tướng".
    rank = letters.own(member, "rank", language)
    with translation.override(language):
        name = member.full_name
        if level in (Delegation.Level.MINISTER, Delegation.Level.DEPUTY_MINISTER):
            return _("Your Excellency %(name)s,") % {"name": f"{rank} {name}".strip()}
        honorific = {
            Member.Gender.MALE: pgettext("form of address", "Mr"),
            Member.Gender.FEMALE: pgettext("form of address", "Ms"),
        }.get(member.gender, "")
        title = rank or honorific
        return (
            _("Dear %(title)s %(name)s,") % {"title": title, "name": name}
            if title
            else _("Dear %(name)s,") % {"name": name}
        )


def _local(moment, delegation):
    return formatted(moment, DAY_TIME, delegation.edition.tz)


def _draft(delegation, *, kind, key, template, context, by, attachments=()):
    head = recipient(delegation)
    if head is None:
        return None
    language = language_of(delegation)
    context = {**context, "delegation": delegation, "edition": delegation.edition, "head": head}
    context["salutation"] = salutation(head, level=delegation.level, language=language)
    context["organisation"] = letters.own(delegation, "organisation", language)
    with translation.override(language):
        subject, text, html = compose.render(template, context, language=language)
    return services.draft(
        kind=kind,
        key=f"{key}:{head.email.lower()}",
        to_email=head.email,
        to_name=letters.title_and_name(head, language),
        language=language,
        subject=subject,
        text=text,
        html=html,
        about=delegation,
        drafted_by=by,
        attachments=attachments,
    )


def invitation_pdf(delegation, head):
    """The letter in Vietnamese and in English, one page each (delegations.letters)."""
    pages = [
        letters.page(delegation, head, language, salutation(head, level=delegation.level, language=language))
        for language in letters.LANGUAGES
    ]
    context = {"delegation": delegation, "edition": delegation.edition, "head": head, "letters": pages}
    return render_pdf("delegations/pdf/invitation.html", context)


def draft_invitation(delegation, *, by):
    """Draft the invitation e-mail with the bilingual letter attached; None if nobody has an address."""
    head = recipient(delegation)
    if head is None:
        return None
    filename = f"invitation-{delegation.edition.slug}-{delegation.country.code.lower()}-{delegation.pk}.pdf"
    attachment = (filename, invitation_pdf(delegation, head), "application/pdf")
    return _draft(
        delegation,
        kind=INVITATION,
        key=f"{INVITATION}:{delegation.pk}",
        template="delegations/email/invitation",
        context={},
        by=by,
        attachments=[attachment],
    )


def itinerary_context(delegation):
    engagements = Engagement.objects.filter(delegation=delegation).select_related("programme_item__venue", "venue")
    movements = Movement.objects.filter(delegation=delegation).select_related("member")
    return {
        "engagements": sorted(_engagement_row(e, delegation) for e in engagements),
        "movements": [
            (_local(m.at, delegation), m.get_kind_display(), m.flight, m.member.full_name if m.member else "")
            for m in movements
        ],
    }


def _engagement_row(engagement, delegation):
    # A programme item's own time and venue are the current ones (it may have moved since it was booked).
    item = engagement.programme_item
    start = item.start if item else engagement.start
    venue = (item.venue if item else None) or engagement.venue
    return (_local(start, delegation), engagement.title, venue.name if venue else "")


def draft_itinerary(delegation, *, by):
    """The programme and travel plan, drafted when the delegation's acceptance is recorded."""
    language = language_of(delegation)
    with translation.override(language):
        context = itinerary_context(delegation)
    return _draft(
        delegation,
        kind=ITINERARY,
        key=f"{ITINERARY}:{delegation.pk}:{timezone.now().timestamp():.0f}",
        template="delegations/email/itinerary",
        context=context,
        by=by,
    )


def record_change(delegation, describe):
    """Add one change (describe(language) -> text) to the delegation's open batch of itinerary updates."""
    # A delegation that is coming holds an itinerary from us, so changes to it are worth telling.
    if delegation.status not in Delegation.COMING_STATUSES:
        return None
    head = recipient(delegation)
    if head is None:
        return None
    language = language_of(delegation)
    with translation.override(language):
        line = describe(delegation)
    window = datetime.timedelta(minutes=getattr(settings, "EXPO_ITINERARY_BATCH_MINUTES", 30))
    return services.add_to_batch(
        kind=UPDATE,
        batch_key=f"{UPDATE}:{delegation.pk}",
        line=line,
        to_email=head.email,
        to_name=letters.title_and_name(head, language),
        language=language,
        window=window,
        about=delegation,
    )


def render_update(message, lines):
    """Body of a batch of itinerary changes: what changed, then the itinerary as it now stands."""
    delegation = Delegation.objects.select_related("edition", "head").get(pk=message.about_id)
    head = recipient(delegation)
    with translation.override(message.language):
        context = {
            **itinerary_context(delegation),
            "delegation": delegation,
            "edition": delegation.edition,
            "lines": lines,
            "salutation": salutation(head, level=delegation.level, language=message.language) if head else "",
        }
    return compose.render("delegations/email/itinerary_update", context, language=message.language)


def tell_programme_changes(changes):
    """Listener for public programme changes (expo.programme.services): tell each engaged delegation."""
    for change in changes:
        item = change.item
        engaged = (
            Delegation.objects.coming()
            .filter(engagements__programme_item=item)
            .distinct()
            .select_related("edition", "head")
        )
        for delegation in engaged:
            record_change(delegation, lambda d, change=change: describe_programme_change(change, d))


def describe_programme_change(change, delegation):
    item = change.item
    kind = ProgrammeChange.Kind
    if change.kind == kind.STATUS and change.new_status == ProgrammeItem.Status.CANCELLED:
        return _("Cancelled: %(title)s (%(when)s)") % {"title": item.title, "when": _local(item.start, delegation)}
    if change.kind == kind.VENUE:
        return _("Moved: %(title)s (%(when)s) is now at %(venue)s") % {
            "title": item.title,
            "when": _local(item.start, delegation),
            "venue": change.new_venue.name if change.new_venue else "—",
        }
    if change.kind == kind.TIME:
        return _("New time: %(title)s, %(old)s → %(new)s") % {
            "title": item.title,
            "old": _local(change.old_start, delegation),
            "new": _local(change.new_start, delegation),
        }
    return _("%(title)s (%(when)s): %(status)s") % {
        "title": item.title,
        "when": _local(item.start, delegation),
        "status": ProgrammeItem.Status(change.new_status).label if change.new_status else "",
    }


def tell_engagement_changes(*, delegation, added, changed, removed):
    """Organisers edited the delegation's programme: one line per engagement added, changed or removed."""
    labels = (
        (added, gettext_lazy("Added: %(title)s (%(when)s)")),
        (changed, gettext_lazy("Changed: %(title)s (%(when)s)")),
        (removed, gettext_lazy("Removed: %(title)s (%(when)s)")),
    )

    def describe(engagement, label):
        # Called inside the delegation's language, so kind names and venues come out in it.
        def line(delegation):
            when, title, venue = _engagement_row(engagement, delegation)
            return str(label) % {"title": title, "when": when} + (f" · {venue}" if venue else "")

        return line

    for engagements, label in labels:
        for engagement in engagements:
            record_change(delegation, describe(engagement, label))
