"""The exhibitor's declarations (one per exhibit and edition), their papers, and the deadlines page.

Every read starts from `request.exhibitor` (`own()`): another exhibitor's exhibit or paper is a 404.
"""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from exhibitors.models import Product
from portal import deadlines
from portal.access import exhibitor_area, own
from portal.declarations import declaration_of, submit, with_declaration
from portal.models import Declaration


class DeclarationForm(forms.ModelForm):
    class Meta:
        model = Declaration
        fields = (
            "is_weapon",
            "has_energetic_material",
            "condition",
            "export_control",
            "licence_number",
            "deactivation_certificate",
            "export_licence",
        )
        # A plain file input: the stored paper is private (no URL); the page links it through this view.
        widgets = {
            "deactivation_certificate": forms.FileInput(attrs={"accept": "application/pdf"}),
            "export_licence": forms.FileInput(attrs={"accept": "application/pdf"}),
        }


def _edition_or_404(request):
    if not request.edition:
        raise Http404("No current edition")
    return request.edition


@require_safe
@exhibitor_area
def declarations(request):
    edition = request.edition
    rows = []
    if edition:
        products = own(Product.objects.all(), request).only("pk", "name_vi", "name_en", "slug", "exhibitor_id")
        for product in with_declaration(products.order_by("name_vi", "pk"), edition):
            rows.append((product, declaration_of(product)))
    context = {
        "rows": rows,
        "deadline": deadlines.deadline_for(edition, "declarations") if edition else None,
        "statuses": Declaration.Status,
    }
    return render(request, "portal/declarations/list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def declaration(request, product_id):
    edition = _edition_or_404(request)
    product = get_object_or_404(own(Product.objects.all(), request), pk=product_id)
    current = Declaration.objects.filter(product=product, edition=edition).first()
    instance = current or Declaration(product=product, edition=edition)
    locked = current is not None and current.status == Declaration.Status.APPROVED
    form = DeclarationForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and not locked and form.is_valid():
        submit(form.save(commit=False))
        messages.success(request, _("Declaration sent to the organisers for review."))
        return redirect("portal:declarations")
    # A POST to an approved declaration changes nothing: it conflicts with the organisers' decision.
    status = (409 if locked else 400) if request.method == "POST" else 200
    context = {"product": product, "form": form, "declaration": current, "locked": locked}
    return render(request, "portal/declarations/form.html", context, status=status)


@require_safe
@exhibitor_area
def document(request, pk, document):
    """One of the exhibitor's own papers, as a download (never inline, never cached)."""
    found = get_object_or_404(own(Declaration.objects.all(), request, field="product__exhibitor"), pk=pk)
    paper = getattr(found, document)
    if not paper:
        raise Http404("No such paper")
    return FileResponse(paper.open("rb"), as_attachment=True, filename=paper.name.rsplit("/", 1)[-1])


@require_safe
@exhibitor_area
def deadlines_page(request):
    edition = request.edition
    areas = []
    if edition:
        dates = deadlines.deadlines_of(edition)
        gaps = deadlines.missing_for(request.exhibitor, edition)
        for area in deadlines.AREAS:
            day = deadlines.deadline_for(edition, area, deadlines=dates)
            areas.append(
                {
                    "label": deadlines.AREA_LABELS[area],
                    "day": day,
                    "past": deadlines.is_past(edition, day),
                    "days_left": deadlines.days_left(edition, day),
                    "missing": gaps[area],
                }
            )
    return render(request, "portal/declarations/deadlines.html", {"areas": areas})
