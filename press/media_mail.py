"""Mail of the media area, through the outbox, in the journalist's language and to them alone:
the sign-in link, a press-conference seat and its reminder."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from outbox import compose, registry, services
from outbox.models import Message
from press.models import MediaAccreditation

SIGN_IN = "press.media_sign_in"
CONFERENCE = "press.conference_seat"
REMINDER = "press.conference_reminder"


def register_kinds():
    team = {"team": registry.Team.PRESS, "address_permission": MediaAccreditation.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(SIGN_IN, _("Media area: sign-in link"), **team))
    registry.register(registry.Kind(CONFERENCE, _("Press conference: seat registered"), **team))
    registry.register(registry.Kind(REMINDER, _("Press conference: reminder"), **team))


def _url(accreditation, base_url, name, **kwargs):
    with translation.override(accreditation.language):
        return base_url + reverse(name, kwargs=kwargs or None)


def draft_to_journalist(accreditation, *, kind, key, template, context, **extra):
    """One message to one journalist, rendered in the language they applied in."""
    subject, text, html = compose.render(template, context, language=accreditation.language)
    return services.draft(
        kind=kind,
        key=key,
        to_email=accreditation.email,
        to_name=accreditation.name,
        language=accreditation.language,
        subject=subject,
        text=text,
        html=html,
        about=accreditation,
        **extra,
    )


def sign_in_link(accreditation, *, link, key, base_url):
    context = {
        "edition": accreditation.edition,
        "url": _url(accreditation, base_url, "press:media_redeem", key=key),
        "minutes": int((link.expires_at - link.created_at).total_seconds() // 60),
    }
    return draft_to_journalist(
        accreditation,
        kind=SIGN_IN,
        key=f"{SIGN_IN}:{link.pk}",
        template="press/email/media_sign_in",
        context=context,
    )


def conference_seat(registration, *, base_url):
    """The seat's confirmation now, and its reminder queued for the conference's eve (outbox send_after)."""
    accreditation, conference = registration.accreditation, registration.conference
    item = conference.programme_item
    context = {
        "edition": accreditation.edition,
        "item": item,
        "reference": accreditation.reference,
        "url": _url(accreditation, base_url, "press:media_home"),
    }
    draft_to_journalist(
        accreditation,
        kind=CONFERENCE,
        key=f"{CONFERENCE}:{registration.pk}",
        template="press/email/conference_seat",
        context=context,
    )
    remind_at = item.start - datetime.timedelta(hours=conference.reminder_hours)
    if remind_at > timezone.now():
        draft_to_journalist(
            accreditation,
            kind=REMINDER,
            key=f"{REMINDER}:{registration.pk}",
            template="press/email/conference_reminder",
            context=context,
            send_after=remind_at,
        )


def withdraw_reminder(registration):
    """A seat given back: its reminder, not sent yet, never will be."""
    Message.objects.filter(key=f"{REMINDER}:{registration.pk}", status__in=Message.EDITABLE).delete()
