"""The editors' review of exhibitors' proposed changes: a field-by-field difference (each
language's text old and new with the changed words marked, images side by side), then approve,
edit and approve, or reject with a reason (portal/proposal_services.py)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from common.text import nfc
from portal import proposal_fields, proposal_services
from portal.models import Proposal, ProposalFile
from portal.proposals_views import serve_private

REVIEW = "portal.review_proposal"
# Fields an editor may retouch before approving (free text; choices and files are approved as they are).
TEXT_FIELDS = {"name", "description", "summary", "website", "press_contact", "visitor_contact", "video_url"}


def _editable(proposal):
    """[(field, [(input name, language, proposed text)])] for the free-text fields it changes."""
    rows = []
    for field in proposal_fields.fields_of(proposal.kind):
        if field.name not in TEXT_FIELDS or field.name not in proposal.values:
            continue
        value = proposal.values[field.name]
        if field.translated:
            inputs = [
                (f"edit-{field.name}-{code}", language, value.get(code, ""))
                for code, language in proposal_fields.LANGUAGES
            ]
        else:
            inputs = [(f"edit-{field.name}", "", value)]
        rows.append((field, inputs))
    return rows


def _edits(proposal, post):
    """The editor's retouched values, in the proposal's shape."""
    edits = {}
    for field, inputs in _editable(proposal):
        texts = [nfc(post.get(name, proposed)).strip() for name, _language, proposed in inputs]
        edits[field.name] = dict(zip(("vi", "en"), texts, strict=True)) if field.translated else texts[0]
    return edits


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("subject", "exhibitor", "kind", "status", "submitted_at", "changed", "decided_by")
    list_filter = ("status", "kind")
    list_select_related = ("exhibitor", "product", "decided_by")
    search_fields = ("exhibitor__name", "product__name_vi", "product__name_en")
    ordering = ("-submitted_at", "-pk")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(REVIEW)

    @admin.display(description=_("about"))
    def subject(self, obj):
        return obj.subject()

    @admin.display(description=_("fields changed"))
    def changed(self, obj):
        labels = [str(field.label) for field in proposal_fields.fields_of(obj.kind) if field.name in obj.values]
        if obj.values.get("remove_images"):
            labels.append(str(_("images removed")))
        return ", ".join(labels) or "—"

    def get_urls(self):
        view = self.admin_site.admin_view(self.pending_file)
        return [path("<int:pk>/file/<int:file_id>/", view, name="portal_proposal_file"), *super().get_urls()]

    def pending_file(self, request, pk, file_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return serve_private(get_object_or_404(ProposalFile, proposal_id=pk, pk=file_id))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        queryset = self.get_queryset(request).select_related("submitted_by")
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            raise Http404
        proposal = get_object_or_404(queryset, pk=object_id)
        errors = []
        if request.method == "POST":
            if not request.user.has_perm(REVIEW) or not proposal.is_open:
                raise PermissionDenied
            try:
                return self._decide(request, proposal)
            except ValidationError as error:
                errors = error.messages
        return self._review_page(request, proposal, errors)

    def _decide(self, request, proposal):
        base_url = request.build_absolute_uri("/").removesuffix("/")
        if "_reject" in request.POST:
            proposal_services.reject(
                proposal=proposal, by=request.user, reason=request.POST.get("reason"), base_url=base_url
            )
            self.message_user(request, _("Rejected; the exhibitor is told why."), messages.SUCCESS)
        else:
            proposal_services.approve(
                proposal=proposal, by=request.user, edits=_edits(proposal, request.POST), base_url=base_url
            )
            self.message_user(request, _("Approved and published; the exhibitor is told."), messages.SUCCESS)
        return redirect(reverse("admin:portal_proposal_changelist"))

    def _review_page(self, request, proposal, errors):
        obj = proposal.exhibitor if proposal.kind == Proposal.Kind.PROFILE else proposal.product
        if not proposal.is_open:
            obj = None  # decided: the values it published or proposed, against nothing
        files = list(proposal.files.all())
        removed = (
            obj.images.filter(pk__in=proposal.values.get("remove_images") or []) if obj and proposal.product_id else []
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Review a proposed change"),
            "proposal": proposal,
            "current": obj,
            "rows": proposal_fields.differences(proposal, obj) if proposal.is_open else [],
            "files": [(row, reverse("admin:portal_proposal_file", args=[proposal.pk, row.pk])) for row in files],
            "removed": list(removed),
            "editable": _editable(proposal) if proposal.is_open else [],
            "can_review": proposal.is_open and request.user.has_perm(REVIEW),
            "errors": errors,
        }
        status = 400 if errors else 200
        return TemplateResponse(request, "admin/portal/proposal/review.html", context, status=status)
