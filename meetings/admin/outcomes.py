from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from common.amounts import AmountField, format_amount
from meetings import services
from meetings.models import Agreement


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin):
    # Fits 1280 px: the title cut to a line or two (whole in its tooltip), value and currency in one
    # column, the kind left to its filter.
    list_display = ("short_title", "signed_on", "amount", "disclosure", "announce_from", "approved")
    list_filter = ("edition", "kind", "disclosure")
    search_fields = ("title_vi", "title_en", "party_a_vi", "party_a_en", "party_b_vi", "party_b_en")
    readonly_fields = ("approved_by", "approved_at")
    filter_horizontal = ("meetings",)
    list_select_related = ("approved_by",)
    actions = ["approve"]

    @admin.display(description=_("title"), ordering="title")
    def short_title(self, obj):
        return format_html('<span title="{}">{}</span>', obj.title, Truncator(obj.title).chars(60))

    @admin.display(description=_("value"), ordering="value")
    def amount(self, obj):
        return format_amount(obj.value, obj.currency) or self.get_empty_value_display()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "value":
            kwargs["form_class"] = AmountField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("publication approved"), boolean=True)
    def approved(self, obj):
        return obj.approved_at is not None

    def save_model(self, request, obj, form, change):
        if change and services.withdraw_approval_if_changed(obj):
            self.message_user(
                request,
                _("The publication sign-off was withdrawn: what was approved has changed. Ask for a new one."),
                messages.WARNING,
            )
        super().save_model(request, obj, form, change)
        if obj.disclosure != Agreement.Disclosure.INTERNAL and obj.approved_at is None:
            # Saved is not published: say so, and who can publish it.
            self.message_user(request, services.awaiting_approval_note(), messages.WARNING)

    @admin.action(description=_("Approve publication"), permissions=["approve"])
    def approve(self, request, queryset):
        approved = 0
        for agreement in queryset:
            try:
                services.approve_disclosure(agreement=agreement, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{agreement}: {' '.join(error.messages)}", messages.WARNING)
                continue
            except PermissionDenied:
                self.message_user(request, _("You may not approve publications."), messages.ERROR)
                return
            approved += 1
        if approved:  # only what was really approved is reported as such
            self.message_user(request, _("Publication approved."), messages.SUCCESS)

    def has_approve_permission(self, request):
        return request.user.has_perm(services.APPROVE_PERMISSION)
