"""The delegation form's inlines: members (one head of delegation), movements, engagements, status history."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from delegations.admin.base import MEMBER_FIELDS, PHOTO_INPUT, StaleSaveRefusedForm
from delegations.models import Engagement, Member, Movement, StatusChange


def chosen_heads(formset):
    """The members a save gives the role "head of delegation" (new, or their role just changed)."""
    return [
        form.instance
        for form in formset.forms
        if form.has_changed()
        and "role" in form.changed_data
        and form.cleaned_data.get("role") == Member.Role.HEAD
        and not form.cleaned_data.get("DELETE")
    ]


class MembersFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if len(chosen_heads(self)) > 1:
            raise ValidationError(_("Give the role “head of delegation” to one member only."), code="two_heads")


class MemberInline(TranslationTabularInline):
    model = Member
    form = StaleSaveRefusedForm
    formset = MembersFormSet
    extra = 0
    fields = MEMBER_FIELDS
    # One line per member with these columns; every other field (the sensitive ones, languages)
    # in a collapsed "details" line below it (the template and delegations/admin.css).
    template = "admin/delegations/edit_inline/members.html"
    main_fields = (
        "order",
        "role",
        "family_name",
        "given_name",
        "rank_vi",  # (the English rank is in the details line)
        "position_vi",
        "position_en",
        "gender",
        "nationality",
    )
    formfield_overrides = PHOTO_INPUT


# Stacked, with fields grouped on lines: a tabular row of eight fields (with date and time
# pickers) needs 1,500 px; this fits a 1280 px screen with the navigation open.
class MovementInline(admin.StackedInline):
    model = Movement
    extra = 0
    fields = (("kind", "member"), ("at", "flight", "airport"), ("pickup_arranged", "vehicle"))
    autocomplete_fields = ("member", "vehicle")


class EngagementInline(admin.StackedInline):
    model = Engagement
    extra = 0
    fields = (("kind", "programme_item"), ("counterpart", "venue"), ("start", "end"), "vehicle")
    # Chosen by name (searched as typed), never shown as an id ("Địa điểm: 7").
    autocomplete_fields = ("programme_item", "venue", "vehicle")


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ("status", "at", "by")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False
