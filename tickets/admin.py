"""The Registration group's back office: admission rules, days and slots, gates, registrations
to vet, the watch list, the waiting list and the gates' scans (with counts per gate and hour)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from expo.models import Edition
from tickets import gates, passes, services, vetting
from tickets.models import Admission, Gate, Registration, Scan, Status, TimeSlot, VisitDay, WatchListEntry


@admin.register(Admission)
class AdmissionAdmin(admin.ModelAdmin):
    list_display = ("edition", "is_open", "max_party_size", "retention_days")
    list_select_related = ("edition",)


class TimeSlotInline(admin.TabularInline):
    model = TimeSlot
    fields = ("starts_at", "ends_at", "capacity", "taken")
    readonly_fields = ("taken",)
    extra = 0


@admin.register(VisitDay)
class VisitDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "edition")
    list_filter = ("edition", "kind")
    list_select_related = ("edition",)
    inlines = [TimeSlotInline]


@admin.register(Gate)
class GateAdmin(TranslationAdmin):
    list_display = ("code", "name", "edition")
    list_filter = ("edition",)
    list_select_related = ("edition",)


class DecisionForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("decision"),
        choices=[(s.value, s.label) for s in (Status.TO_CHECK, Status.MORE_INFO, Status.ISSUED, Status.REFUSED)],
    )

    class Meta:
        model = Registration
        fields = ("status", "reason")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in (Status.REFUSED, Status.MORE_INFO) and not cleaned.get("reason", "").strip():
            self.add_error("reason", services.REASON_NEEDED)
        return cleaned


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = (
        "name",
        "kind",
        "status",
        "organisation",
        "country",
        "is_foreign",
        "on_watch_list",
        "slot",
    )
    list_filter = ("edition", "kind", "status", "is_foreign", "on_watch_list")
    list_select_related = ("slot__day",)
    search_fields = ("name", "organisation", "pass_id")
    date_hierarchy = "created_at"
    readonly_fields = (
        "edition",
        "kind",
        "name",
        "organisation",
        "position",
        "country",
        "email",
        "phone",
        "id_number",
        "photo_preview",
        "slot",
        "party_size",
        "is_foreign",
        "on_watch_list",
        "pass_id",
        "language",
        "consented_at",
        "created_at",
        "confirmed_at",
        "decided_by",
        "decided_at",
    )
    actions = ["approve"]

    def get_urls(self):
        photo = path("<int:pk>/photo/", self.admin_site.admin_view(self.photo_view), name="tickets_registration_photo")
        return [photo, *super().get_urls()]

    @admin.display(description=_("photo"))
    def photo_preview(self, registration):
        # Private storage has no URL: the photo is served by the permission-checked view below.
        if not registration.pk or not registration.photo:
            return "—"
        url = reverse("admin:tickets_registration_photo", args=[registration.pk])
        return format_html('<img src="{}" width="150" alt="">', url)

    def photo_view(self, request, pk):
        registration = get_object_or_404(self.get_queryset(request).exclude(photo=""), pk=pk)
        if not self.has_view_permission(request, registration):
            raise PermissionDenied
        response = FileResponse(registration.photo.open("rb"), content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def has_add_permission(self, request):
        return False  # visitors register themselves, through the public form

    def get_readonly_fields(self, request, obj=None):
        fields = self.readonly_fields
        if obj is None or obj.kind != "trade" or not request.user.has_perm("tickets.decide_registration"):
            fields = (*fields, "status", "reason")
        return fields

    def save_model(self, request, obj, form, change):
        if not {"status", "reason"} & set(form.changed_data):
            return
        try:
            services.decide(
                registration=obj,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data.get("reason", ""),
                by=request.user,
                base_url=passes.site_url(request),
            )
        except ValidationError as error:
            raise PermissionDenied(" ".join(error.messages)) from error

    @admin.action(description=_("Approve the selected trade registrations and send their tickets"))
    def approve(self, request, queryset):
        if not request.user.has_perm("tickets.decide_registration"):
            raise PermissionDenied
        approved = 0
        for registration in queryset.to_check().filter(kind="trade", on_watch_list=False):
            services.decide(
                registration=registration, status=Status.ISSUED, by=request.user, base_url=passes.site_url(request)
            )
            approved += 1
        message = ngettext(
            "%(count)d registration approved (watch-list matches are decided one by one).",
            "%(count)d registrations approved (watch-list matches are decided one by one).",
            approved,
        )
        self.message_user(request, message % {"count": approved}, messages.SUCCESS)


class WatchListUploadForm(forms.Form):
    edition = forms.ModelChoiceField(queryset=Edition.objects.all(), label=_("edition"))
    file = forms.FileField(label=_("List (CSV or Excel: name, passport or ID number, note)"))


@admin.register(WatchListEntry)
class WatchListEntryAdmin(admin.ModelAdmin):
    list_display = ("name", "id_number", "note", "edition")
    list_filter = ("edition",)
    list_select_related = ("edition",)
    search_fields = ("name",)
    change_list_template = "admin/tickets/watchlistentry/change_list.html"

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="tickets_watchlist_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        if not self.has_add_permission(request) or not self.has_delete_permission(request):
            raise PermissionDenied
        form = WatchListUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                entries, flagged = vetting.replace_watch_list(
                    edition=form.cleaned_data["edition"], upload=form.cleaned_data["file"]
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                self.message_user(
                    request,
                    _("%(entries)d entries on the list; %(flagged)d registrations match it.")
                    % {"entries": entries, "flagged": flagged},
                    messages.SUCCESS,
                )
                return redirect("admin:tickets_watchlistentry_changelist")
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": _("Upload the watch list"),
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/tickets/watchlist_upload.html", context, status=400 if form.errors else 200
        )


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    list_display = ("scanned_at", "gate", "pass_kind", "pass_id", "result", "by")
    list_filter = ("edition", "day", "result", "gate")
    list_select_related = ("gate", "by")
    change_list_template = "admin/tickets/scan/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        edition = request.edition
        day = parse_date(request.GET.get("day", "") or "") or (edition.local_today() if edition else None)
        table = []
        if edition and day:
            counts = gates.counts_by_gate_and_hour(edition, day)
            hours = sorted({hour for _, hour, _ in counts})
            codes = sorted({code for code, _, _ in counts})
            by_cell = {(code, hour): n for code, hour, n in counts}
            table = {
                "day": day,
                "hours": hours,
                "rows": [(code, [by_cell.get((code, hour), 0) for hour in hours]) for code in codes],
            }
        return super().changelist_view(request, {**(extra_context or {}), "gate_counts": table})
