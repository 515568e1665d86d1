"""Vetting stand staff (the Security group: `portal.vet_stand_staff`), their badges, and the
stands whose allowance the organisers set by hand. Exhibitors add members in the portal only."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.admin import CountryFilter
from common.sensitive import may_see
from common.sensitive_admin import HIDDEN_NOTE
from exhibitors.models import Stand
from expo.selectors import chosen_edition
from portal import team_badges, team_services
from portal.models import StandAllowance, StandStaff
from portal.models.team import Status
from portal.team_allowance import badges_for_area, stand_area

VET = "portal.vet_stand_staff"
REASON_NEEDED = _("Give the reason for the refusal: the exhibitor is told.")


class DecisionForm(forms.ModelForm):
    class Meta:
        model = StandStaff
        fields = ["status", "reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.REFUSED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", REASON_NEEDED)
        return cleaned


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


@admin.register(StandStaff)
class StandStaffAdmin(admin.ModelAdmin):
    form = DecisionForm
    # Who decided, the badge number and removal are on the form (and removal a filter): the row fits 1280 px.
    list_display = ("name", "exhibitor", "role", "nationality", "id_number", "status")
    list_filter = ("status", "edition", ("nationality", CountryFilter))
    list_select_related = ("exhibitor",)
    search_fields = ("search_name", "exhibitor__name", "=pass_id", "=id_number")
    search_help_text = _("Name, exhibitor, badge number or passport/ID number.")
    readonly_fields = (
        "exhibitor",
        "edition",
        "name",
        "role",
        "nationality",
        "id_number",
        "photo_preview",
        "pass_id",
        "created_at",
        "removed_at",
        "decided_by",
        "decided_at",
        "badge_link",
    )
    fields = (*readonly_fields[:10], "status", "reason", "decided_by", "decided_at", "badge_link")
    actions = ["approve", "refuse", "print_badges"]
    list_per_page = 100

    def has_add_permission(self, request):
        return False  # exhibitors register their stand team in the portal

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.has_vet_permission(request)

    def has_vet_permission(self, request):
        return request.user.has_perm(VET)

    def get_search_results(self, request, queryset, search_term):
        # A badge's QR text finds its member, like a badge number.
        text = search_term.strip()
        if text.startswith(team_badges.PASS_KIND + "."):
            search_term = text.split(".")[1] if text.count(".") == 4 else search_term
        return super().get_search_results(request, queryset, search_term)

    def get_urls(self):
        own = [
            path("<int:pk>/photo/", self.admin_site.admin_view(self.photo_view), name="portal_standstaff_photo"),
            path("<int:pk>/badge.pdf", self.admin_site.admin_view(self.badge_view), name="portal_standstaff_badge"),
        ]
        return own + super().get_urls()

    @admin.display(description=_("photo"))
    def photo_preview(self, member):
        if not member.pk or not member.photo:
            return "—"
        url = reverse("admin:portal_standstaff_photo", args=[member.pk])
        return format_html('<img src="{}" width="150" alt="">', url)

    @admin.display(description=_("badge"))
    def badge_link(self, member):
        if member.status != Status.APPROVED or member.removed_at:
            return _("Only approved members get a badge.")
        url = reverse("admin:portal_standstaff_badge", args=[member.pk])
        return format_html('<a href="{}">{}</a>', url, _("Print the badge (PDF)"))

    def _viewable(self, request, pk):
        member = get_object_or_404(StandStaff.objects.select_related("exhibitor", "edition"), pk=pk)
        if not self.has_view_permission(request, member):
            raise PermissionDenied
        return member

    def photo_view(self, request, pk):
        member = self._viewable(request, pk)
        if not may_see(request.user, StandStaff, member):
            raise PermissionDenied(HIDDEN_NOTE)
        try:
            photo = member.photo.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(_("This member has no photo.")) from exc
        response = FileResponse(photo, content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def badge_view(self, request, pk):
        if not self.has_vet_permission(request):
            raise PermissionDenied
        return self._badges_response(request, [self._viewable(request, pk)])

    def _badges_response(self, request, members):
        approved = [m for m in members if m.status == Status.APPROVED and m.removed_at is None]
        if not approved:
            self.message_user(request, _("None of these members is approved."), messages.WARNING)
            return None
        try:
            pdf = team_badges.badges_pdf(approved)
        except ImproperlyConfigured as exc:  # no signing key in production: say so, not a 500
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="stand-staff-badges.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response

    def save_model(self, request, obj, form, change):
        if not {"status", "reason"} & set(form.changed_data):
            return
        if obj.status == Status.TO_VET:
            obj.decided_by, obj.decided_at = None, None
            obj.save(update_fields=["status", "reason", "decided_by", "decided_at"])
            return
        team_services.decide(members=[obj], status=obj.status, reason=obj.reason, by=request.user)

    @admin.action(description=_("Approve the selected stand staff"), permissions=["vet"])
    def approve(self, request, queryset):
        count = team_services.decide(members=list(queryset), status=Status.APPROVED, by=request.user)
        self.message_user(request, _("Approved: %(count)s.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Refuse the selected stand staff (with a reason)…"), permissions=["vet"])
    def refuse(self, request, queryset):
        form = RefuseForm(request.POST if "reason" in request.POST else None)
        if form.is_bound and form.is_valid():
            try:
                count = team_services.decide(
                    members=list(queryset), status=Status.REFUSED, reason=form.cleaned_data["reason"], by=request.user
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.message_user(request, _("Refused: %(count)s.") % {"count": count}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Refuse stand staff"),
            "form": form,
            "members": queryset.select_related("exhibitor"),
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/portal/standstaff/refuse.html", context)

    @admin.action(description=_("Print badges of the selected stand staff (PDF)"), permissions=["vet"])
    def print_badges(self, request, queryset):
        return self._badges_response(request, list(queryset.select_related("exhibitor", "edition")))


class AllowanceForm(forms.ModelForm):
    class Meta:
        model = StandAllowance
        fields = ["stand", "badges", "note"]


@admin.register(StandAllowance)
class StandAllowanceAdmin(admin.ModelAdmin):
    form = AllowanceForm
    list_display = ("stand_label", "badges", "by_size", "note")
    list_select_related = ("stand__exhibitor", "stand__venue", "stand__placement")
    search_fields = ("stand__exhibitor__name", "stand__code")

    @admin.display(description=_("stand"), ordering="stand__exhibitor__name")
    def stand_label(self, allowance):
        return f"{allowance.stand.exhibitor.name} — {allowance.stand}"

    @admin.display(description=_("badges by the stand's size"))
    def by_size(self, allowance):
        return badges_for_area(stand_area(allowance.stand))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "stand":
            kwargs["queryset"] = (
                Stand.objects.filter(edition=chosen_edition(request))
                .select_related("exhibitor", "venue")
                .order_by("exhibitor__name")
            )
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "stand":
            field.label_from_instance = lambda stand: f"{stand.exhibitor.name} — {stand}"
        return field
