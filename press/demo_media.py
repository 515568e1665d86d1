"""The media area in the demo: seats at the press conferences of the programme, an early release,
and an approved (invented) journalist to sign in as — the link arrives in var/mail/."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from common import demo_registry
from expo.models import ProgrammeItem
from press.models import MediaAccreditation, PressConference, PressRelease

DEMO_JOURNALIST = "demo.journalist@example.org"


def _photo():
    out = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 130, 140)).save(out, "JPEG")
    return ContentFile(out.getvalue(), name="demo-journalist.jpg")


@demo_registry.register(order=65, label="Media area (press-conference seats, an early release, a demo journalist)")
def load(*, edition, progress):
    items = ProgrammeItem.objects.filter(edition=edition, type=ProgrammeItem.Type.PRESS_CONFERENCE)
    for item in items:
        PressConference.objects.get_or_create(programme_item=item, defaults={"seats": 30})
    # The opening day's release, under embargo until the doors open, is given to accredited media
    # early. Chosen by the edition's dates, not the clock: loaded after the opening (the tests' demo
    # is pinned to 2024) the demo still has its early release for a clock set before it.
    opening = datetime.datetime.combine(edition.start_date, datetime.time(), tzinfo=edition.tz)
    early = PressRelease.objects.filter(edition=edition, publish_at__gte=opening).order_by("publish_at").first()
    if early is not None:
        PressRelease.objects.filter(pk=early.pk).update(early_for_media=True)
    journalist = MediaAccreditation.objects.filter(edition=edition, email=DEMO_JOURNALIST).first()
    if journalist is None:
        journalist = MediaAccreditation(
            edition=edition,
            name="Demo Journalist",
            outlet="Demo Defence Weekly",
            country="GB",
            role=MediaAccreditation.Role.REPORTER,
            email=DEMO_JOURNALIST,
            phone="+44 20 7946 0000",
            press_card_number="DEMO-0001",
            language="en",
            status=MediaAccreditation.Status.APPROVED,
            decided_at=timezone.now(),
            consented_at=timezone.now(),
        )
        journalist.photo = _photo()
        journalist.save()
    return (
        f"{items.count()} press conferences with seats, {'one early release' if early else 'no early release'}, "
        f"journalist {DEMO_JOURNALIST} (approved)"
    )
