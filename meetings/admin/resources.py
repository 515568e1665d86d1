from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from meetings.models import MeetingDay, MeetingPlace, MeetingPlan


@admin.register(MeetingPlan)
class MeetingPlanAdmin(admin.ModelAdmin):
    list_display = ("edition", "slot_minutes", "buffer_minutes")
    list_select_related = ("edition",)


@admin.register(MeetingDay)
class MeetingDayAdmin(admin.ModelAdmin):
    list_display = ("date", "opens", "closes", "edition")
    list_filter = ("edition",)
    list_select_related = ("edition",)


@admin.register(MeetingPlace)
class MeetingPlaceAdmin(TranslationAdmin):
    list_display = ("name", "kind", "venue", "exhibitor", "seats", "is_active")
    list_filter = ("edition", "kind", "is_active")
    list_select_related = ("venue", "exhibitor")
    search_fields = ("name_vi", "name_en")
    autocomplete_fields = ("exhibitor",)
