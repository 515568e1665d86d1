from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
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
    list_display = ("name", "kind", "venue", "exhibitor", "seats", "is_active", "schedule")
    list_filter = ("edition", "kind", "is_active")
    list_select_related = ("venue", "exhibitor")
    search_fields = ("name_vi", "name_en")
    autocomplete_fields = ("exhibitor",)

    @admin.display(description=_("schedule"))
    def schedule(self, obj):
        url = reverse("admin:meetings_meeting_place_schedule", args=[obj.pk])
        links = [format_html('<a href="{}?lang={}">PDF {}</a>', url, code, code) for code in ("vi", "en")]
        if obj.exhibitor_id:
            exhibitor_url = reverse("admin:meetings_meeting_exhibitor_schedule", args=[obj.exhibitor_id])
            links.append(format_html('<a href="{}">{}</a>', exhibitor_url, _("exhibitor's meetings")))
        return format_html_join(" · ", "{}", ((link,) for link in links))
