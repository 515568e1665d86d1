"""What contacts are mailed about their access, through the outbox, in the contact's language and
to them alone: the invitation (set a password) and the sign-in link."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from expo.models import Edition
from outbox import compose, registry, services
from portal.models import Contact

INVITATION = "portal.invitation"
SIGN_IN = "portal.sign_in"


def register_kinds():
    team = {"team": registry.Team.EXHIBITORS, "address_permission": Contact.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(INVITATION, _("Exhibitors' portal: invitation"), **team))
    registry.register(registry.Kind(SIGN_IN, _("Exhibitors' portal: sign-in link"), **team))


def _draft(contact, link, *, kind, template, url_name, key, base_url, **context):
    with translation.override(contact.language):
        url = base_url + reverse(url_name, kwargs={"key": key})
    context = {
        "contact": contact,
        "exhibitor": contact.exhibitor,
        "edition": Edition.objects.current(),
        "url": url,
        "minutes": int((link.expires_at - link.created_at).total_seconds() // 60),
        "days": (link.expires_at - link.created_at).days,
        **context,
    }
    subject, text, html = compose.render(template, context, language=contact.language)
    return services.draft(
        kind=kind,
        key=f"{kind}:{link.pk}",
        to_email=contact.email,
        to_name=contact.name,
        language=contact.language,
        subject=subject,
        text=text,
        html=html,
        about=contact,
    )


def invitation(contact, link, *, key, base_url, inviter_name):
    return _draft(
        contact,
        link,
        kind=INVITATION,
        template="portal/email/invitation",
        url_name="portal:welcome",
        key=key,
        base_url=base_url,
        inviter_name=inviter_name,
    )


def sign_in_link(contact, link, *, key, base_url):
    return _draft(
        contact,
        link,
        kind=SIGN_IN,
        template="portal/email/sign_in",
        url_name="portal:link_sign_in",
        key=key,
        base_url=base_url,
    )
