"""Demo stand team: two invented stand staff for one demo exhibitor, one approved (its badge
prints and scans at the demo gates) and one waiting to be vetted. Called from portal/demo.py
(`AREA_DEMOS`) with the demo contacts."""

import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from common.private_files import badge_photo
from portal.models import StandStaff
from portal.models.team import Status

PEOPLE = (
    ("Nguyễn Thị Demo", "Trưởng gian hàng (demo)", "VN", "DEMO-C1234567", Status.APPROVED, "#9fb8c9"),
    ("Alex Example (invented)", "Sales engineer (demo)", "GB", "DEMO-GB7654321", Status.TO_VET, "#c9b39f"),
)


def _portrait(colour):
    """A plain silhouette, so the demo badge has a photo without anyone's face."""
    image = Image.new("RGB", (300, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((95, 60, 205, 170), fill="#555555")
    draw.ellipse((50, 190, 250, 460), fill="#555555")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


def load(*, edition, contacts):
    """portal/demo.py's hook: the first demo contact's exhibitor gets its two stand staff."""
    if not contacts:
        return ""
    members = give(edition=edition, exhibitor=contacts[0].exhibitor)
    return f"{len(members)} stand staff for {contacts[0].exhibitor.name} (1 to vet)"


def give(*, edition, exhibitor):
    """Give `exhibitor` its two demo stand staff at `edition` (again: nothing changes). Returns them."""
    members = []
    for name, role, country, number, status, colour in PEOPLE:
        member = StandStaff.objects.filter(exhibitor=exhibitor, edition=edition, id_number=number).first()
        if member is None:
            decided = status != Status.TO_VET
            member = StandStaff.objects.create(
                exhibitor=exhibitor,
                edition=edition,
                name=name,
                role=role,
                nationality=country,
                id_number=number,
                photo=badge_photo(_portrait(colour)),
                status=status,
                decided_at=timezone.now() if decided else None,
            )
        members.append(member)
    return members
