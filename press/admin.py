"""Press office back office: releases (with embargo), contacts, uploaded fact sheets, accreditations."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from common.admin import FoldedSearchMixin
from common.sanitize import clean_html
from press import badges, factsheets, mail, services
from press.editor import ReleaseEditorWidget
from press.models import (
    FactSheetUpload,
    MediaAccreditation,
    PressContact,
    PressRelease,
    ReleaseAttachment,
    ReleasePhoto,
)


class ReleasePhotoInline(TranslationStackedInline):
    model = ReleasePhoto
    fields = ("image", "order", "caption", "credit")
    extra = 0


class ReleaseAttachmentInline(TranslationTabularInline):
    model = ReleaseAttachment
    fields = ("title", "file")
    extra = 0


class PressReleaseForm(forms.ModelForm):
    class Meta:
        model = PressRelease
        fields = ("edition", "title", "slug", "summary", "body", "publish_at", "early_for_media")
        widgets = {f"body_{language}": ReleaseEditorWidget() for language in ("vi", "en")}

    def _clean_body(self, language):
        return clean_html(self.cleaned_data.get(f"body_{language}") or "")

    def clean_body_vi(self):
        return self._clean_body("vi")

    def clean_body_en(self):
        return self._clean_body("en")


@admin.register(PressRelease)
class PressReleaseAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    form = PressReleaseForm
    list_display = ("title", "publish_at", "visibility", "edition")
    list_filter = ("edition",)
    list_select_related = ("edition",)
    search_fields = ("title_vi", "title_en", "slug")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title_en",)}
    fields = ("edition", "title", "slug", "summary", "body", "publish_at")
    inlines = [ReleasePhotoInline, ReleaseAttachmentInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._warn_of_missing_languages(request, obj)
        if not change or "publish_at" in form.changed_data:
            # Accredited journalists get it by e-mail the moment its embargo lifts (press.mail).
            transaction.on_commit(lambda: mail.schedule_release(obj))

    def _warn_of_missing_languages(self, request, release):
        # The rule is PressRelease.has_version: what readers of that language are then shown.
        for language in release.missing_languages():
            info = get_language_info(language)
            original = get_language_info(release.version(language).language)
            self.message_user(
                request,
                _(
                    "This release has no %(language)s version (title and text). Pages in %(language)s show it "
                    "in %(original)s with the note “available in %(original)s only”, and journalists who read "
                    "%(language)s receive it in %(original)s, told so."
                )
                % {"language": info["name_translated"], "original": original["name_translated"]},
                messages.WARNING,
            )

    @admin.display(description=_("visible"))
    def visibility(self, release):
        if release.publish_at <= timezone.now():
            return _("Published")
        return _("Under embargo")


@admin.register(PressContact)
class PressContactAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    list_display = ("name", "role", "email", "phone", "edition", "order")
    list_select_related = ("edition",)
    search_fields = ("name", "role_vi", "role_en", "email")
    fields = ("edition", "name", "role", "email", "phone", "order")


@admin.register(FactSheetUpload)
class FactSheetUploadAdmin(admin.ModelAdmin):
    list_display = ("title", "subject", "language", "replaces_generated", "uploaded_at")
    list_filter = ("language", "replaces_generated")
    list_select_related = ("edition", "exhibitor", "product")
    search_fields = ("title", "exhibitor__name", "product__name_vi", "product__name_en")
    autocomplete_fields = ("exhibitor", "product")
    fields = ("title", "language", "edition", "exhibitor", "product", "file", "replaces_generated")

    @admin.display(description=_("subject"))
    def subject(self, upload):
        return upload.edition or upload.exhibitor or upload.product


class DecisionForm(forms.ModelForm):
    class Meta:
        model = MediaAccreditation
        fields = ["status", "reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == MediaAccreditation.Status.REJECTED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for rejecting the application."))
        return cleaned


@admin.register(MediaAccreditation)
class MediaAccreditationAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = ("name", "outlet", "country", "role", "status", "reference", "created_at", "decided_by")
    list_filter = ("status", "role", "edition")
    list_select_related = ("decided_by", "edition")
    # "=reference": a badge's reference, or its QR code's text (press/badges.py), finds the badge.
    search_fields = ("name", "outlet", "email", "press_card_number", "=reference")
    search_help_text = _("Name, outlet, e-mail, press card number, or a badge reference (PB-…) to verify a badge.")
    readonly_fields = (
        "reference",
        "photo_preview",
        "name",
        "outlet",
        "country",
        "role",
        "email",
        "phone",
        "press_card_number",
        "created_at",
        "consented_at",
        "decided_by",
        "decided_at",
        "badge_link",
    )
    fields = (*readonly_fields[:11], "status", "reason", "decided_by", "decided_at", "badge_link")
    actions = ["approve", "print_badges"]

    def has_add_permission(self, request):
        return False  # journalists apply through the public form

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, badges.reference(search_term) or search_term)

    def get_urls(self):
        own = [
            path("<int:pk>/photo/", self.admin_site.admin_view(self.photo_view), name="press_accreditation_photo"),
            path("<int:pk>/badge.pdf", self.admin_site.admin_view(self.badge_view), name="press_accreditation_badge"),
        ]
        return own + super().get_urls()

    @admin.display(description=_("photo"))
    def photo_preview(self, accreditation):
        if not accreditation.pk or not accreditation.photo:
            return "—"
        url = reverse("admin:press_accreditation_photo", args=[accreditation.pk])
        return format_html('<img src="{}" width="150" alt="">', url)

    @admin.display(description=_("badge"))
    def badge_link(self, accreditation):
        if accreditation.status != MediaAccreditation.Status.APPROVED:
            return _("Only approved applications get a badge.")
        url = reverse("admin:press_accreditation_badge", args=[accreditation.pk])
        return format_html('<a href="{}">{}</a>', url, _("Print the badge (PDF)"))

    def _get_viewable(self, request, pk):
        accreditation = get_object_or_404(MediaAccreditation, pk=pk)
        if not self.has_view_permission(request, accreditation):
            raise PermissionDenied
        return accreditation

    def photo_view(self, request, pk):
        accreditation = self._get_viewable(request, pk)
        try:
            photo = accreditation.photo.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(_("This application has no photo.")) from exc
        response = FileResponse(photo, content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        return response

    def badge_view(self, request, pk):
        accreditation = self._get_viewable(request, pk)
        response = self._badges_response(request, MediaAccreditation.objects.filter(pk=accreditation.pk))
        # Not approved: back to the application, where the warning is shown.
        return response or redirect("admin:press_mediaaccreditation_change", accreditation.pk)

    def _badges_response(self, request, queryset):
        approved = list(queryset.filter(status=MediaAccreditation.Status.APPROVED))
        if not approved:
            self.message_user(request, _("None of these applications is approved."), messages.WARNING)
            return None
        try:
            pdf = services.badges_pdf(accreditations=approved, base_url=factsheets.site_url(request))
        except ImproperlyConfigured as exc:  # no signing key in production: say so, not a 500
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="press-badges.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data or "reason" in form.changed_data:
            if obj.status == MediaAccreditation.Status.PENDING:
                obj.decided_by, obj.decided_at = None, None
                obj.save(update_fields=["status", "reason", "decided_by", "decided_at"])
                return
            services.decide_accreditation(
                accreditation=obj,
                status=obj.status,
                reason=obj.reason,
                by=request.user,
                base_url=factsheets.site_url(request),
            )

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        count = 0
        for accreditation in queryset.filter(status=MediaAccreditation.Status.PENDING):
            try:
                services.decide_accreditation(
                    accreditation=accreditation,
                    status=MediaAccreditation.Status.APPROVED,
                    by=request.user,
                    base_url=factsheets.site_url(request),
                )
            except ValidationError:
                continue
            count += 1
        self.message_user(
            request, ngettext("%(n)d application approved.", "%(n)d applications approved.", count) % {"n": count}
        )

    @admin.action(description=_("Print badges of the selected approved applications"), permissions=["view"])
    def print_badges(self, request, queryset):
        return self._badges_response(request, queryset)


from press import media_admin  # noqa: E402,F401 -- the media area's admin registers itself
