"""The demo's pending change: one exhibitor proposes a new description for its first exhibit
and a new image of it, waiting for a content editor (portal/demo.py calls `load`)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from portal import proposal_fields, proposal_services
from portal.models import Contact, Proposal


def _picture():
    """A flat drawing (never a real photo) with the word DEMO, as a PNG upload."""
    image = Image.new("RGB", (960, 640), (214, 226, 233))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 430, 960, 640], fill=(120, 140, 128))
    draw.polygon([(200, 420), (760, 420), (680, 500), (280, 500)], fill=(40, 46, 52))
    draw.rectangle([400, 340, 560, 420], fill=(40, 46, 52))
    draw.text((32, 24), "DEMO", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("demo-change.png", buffer.getvalue(), content_type="image/png")


def pending_change(exhibitor, *, contact=None):
    """Give `exhibitor` an open proposal on its first exhibit: a new description (vi and en) and a
    new image. Returns the proposal (None when the exhibitor has no exhibit). Run again, it
    updates the same proposal."""
    contact = contact or Contact.objects.with_access().filter(exhibitor=exhibitor).order_by("-is_main", "pk").first()
    product = exhibitor.products.order_by("pk").first()
    if product is None or contact is None:
        return None
    kind = Proposal.Kind.EXHIBIT
    values = proposal_fields.current_values(kind, product)
    values["description"] = {
        "vi": f"{product.name_vi}: phiên bản mới, nâng cấp hệ thống điện tử và tầm hoạt động (nội dung mẫu).",
        "en": f"{product.name_en or product.name_vi}: the new version, upgraded electronics and range (demo text).",
    }
    existing = Proposal.objects.open_for(exhibitor, kind=kind, product=product)
    uploads = {} if existing and existing.files.exists() else {"image": (_picture(), "Ảnh mẫu mới", "New demo picture")}
    return proposal_services.submit(contact=contact, kind=kind, values=values, product=product, uploads=uploads)


def load(*, contacts):
    """portal/demo.py's hook: the first demo contact's exhibitor gets the pending change."""
    for contact in contacts[:1]:
        proposal = pending_change(contact.exhibitor, contact=contact)
        if proposal is not None:
            return f"a pending change to review ({contact.exhibitor.name}: {proposal.product})"
    return "no pending change (no demo exhibit)"
