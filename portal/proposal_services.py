"""Writes of proposals: an exhibitor submits (or updates its open proposal); an editor approves
(the catalogue's rows are written in one transaction, and the cache contract moves the public
site's versions when it commits) or rejects with a reason. Either way the exhibitor is told."""

import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import images
from common.admin import unique_slug
from common.private_files import private_storage
from common.text import nfc
from exhibitors import services as catalogue
from exhibitors.models import Product, ProductImage, ProductSpecification, Sector
from portal import proposal_fields, proposal_mail
from portal.models import Proposal, ProposalFile

File = ProposalFile.Field


def _store_image(upload, proposal, field, alt=("", "")):
    """The strict pipeline (checked, re-encoded, metadata dropped) into private storage."""
    name, width, height, _renditions = images.store(
        upload, folder="portal/proposals", storage=private_storage(), widths=()
    )
    return ProposalFile.objects.create(
        proposal=proposal, field=field, file=name, width=width, height=height, alt_text_vi=alt[0], alt_text_en=alt[1]
    )


def _forget_files(files):
    """Delete pending files (rows now, the stored files once the transaction commits)."""
    names = [row.file.name for row in files]
    ProposalFile.objects.filter(pk__in=[row.pk for row in files]).delete()
    storage = private_storage()
    transaction.on_commit(lambda: [storage.delete(name) for name in names if storage.exists(name)])


@transaction.atomic
def submit(*, contact, kind, values, product=None, proposal=None, uploads=None, remove=()):
    """Record the exhibitor's change as its open proposal for the object (created or updated).

    `values` hold every editable field as the form shows it; only what differs from the approved
    row is kept. `uploads`: {"logo"|"brochure": file, "image": (file, alt_vi, alt_en)}. `remove`:
    "i<id>" approved images to remove, "p<id>" pending images to drop. Returns the proposal, or None
    when nothing differs any more (an open proposal then is withdrawn).
    """
    exhibitor, uploads = contact.exhibitor, uploads or {}
    obj = exhibitor if kind == Proposal.Kind.PROFILE else product
    changed = proposal_fields.changes(kind, values, proposal_fields.current_values(kind, obj))
    if kind == Proposal.Kind.NEW_EXHIBIT:
        changed = values
    if proposal is None and kind != Proposal.Kind.NEW_EXHIBIT:
        proposal = Proposal.objects.select_for_update().open_for(exhibitor, kind=kind, product=product)
    if proposal is None:
        proposal = Proposal(exhibitor=exhibitor, product=product, kind=kind)
    removed = sorted({int(key[1:]) for key in remove if key.startswith("i") and key[1:].isdigit()})
    if removed:
        changed["remove_images"] = removed
    proposal.values, proposal.submitted_by, proposal.submitted_at = changed, contact, timezone.now()
    proposal.save()
    files = list(proposal.files.all())
    dropped = [row for row in files if f"p{row.pk}" in remove]
    for field in (File.LOGO, File.BROCHURE):
        if uploads.get(field):
            dropped += [row for row in files if row.field == field]
    _forget_files(dropped)
    if uploads.get(File.LOGO):
        _store_image(uploads[File.LOGO], proposal, File.LOGO)
    if uploads.get(File.IMAGE):
        upload, alt_vi, alt_en = uploads[File.IMAGE]
        _store_image(upload, proposal, File.IMAGE, (nfc(alt_vi).strip(), nfc(alt_en).strip()))
    if uploads.get(File.BROCHURE):
        row = ProposalFile(proposal=proposal, field=File.BROCHURE)
        row.file.save("brochure.pdf", uploads[File.BROCHURE], save=True)
    if not changed and not proposal.files.exists():
        proposal.delete()  # back to the approved version: nothing left to review
        return None
    return proposal


def _public_copy(row, stem):
    """The pending file's bytes as a fresh upload, for the public field's own pipeline."""
    with private_storage().open(row.file.name, "rb") as handle:
        data = handle.read()
    return ContentFile(data, name=f"{stem}{posixpath.splitext(row.file.name)[1]}")


def _set_translated(obj, name, value):
    for code in ("vi", "en"):
        setattr(obj, f"{name}_{code}", value.get(code, ""))


