"""What the press centre tells journalists by e-mail, through the outbox.

Each message is in the journalist's language (the one they applied in) and goes to them
alone. The accreditation messages go to an address nobody has verified (anyone can type anyone's
address in the public form), so they carry nothing the applicant typed: no name (not even in the
To header), no outlet, no link but our own status page; they say "the applicant" and give the
badge reference. Never the press card number, phone or photo.
"""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from common.sanitize import plain_text
from outbox import compose, registry, services
from outbox import unsubscribe as unsubscribe_tokens
from outbox.models import Message
from press.factsheets import site_url
from press.models import MediaAccreditation, PressContact, PressRelease
from press.tokens import status_token

RECEIVED = "press.accreditation_received"
DECISION = "press.accreditation_decision"
RELEASE = "press.release"
RELEASE_TOPIC = "press.releases"


def register_kinds():
    # Journalists' addresses are theirs to see who may see accreditations' contact details.
    team = {"team": registry.Team.PRESS, "address_permission": MediaAccreditation.SENSITIVE_PERMISSION}
    registry.register(registry.Kind(RECEIVED, _("Accreditation: application received"), **team))
    registry.register(registry.Kind(DECISION, _("Accreditation: decision"), **team))
    registry.register(registry.Kind(RELEASE, _("Press release to accredited media"), topic=RELEASE_TOPIC, **team))


def _status_url(accreditation, base_url):
    # Imported here: services imports this module to send the messages.
    with translation.override(accreditation.language):
        return base_url + reverse("press:accreditation_status", kwargs={"token": status_token(accreditation)})


def _draft_to_applicant(accreditation, *, kind, key, template, context, **extra):
    subject, text, html = compose.render(template, context, language=accreditation.language)
    return services.draft(
        kind=kind,
        key=key,
        to_email=accreditation.email,
        to_name="",  # typed by the applicant: never in mail to an unverified address
        language=accreditation.language,
        subject=subject,
        text=text,
        html=html,
        about=accreditation,
        **extra,
    )


def accreditation_received(accreditation, *, base_url=None):
    """Confirmation of an application, with the private link to its status."""
    context = {
        "accreditation": accreditation,
        "edition": accreditation.edition,
        "status_url": _status_url(accreditation, base_url or site_url()),
    }
    return _draft_to_applicant(
        accreditation,
        kind=RECEIVED,
        key=f"{RECEIVED}:{accreditation.pk}",
        template="press/email/accreditation_received",
        context=context,
    )


def accreditation_decided(accreditation, *, base_url=None):
    """Approval (with where and when to collect the badge) or refusal (with the reason).

    Keyed by the decision's time, so a changed decision is told again but a repeated save is not.
    """
    edition = accreditation.edition
    context = {
        "accreditation": accreditation,
        "edition": edition,
        "approved": accreditation.status == MediaAccreditation.Status.APPROVED,
        "status_url": _status_url(accreditation, base_url or site_url()),
        "contacts": list(PressContact.objects.filter(edition=edition)),
    }
    stamp = accreditation.decided_at.timestamp() if accreditation.decided_at else 0
    return _draft_to_applicant(
        accreditation,
        kind=DECISION,
        key=f"{DECISION}:{accreditation.pk}:{accreditation.status}:{stamp:.0f}",
        template="press/email/accreditation_decision",
        context=context,
    )


def send_release(release, *, base_url=None):
    """The release to every approved journalist of its edition, once its embargo has lifted.

    Returns how many messages were made; a journalist already sent this release, or who
    unsubscribed, gets nothing.
    """
    if release.publish_at > timezone.now():
        return 0
    base_url = base_url or site_url()
    journalists = MediaAccreditation.objects.filter(
        edition_id=release.edition_id, status=MediaAccreditation.Status.APPROVED
    ).order_by("pk")
    made, seen = 0, set()
    for accreditation in journalists:
        email = accreditation.email.strip().lower()
        if email in seen or services.is_unsubscribed(email=email, topic=RELEASE_TOPIC):
            continue
        seen.add(email)
        key = f"{RELEASE}:{release.pk}:{email}"
        if Message.objects.filter(key=key).exists():
            continue  # already sent (or queued) to this journalist
        token = unsubscribe_tokens.token(email=email, topic=RELEASE_TOPIC)
        # In the journalist's language if the release exists in it; else the original, saying so.
        version = release.version(accreditation.language)
        with translation.override(accreditation.language):
            unsubscribe_url = base_url + reverse("outbox:unsubscribe", kwargs={"token": token})
            release_url = base_url + release.get_absolute_url()
            context = {
                "release": release,
                "version": version,
                "original_language": translation.get_language_info(version.language)["name_translated"],
                "body": plain_text(version.body, base_url=base_url),
                "release_url": release_url,
                "unsubscribe_url": unsubscribe_url,
            }
        subject, text, html = compose.render(
            "press/email/release", context, language=accreditation.language, unsubscribe_url=unsubscribe_url
        )
        services.draft(
            kind=RELEASE,
            key=key,
            to_email=accreditation.email,
            to_name=accreditation.name,
            language=accreditation.language,
            subject=subject,
            text=text,
            html=html,
            about=release,
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
        made += 1
    return made


def schedule_release(release):
    """Queue the mailing of a release for the moment its embargo lifts (at once if it has)."""
    from press.tasks import mail_release

    when = release.publish_at
    backend = mail_release.get_backend()
    if when > timezone.now():
        if not backend.supports_defer:
            return None  # the inline demo queue cannot wait: `manage.py send_due_releases` catches up
        return mail_release.using(run_after=when).enqueue(release.pk)
    return mail_release.enqueue(release.pk)


def recently_lifted(hours, now=None):
    """Releases whose embargo lifted in the last `hours` (for catching up without a deferring queue)."""
    now = now or timezone.now()
    return PressRelease.objects.published(now).filter(publish_at__gte=now - datetime.timedelta(hours=hours))
