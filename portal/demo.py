"""The portal in the demo: two invented exhibitors' main contacts (one reads Vietnamese, one
English) who sign in with a known demo password, and one meeting request to a coming delegation.

The password is printed only in the demo (EXPO_DEMO=1, which `make run` sets): by `load_demo`
as it loads these rows, and again by `manage.py portal_demo_logins`. The other portal areas add
their demo rows (a pending change, a declaration to review, a stand team) in modules of their
own, called from here when they are present.
"""

import importlib
import importlib.util
import inspect

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from common import demo_registry, meeting_parties
from exhibitors.models import Exhibitor
from meetings import exhibitor_side
from meetings.models import MeetingDay, MeetingRequest
from portal.models import Contact

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 -- the demo's, printed only with EXPO_DEMO on
# exhibitor slug, contact's name, e-mail (the sign-in), language
DEMO_CONTACTS = [
    ("dong-nai-optics", "Nguyễn Thị Lan", "lan.nguyen@dong-nai-optics.example", "vi"),
    ("redwood-aerospace", "Sam Carter", "sam.carter@redwood-aerospace.example", "en"),
]
# Each area's own demo rows: `load(*, edition, contacts, progress)` -> a one-line summary (any of
# those keywords it does not take is left out). Looked up by name: an area not built yet is skipped.
AREA_DEMOS = ("portal.demo_proposals", "portal.demo_team", "portal.demo_declarations")
DEMO_SUBJECT = "Quang học cho tàu tuần tra (demo)"


@demo_registry.register(order=75, label="Exhibitors' portal (two demo contacts, a meeting request)")
def load(*, edition, progress):
    contacts = [_contact(*row) for row in DEMO_CONTACTS]
    contacts = [contact for contact in contacts if contact is not None]
    asked = _meeting_request(edition, contacts[0]) if contacts else None
    summaries = [
        f"{len(contacts)} portal contacts",
        f"a meeting request to {asked.delegation}" if asked else "no meeting request (no coming delegation)",
    ]
    summaries += [summary for summary in _area_demos(edition, contacts, progress) if summary]
    # `make run` shows the sign-ins here: a command of their own cost the demo's start a second.
    return "\n".join([", ".join(summaries), *(sign_ins(contacts) if settings.EXPO_DEMO else [])])


def sign_ins(contacts):
    """A line per demo contact: the portal's address in the contact's language, e-mail and password."""
    lines = []
    for contact in contacts:
        with translation.override(contact.language):
            url = (settings.EXPO_SITE_URL or "") + reverse("portal:home")
        sign_in = f"sign in as {contact.email} / {DEMO_PASSWORD}"
        lines.append(f"Exhibitors' portal ({contact.exhibitor.name}): {url}  {sign_in}")
    return lines


def _contact(slug, name, email, language):
    exhibitor = Exhibitor.objects.filter(slug=slug).first()
    if exhibitor is None:
        return None
    user, _ = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    user.set_password(DEMO_PASSWORD)
    user.is_staff = user.is_superuser = False
    user.is_active = True
    user.save()
    contact, _ = Contact.objects.update_or_create(
        email=email,
        defaults={
            "exhibitor": exhibitor,
            "user": user,
            "name": name,
            "language": language,
            "is_main": True,
            "removed_at": None,
        },
    )
    return contact


def _meeting_request(edition, contact):
    """The Vietnamese-speaking demo exhibitor asks the first coming delegation it has not asked yet."""
    mine = MeetingRequest.objects.filter(
        edition=edition, counterpart_exhibitor=contact.exhibitor, asked_by=MeetingRequest.AskedBy.COUNTERPART
    )
    existing = mine.filter(subject=DEMO_SUBJECT).select_related("delegation").first()
    if existing is not None:
        return existing
    for delegation_id, _ in meeting_parties.delegations_to_meet(edition):
        if not exhibitor_side.is_open_with(contact.exhibitor, edition, delegation_id):
            days = MeetingDay.objects.filter(edition=edition).order_by("date")[:2]
            return exhibitor_side.ask_delegation(
                exhibitor=contact.exhibitor,
                edition=edition,
                delegation_id=delegation_id,
                subject=DEMO_SUBJECT,
                purpose="Giới thiệu kính ngắm và camera nhiệt cho tàu tuần tra; nội dung demo.",
                wished_days=list(days),
                language="",
                restricted=False,
                by=contact.user,
            )
    return None


def _area_demos(edition, contacts, progress):
    given = {"edition": edition, "contacts": contacts, "progress": progress}
    for name in AREA_DEMOS:
        if importlib.util.find_spec(name) is None:
            continue
        loader = importlib.import_module(name).load
        accepted = inspect.signature(loader).parameters
        yield loader(**{key: value for key, value in given.items() if key in accepted})
