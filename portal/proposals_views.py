"""The exhibitor's profile and exhibits in the portal: every save is a proposal for the editors
(portal/proposal_services.py); the public site keeps the approved version until one approves.
Every read starts from `request.exhibitor` (`own()`): another exhibitor's id is a 404."""

import mimetypes

from django.contrib import messages
from django.db import IntegrityError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.private_files import private_storage
from exhibitors.models import Product
from portal import proposal_fields, proposal_forms, proposal_services
from portal.access import exhibitor_area, own
from portal.models import Proposal, ProposalFile

Kind = Proposal.Kind


def _shown_values(kind, form):
    """The translated texts as the form shows them now (for the "missing in" notes)."""
    return {
        field.name: {code: (form[f"{field.name}_{code}"].value() or "").strip() for code in ("vi", "en")}
        for field in proposal_fields.fields_of(kind)
        if field.translated
    }


def _last_decision(queryset):
    return queryset.exclude(status=Proposal.Status.PENDING).order_by("-decided_at", "-pk").first()


def _submitted(request, proposal):
    if proposal is None:
        messages.info(request, _("Nothing differs from the published version any more: nothing is waiting for review."))
    else:
        messages.success(request, _("Saved. The organisers review your change before it is published."))


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def profile(request):
    exhibitor, kind = request.exhibitor, Kind.PROFILE
    mine = own(Proposal.objects.filter(kind=kind), request)
    proposal = mine.filter(status=Proposal.Status.PENDING).first()
    values = proposal_fields.effective(kind, exhibitor, proposal)
    initial = proposal_forms.initial_from(kind, values)
    form = proposal_forms.ProfileForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = proposal_services.submit(
                contact=request.contact, kind=kind, values=form.values(), uploads={"logo": form.cleaned_data["logo"]}
            )
        except IntegrityError:  # another contact's first save of the same object, at the same moment
            return _conflict(request)
        _submitted(request, saved)
        return redirect("portal:profile")
    context = {
        "form": form,
        "proposal": proposal,
        "files": list(proposal.files.all()) if proposal else [],
        "missing": proposal_fields.missing(kind, _shown_values(kind, form)),
        "last": _last_decision(mine),
    }
    return render(request, "portal/proposals/profile.html", context, status=400 if form.errors else 200)


def _conflict(request):
    messages.error(request, _("Someone else saved a change at the same moment; yours was not saved. Please try again."))
    return redirect(request.path)


@require_safe
@exhibitor_area
def exhibits(request):
    products = own(Product.objects.select_related("category"), request).order_by("name_vi", "pk")
    pending = own(Proposal.objects.pending(), request).exclude(kind=Kind.PROFILE)
    waiting = {proposal.product_id for proposal in pending if proposal.product_id}
    decided = own(Proposal.objects.exclude(status=Proposal.Status.PENDING), request).exclude(kind=Kind.PROFILE)
    context = {
        "products": [(product, product.pk in waiting) for product in products],
        "new": [proposal for proposal in pending if proposal.kind == Kind.NEW_EXHIBIT],
        "decided": decided.select_related("product").order_by("-decided_at", "-pk")[:10],
    }
    return render(request, "portal/proposals/exhibits.html", context)


def _gallery(product, proposal):
    """The exhibit's images, approved and pending, each with the key its "remove" box posts."""
    rows = [
        {"key": f"i{image.pk}", "url": image.thumbnail()[0], "alt": image.alt_text, "pending": False}
        for image in (product.images.all() if product else [])
    ]
    for row in proposal.files.all() if proposal else []:
        if row.field == ProposalFile.Field.IMAGE:
            rows.append({"key": f"p{row.pk}", "url": _file_url(row), "alt": row.alt_text_vi, "pending": True})
    return rows


def _file_url(row):
    return reverse("portal:proposal_file", kwargs={"file_id": row.pk})


def _exhibit_form(request, *, product=None, proposal=None):
    kind = Kind.EXHIBIT if product is not None else Kind.NEW_EXHIBIT
    if product is not None:
        proposal = own(Proposal.objects.pending(), request).filter(kind=kind, product=product).first()
    values = proposal_fields.effective(kind, product, proposal)
    gallery = _gallery(product, proposal)
    initial = proposal_forms.initial_from(kind, values)
    initial["remove"] = [f"i{pk}" for pk in (proposal.values.get("remove_images", []) if proposal else [])]
    form = proposal_forms.ExhibitForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        image_choices=[(row["key"], row["alt"]) for row in gallery],
    )
    specs = proposal_forms.SpecificationFormSet(
        request.POST or None, initial=proposal_forms.specifications_initial(values), prefix="specs"
    )
    if request.method == "POST" and form.is_valid() and specs.is_valid():
        data = form.cleaned_data
        submitted = {**form.values(), "specifications": proposal_forms.specifications_values(specs)}
        uploads = {"brochure": data["brochure"]}
        if data["image"]:
            uploads["image"] = (data["image"], data["image_alt_vi"], data["image_alt_en"])
        try:
            saved = proposal_services.submit(
                contact=request.contact,
                kind=kind,
                values=submitted,
                product=product,
                proposal=proposal,
                uploads=uploads,
                remove=data["remove"],
            )
        except IntegrityError:
            return _conflict(request)
        _submitted(request, saved)
        return redirect("portal:exhibits")
    context = {
        "form": form,
        "specs": specs,
        "product": product,
        "proposal": proposal,
        "gallery": gallery,
        "brochure": next((r for r in (proposal.files.all() if proposal else []) if r.field == "brochure"), None),
        "missing": proposal_fields.missing(kind, _shown_values(kind, form)),
    }
    status = 400 if form.errors or any(specs.errors) or specs.non_form_errors() else 200
    return render(request, "portal/proposals/exhibit.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def exhibit(request, product_id):
    product = get_object_or_404(own(Product.objects.select_related("category"), request), pk=product_id)
    return _exhibit_form(request, product=product)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def new_exhibit(request):
    return _exhibit_form(request)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def proposed_exhibit(request, pk):
    """A new exhibit still waiting for review: edited again, it stays one proposal."""
    proposal = get_object_or_404(own(Proposal.objects.pending(), request).filter(kind=Kind.NEW_EXHIBIT), pk=pk)
    return _exhibit_form(request, proposal=proposal)


@require_POST
@exhibitor_area
def withdraw(request, pk):
    proposal = get_object_or_404(own(Proposal.objects.pending(), request), pk=pk)
    kind = proposal.kind
    proposal_services.withdraw(proposal=proposal)
    messages.success(request, _("Your change was withdrawn; the published version stays as it is."))
    return redirect("portal:profile" if kind == Kind.PROFILE else "portal:exhibits")


@require_safe
@exhibitor_area
def proposal_file(request, file_id):
    """A pending file, to its own exhibitor only (never under the public media URL)."""
    row = get_object_or_404(
        own(ProposalFile.objects.filter(proposal__status=Proposal.Status.PENDING), request, "proposal__exhibitor"),
        pk=file_id,
    )
    return serve_private(row)


def serve_private(row):
    content_type = mimetypes.guess_type(row.file.name)[0] or "application/octet-stream"
    response = FileResponse(private_storage().open(row.file.name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="{row.field}{row.file.name[row.file.name.rfind(".") :]}"'
    return response
