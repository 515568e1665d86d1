from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from common.admin import FoldedSearchMixin
from expo.models import Edition, KeyFigure, Venue, VisitorInfo
from expo.programme import admin as programme_admin  # noqa: F401  (registers ProgrammeItemAdmin)

admin.site.site_header = _("Expo CMS · organisers")
admin.site.site_title = _("Expo CMS")
admin.site.index_title = _("Back office")


class VenueInline(TranslationTabularInline):
    model = Venue
    fields = ("order", "code", "name", "slug", "kind")
    prepopulated_fields = {"slug": ("name_vi",)}
    extra = 0


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    fields = ("order", "value", "label", "as_of")
    extra = 0


class VisitorInfoInline(TranslationStackedInline):
    """The visitor information page (/<lang>/visit/), one section per topic."""

    model = VisitorInfo
    fields = ("order", "topic", "body", "to_be_filled")
    extra = 0


@admin.register(Edition)
class EditionAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    list_display = ("acronym", "name", "start_date", "end_date", "venue_name", "is_current", "is_demo")
    list_filter = ("is_current", "is_demo")
    search_fields = ("acronym", "name_vi", "name_en", "theme_vi", "theme_en")
    prepopulated_fields = {"slug": ("acronym",)}
    date_hierarchy = "start_date"
    inlines = [VenueInline, KeyFigureInline, VisitorInfoInline]
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "ordinal", "theme", "organiser")}),
        (_("When and where"), {"fields": ("start_date", "end_date", "time_zone", "venue_name", "city")}),
        (_("Public site"), {"fields": ("is_current", "is_demo", "description", "accreditation_closes_at")}),
        (_("Key visual"), {"fields": ("key_visual", "key_visual_alt")}),
        (_("Back office"), {"fields": ("internal_marking",)}),
    )


@admin.register(Venue)
class VenueAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    list_display = ("name", "code", "kind", "edition", "order")
    list_filter = ("edition", "kind")
    list_select_related = ("edition",)
    search_fields = ("name_vi", "name_en", "code")
    prepopulated_fields = {"slug": ("name_vi",)}
    fields = ("edition", "name", "slug", "code", "kind", "order", "description")
