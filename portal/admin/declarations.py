"""Organisers review declarations (approve, or refuse with a reason), read their papers, print the
security team's "not cleared" list, keep each edition's portal deadlines and remind late exhibitors."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override

from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_pdf
from exhibitors.selectors import stands_at
from expo.selectors import chosen_edition
from portal import deadlines, declarations_mail
from portal.declarations import decide, declaration_of, not_cleared
from portal.models import Declaration, PortalDeadlines

REVIEW = "portal.review_declaration"


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    # The edition and the decision's date are filters and on the form: the row fits 1280 px.
    list_display = ("product", "exhibitor", "is_weapon", "has_energetic_material", "condition")
    list_display += ("export_control", "status")
    list_filter = ("status", "edition", "export_control", "condition", "is_weapon", "has_energetic_material")
    list_select_related = ("product__exhibitor", "edition")
    search_fields = ("product__name_vi", "product__name_en", "product__exhibitor__name", "licence_number")
    facts = ("product", "edition", "is_weapon", "has_energetic_material", "condition", "export_control")
    facts += ("licence_number", "certificate_link", "licence_link", "submitted_at")
    fields = (*facts, "status", "reason", "decided_by", "decided_at")
    actions = ["approve"]
    change_list_template = "admin/portal/declaration/change_list.html"

    def has_add_permission(self, request):
        return False  # exhibitors declare in the portal

    def get_readonly_fields(self, request, obj=None):
        decided = ("decided_by", "decided_at")
        if request.user.has_perm(REVIEW):
            return (*self.facts, *decided)
        return (*self.facts, "status", "reason", *decided)

    @admin.display(description=_("exhibitor"), ordering="product__exhibitor__name")
    def exhibitor(self, obj):
        return obj.product.exhibitor

    def _paper_link(self, obj, field, name):
        if not obj.pk or not getattr(obj, field):
            return "—"
        url = reverse(name, args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Open the PDF"))

    @admin.display(description=_("deactivation certificate (PDF)"))
    def certificate_link(self, obj):
        return self._paper_link(obj, "deactivation_certificate", "admin:portal_declaration_certificate")

    @admin.display(description=_("export licence (PDF)"))
    def licence_link(self, obj):
        return self._paper_link(obj, "export_licence", "admin:portal_declaration_licence")

    def save_model(self, request, obj, form, change):
        """A change of status is a decision (who, when, the exhibitor told); other fields are read only."""
        if "status" not in form.changed_data and "reason" not in form.changed_data:
            return
        if not request.user.has_perm(REVIEW):
            raise PermissionDenied
        if obj.status == Declaration.Status.TO_REVIEW:
            obj.save(update_fields=["status", "reason"])
            return
        decide(declaration=obj, approved=obj.status == Declaration.Status.APPROVED, reason=obj.reason, by=request.user)

    def has_approve_permission(self, request):
        return request.user.has_perm(REVIEW)

    @admin.action(description=_("Approve the selected declarations"), permissions=["approve"])
    def approve(self, request, queryset):
        count = 0
        for declaration in queryset.exclude(status=Declaration.Status.APPROVED):
            decide(declaration=declaration, approved=True, by=request.user)
            count += 1
        message = ngettext("%(count)d declaration approved.", "%(count)d declarations approved.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def get_urls(self):
        view = self.admin_site.admin_view
        paper = view(self.paper_view)
        own = [
            path(
                "<int:pk>/certificate.pdf",
                paper,
                {"field": "deactivation_certificate"},
                "portal_declaration_certificate",
            ),
            path("<int:pk>/licence.pdf", paper, {"field": "export_licence"}, "portal_declaration_licence"),
            path("not-cleared.pdf", view(self.not_cleared_view), name="portal_declaration_not_cleared"),
        ]
        return own + super().get_urls()

    def paper_view(self, request, pk, field):
        declaration = get_object_or_404(Declaration, pk=pk)
        if not self.has_view_permission(request, declaration):
            raise PermissionDenied
        paper = getattr(declaration, field)
        if not paper:
            raise Http404(_("This declaration has no such paper."))
        response = FileResponse(paper.open("rb"), as_attachment=True, filename=paper.name.rsplit("/", 1)[-1])
        response["Cache-Control"] = "private, no-store"
        return response

    def not_cleared_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        edition = chosen_edition(request)
        if edition is None:
            raise Http404(_("No edition"))
        language = request.GET.get("lang") if request.GET.get("lang") in ("vi", "en") else "vi"
        stands = {stand.exhibitor_id: stand for stand in stands_at(edition)}
        with override(language):
            rows = [(row, declaration_of(row), stands.get(row.exhibitor_id)) for row in not_cleared(edition)]
            context = {
                "edition": edition,
                "rows": rows,
                "printed_at": local_text(timezone.now(), edition.tz),
                "zone_label": utc_label(edition.tz),
            }
            data = render_pdf("portal/pdf/not_cleared.html", context, request=request)
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="not-cleared-{language}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


@admin.register(PortalDeadlines)
class PortalDeadlinesAdmin(admin.ModelAdmin):
    list_display = ("edition", *PortalDeadlines.AREAS)
    list_select_related = ("edition",)
    fields = ("edition", *PortalDeadlines.AREAS)

    def get_urls(self):
        remind = path("remind/", self.admin_site.admin_view(self.remind_view), name="portal_portaldeadlines_remind")
        return [remind, *super().get_urls()]

    def remind_view(self, request):
        """How many exhibitors are late per deadline; on POST, one reminder each (outbox)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        edition = chosen_edition(request)
        if edition is None:
            raise Http404(_("No edition"))
        if request.method == "POST":
            count = declarations_mail.remind_late(edition)
            message = ngettext("%(count)d reminder put in the outbox.", "%(count)d reminders put in the outbox.", count)
            self.message_user(request, message % {"count": count}, messages.SUCCESS)
            return redirect("admin:index")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Remind late exhibitors"),
            "edition": edition,
            "late": late_counts(edition),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/portal/portaldeadlines/remind.html", context)


def late_counts(edition):
    """[(area label, deadline, how many exhibitors are late)] for the areas whose deadline passed."""
    dates = deadlines.deadlines_of(edition)
    late = deadlines.late(edition, dates=dates)
    return [
        (deadlines.AREA_LABELS[area], deadlines.deadline_for(edition, area, deadlines=dates), len(found))
        for area, found in late.items()
    ]
