"""Members, liaison officers and interpreters: their own changelists, for search and autocomplete."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from delegations import services
from delegations.admin import exports
from delegations.admin.base import (
    MEMBER_FIELDS,
    PHOTO_INPUT,
    StaleSaveMixin,
    StaleSaveRefusedForm,
    folded_search,
)
from delegations.models import Delegation, Interpreter, Member


@admin.register(Member)
class MemberAdmin(StaleSaveMixin, TabbedTranslationAdmin):
    form = StaleSaveRefusedForm
    list_display = ("name", "rank", "position", "role", "delegation", "nationality", "passport_no")
    list_filter = ("role", "delegation__status", "delegation__level", "delegation__edition")
    list_select_related = ("delegation",)
    search_fields = ("search_name",)
    search_help_text = _("Family or given name; accents optional.")
    autocomplete_fields = ("delegation",)
    list_per_page = 100
    actions = ["export_xlsx", "export_csv", "make_head"]
    fields = ("delegation", *MEMBER_FIELDS)
    formfield_overrides = PHOTO_INPUT

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return folded_search(queryset, search_term), False

    @admin.display(description=_("name"), ordering="family_name")
    def name(self, obj):
        return obj.full_name

    @admin.action(description=_("Export members of their delegations (XLSX)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return exports.export_xlsx(self, request, Delegation.objects.filter(members__in=queryset).distinct())

    @admin.action(description=_("Export members of their delegations (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return exports.export_csv(self, request, Delegation.objects.filter(members__in=queryset).distinct())

    # The head of delegation follows the role, wherever it is set (services.sync_heads).
    def save_model(self, request, obj, form, change):
        before = Member.objects.filter(pk=obj.pk).values_list("delegation_id", flat=True).first() if change else None
        super().save_model(request, obj, form, change)
        chosen = [obj] if obj.role == Member.Role.HEAD and (not change or "role" in form.changed_data) else []
        demoted = services.sync_heads(delegations={obj.delegation_id, before}, chosen=chosen)
        tell_demoted(self, request, demoted)

    @admin.action(description=_("Make head of their delegation"), permissions=["change"])
    def make_head(self, request, queryset):
        members = list(queryset.select_related("delegation"))
        if len({member.delegation_id for member in members}) < len(members):
            self.message_user(request, _("Choose one member per delegation."), messages.ERROR)
            return
        tell_demoted(self, request, services.make_heads(members=members))
        self.message_user(
            request,
            _("Now head of delegation: %(names)s") % {"names": ", ".join(m.title_and_name for m in members)},
            messages.SUCCESS,
        )


def tell_demoted(model_admin, request, demoted):
    for member in demoted:
        model_admin.message_user(
            request,
            _("%(name)s was head of delegation until now and is now a member.") % {"name": member.title_and_name},
            messages.WARNING,
        )


class OfficerAdmin(admin.ModelAdmin):
    list_display = ("name", "rank", "languages_spoken", "phone_number", "delegation_count")
    search_fields = ("search_name",)
    fields = ("name", "rank", "languages", "phone")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(delegation_total=Count("delegations"))

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return folded_search(queryset, search_term), False

    @admin.display(description=_("languages"), ordering="languages")
    def languages_spoken(self, obj):
        return obj.get_languages_display()

    @admin.display(description=_("phone"))
    def phone_number(self, obj):
        return obj.phone

    @admin.display(description=_("delegations"), ordering="delegation_total")
    def delegation_count(self, obj):
        return obj.delegation_total


admin.site.register(Interpreter, OfficerAdmin)
