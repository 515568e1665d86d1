"""Per-kind review settings, and the addresses that said no (seen, never undone)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from outbox import registry
from outbox.models import KindSetting, Unsubscribe


@admin.register(KindSetting)
class KindSettingAdmin(admin.ModelAdmin):
    list_display = ("kind_label", "review_first")
    list_editable = ("review_first",)
    fields = ("kind", "review_first")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # Only press kinds have a setting: messages to delegations are always reviewed.
            kinds = [(k.code, k.label) for k in registry.all_kinds() if not k.second_person]
            return forms.ChoiceField(choices=kinds, label=db_field.verbose_name)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("kind"), ordering="kind")
    def kind_label(self, setting):
        try:
            return registry.get(setting.kind).label
        except LookupError:
            return setting.kind


@admin.register(Unsubscribe)
class UnsubscribeAdmin(admin.ModelAdmin):
    """Seen, never undone: only the person who unsubscribed can ask to hear from us again."""

    list_display = ("email", "topic", "at")
    search_fields = ("email",)
    readonly_fields = ("email", "topic", "at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting it would let the system mail an address that said no