def _apply_profile(exhibitor, values, files):
    for field in proposal_fields.PROFILE:
        if field.name in values and field.name != "sectors":
            if field.translated:
                _set_translated(exhibitor, field.name, values[field.name])
            else:
                setattr(exhibitor, field.name, values[field.name])
    logo = next((row for row in files if row.field == File.LOGO), None)
    if logo is not None:
        exhibitor.logo = _public_copy(logo, "logo")
    exhibitor.full_clean(exclude=["logo"])
    exhibitor.save()
    if "sectors" in values:
        exhibitor.sectors.set(Sector.objects.filter(pk__in=values["sectors"]))


def _apply_exhibit(product, values, files):
    for field in proposal_fields.EXHIBIT:
        if field.name not in values or field.name == "specifications":
            continue
        if field.translated:
            _set_translated(product, field.name, values[field.name])
        elif field.name == "category":
            product.category_id = values["category"]
        else:
            setattr(product, field.name, values[field.name])
    brochure = next((row for row in files if row.field == File.BROCHURE), None)
    if brochure is not None:
        product.brochure = _public_copy(brochure, "brochure")
    product.full_clean(exclude=None if brochure is not None else ["brochure"])
    product.save()
    if "specifications" in values:
        product.specifications.all().delete()
        for order, spec in enumerate(values["specifications"]):
            ProductSpecification.objects.create(
                product=product,
                order=order,
                label_vi=spec["label"]["vi"],
                label_en=spec["label"]["en"],
                value=spec["value"],
            )
    product.images.filter(pk__in=values.get("remove_images") or []).delete()
    order = max((image.order for image in product.images.all()), default=-1) + 1
    for offset, row in enumerate(row for row in files if row.field == File.IMAGE):
        ProductImage.objects.create(
            product=product,
            order=order + offset,
            image=_public_copy(row, "image"),
            alt_text_vi=row.alt_text_vi,
            alt_text_en=row.alt_text_en,
        )


def _decided(proposal, *, by, status):
    proposal.status, proposal.decided_by, proposal.decided_at = status, by, timezone.now()


def _locked_open(proposal):
    proposal = (
        Proposal.objects.select_for_update(of=("self",)).select_related("exhibitor", "product").get(pk=proposal.pk)
    )
    if not proposal.is_open:
        raise ValidationError(_("This proposal was already decided."), code="decided")
    return proposal


@transaction.atomic
def approve(*, proposal, by, edits=None, base_url=""):
    """Publish the proposal (with the editor's `edits` over it): the catalogue's rows are written
    through their models (their validation, images re-encoded with thumbnails into public media)."""
    proposal = _locked_open(proposal)
    values = {**proposal.values, **(edits or {})}
    files = list(proposal.files.all())
    if proposal.kind == Proposal.Kind.PROFILE:
        _apply_profile(proposal.exhibitor, values, files)
    else:
        product, new = proposal.product, proposal.product is None
        if new:
            name = values["name"].get("en") or values["name"]["vi"]
            product = Product(exhibitor=proposal.exhibitor, is_published=False)
            product.slug = unique_slug(Product, product, f"{proposal.exhibitor.slug} {name}")
        _apply_exhibit(product, values, files)
        if new:
            # Published now unless something holds it back (its declaration: docs/portal.md); then
            # an editor publishes it once cleared.
            catalogue.set_published(products=Product.objects.filter(pk=product.pk), published=True)
        proposal.product = product
    proposal.values = values
    _decided(proposal, by=by, status=Proposal.Status.APPROVED)
    proposal.save()
    _forget_files(files)
    proposal_mail.decided(proposal, base_url=base_url)
    return proposal


@transaction.atomic
def reject(*, proposal, by, reason, base_url=""):
    """Turn the proposal down; the reason goes to the exhibitor. The public site never changed."""
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason: the exhibitor reads it in the mail."), code="reason")
    proposal = _locked_open(proposal)
    proposal.reason = reason
    _decided(proposal, by=by, status=Proposal.Status.REJECTED)
    proposal.save()
    _forget_files(list(proposal.files.all()))
    proposal_mail.decided(proposal, base_url=base_url)
    return proposal


def withdraw(*, proposal):
    """The exhibitor takes its open proposal back (its files go with it)."""
    with transaction.atomic():
        _forget_files(list(proposal.files.all()))
        proposal.delete()
