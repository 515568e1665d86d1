"""Admin pages of the plan's own rows, the stand import and the list of unplaced stands."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from expo.selectors import chosen_edition
from siteplan.admin import forms
from siteplan.admin.preview import plan_preview
from siteplan.models import DisplayArea, ExhibitPin, PointOfInterest, SitePlan, StandPlacement
from siteplan.selectors import unplaced_stands

PLAN_CSS = {"all": ["siteplan/map.css"]}


@admin.register(SitePlan)
class SitePlanAdmin(admin.ModelAdmin):
    list_display = ("edition", "width", "depth")
    list_select_related = ("edition",)
    fields = ("edition", "width", "depth", "plan")
    readonly_fields = ("plan",)

    class Media:
        css = PLAN_CSS

    @admin.display(description=_("Plan"))
    def plan(self, site_plan):
        return plan_preview(site_plan.edition) if site_plan.pk else "—"


@admin.register(PointOfInterest)
class PointOfInterestAdmin(TabbedTranslationAdmin):
    list_display = ("name", "kind", "x", "y", "edition")
    list_filter = ("edition", "kind")
    list_select_related = ("edition",)
    search_fields = ("name_vi", "name_en")
    fields = ("edition", "kind", "name", "x", "y")


@admin.register(DisplayArea)
class DisplayAreaAdmin(TabbedTranslationAdmin):
    list_display = ("name", "kind", "venue")
    list_filter = ("kind", "venue__edition")
    list_select_related = ("venue__edition",)
    fields = ("venue", "kind", "name", "points")


@admin.register(ExhibitPin)
class ExhibitPinAdmin(admin.ModelAdmin):
    list_display = ("product", "x", "y", "edition")
    list_filter = ("edition",)
    list_select_related = ("product", "edition")
    search_fields = ("product__name_vi", "product__name_en")
    raw_id_fields = ("product",)
    fields = ("edition", "product", "x", "y")


@admin.register(StandPlacement)
class StandPlacementAdmin(admin.ModelAdmin):
    list_display = ("stand_code", "venue", "exhibitor", "x", "y", "width", "depth", "rotation")
    list_filter = ("stand__edition", "stand__venue")
    list_select_related = ("stand__venue", "stand__exhibitor")
    search_fields = ("stand__code", "stand__exhibitor__name", "stand__exhibitor__search_text")
    fields = ("stand", "x", "y", "width", "depth", "rotation", "polygon", "plan")
    readonly_fields = ("plan",)
    ordering = ("stand__venue__order", "stand__code")

    class Media:
        css = PLAN_CSS

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("stand__venue", "stand__exhibitor", "stand__edition")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "stand":
            from exhibitors.models import Stand

            kwargs["queryset"] = Stand.objects.select_related("venue", "edition", "exhibitor").order_by(
                "edition", "venue__order", "code"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("stand"), ordering="stand__code")
    def stand_code(self, placement):
        return placement.stand.code

    @admin.display(description=_("hall or area"))
    def venue(self, placement):
        return placement.stand.venue

    @admin.display(description=_("exhibitor"))
    def exhibitor(self, placement):
        return placement.stand.exhibitor

    @admin.display(description=_("Plan"))
    def plan(self, placement):
        if placement.pk is None:
            return "—"
        return plan_preview(placement.stand.edition, stand=placement.stand.code)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name="siteplan_standplacement_import"),
            path("unplaced/", wrap(self.unplaced_view), name="siteplan_standplacement_unplaced"),
            path("outlines/", wrap(self.outlines_view), name="siteplan_standplacement_import_outlines"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "plan_links": format_html(
                '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
                reverse("admin:siteplan_standplacement_import"),
                _("Import stand positions"),
                reverse("admin:siteplan_standplacement_unplaced"),
                _("Stands without a position"),
                reverse("admin:siteplan_standplacement_import_outlines"),
                _("Import venue outlines and points"),
            ),
        }
        return super().changelist_view(request, extra_context)

    def _context(self, request, title):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title}

    def unplaced_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        edition = chosen_edition(request)
        stands = list(unplaced_stands(edition).order_by("venue__order", "code")) if edition else []
        context = {**self._context(request, _("Stands without a position")), "edition": edition, "stands": stands}
        return TemplateResponse(request, "admin/siteplan/unplaced.html", context)

    def import_view(self, request):
        return forms.import_positions_view(self, request)

    def outlines_view(self, request):
        return forms.import_outlines_view(self, request)
