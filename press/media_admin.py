"""Back office of the media area: press-conference seats with their list (PDF), and video."""

from django.contrib import admin
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from press import media_services
from press.models import MediaVideo, PressConference, PressConferenceRegistration


class RegistrationInline(admin.TabularInline):
    model = PressConferenceRegistration
    extra = 0
    can_delete = True
    fields = ("accreditation", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PressConference)
class PressConferenceAdmin(admin.ModelAdmin):
    list_display = ("programme_item", "start", "seats", "registered")
    list_select_related = ("programme_item",)
    fields = ("programme_item", "seats", "reminder_hours")
    inlines = [RegistrationInline]
    actions = ["attendance_list"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(registered_count=Count("registrations"))

    @admin.display(description=_("start"), ordering="programme_item__start")
    def start(self, obj):
        return obj.programme_item.start

    @admin.display(description=_("registered"))
    def registered(self, obj):
        return obj.registered_count

    @admin.action(description=_("Print the list of registered media (PDF)"))
    def attendance_list(self, request, queryset):
        conference = queryset.select_related("programme_item__venue", "programme_item__edition").first()
        response = HttpResponse(media_services.attendance_pdf(conference), content_type="application/pdf")
        name = slugify(conference.programme_item.slug) or conference.pk
        response["Content-Disposition"] = f'inline; filename="press-conference-{name}.pdf"'
        return response


@admin.register(MediaVideo)
class MediaVideoAdmin(TabbedTranslationAdmin):
    list_display = ("title", "duration", "credit", "publish_at", "early_for_media")
    list_filter = ("edition", "is_broll", "early_for_media")
    search_fields = ("title_vi", "title_en", "credit")
    fields = (
        "edition",
        "title",
        "caption",
        "credit",
        "file",
        "poster",
        "duration_seconds",
        "is_broll",
        "publish_at",
        "early_for_media",
    )
