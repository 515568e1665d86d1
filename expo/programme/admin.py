"""Admin for the programme: filters by day, type, venue and status; clash warnings; and
delay/cancel in two clicks (open the item, press a button; or tick items, run an action).
Every write goes through expo.programme.services, so the public change log is complete.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from common.admin import FoldedSearchMixin
from common.dates import formatted
from expo.models import ProgrammeChange, ProgrammeItem
from expo.programme import services
from expo.programme.changes import describe_change
from expo.programme.selection import parse_day

DELAYS = (15, 30)


class CancelForm(forms.Form):
    """The reason for a cancellation, shown on the public item and in the change log."""

    reason_vi = forms.CharField(label=_("Reason (Vietnamese)"), max_length=300)
    reason_en = forms.CharField(label=_("Reason (English)"), max_length=300)


class DayFilter(admin.SimpleListFilter):
    """The current edition's days, counted in its own time zone."""

    title = _("day")
    parameter_name = "day"

    def lookups(self, request, model_admin):
        edition = request.edition
        if not edition:
            return []
        self.edition = edition
        return [(day.isoformat(), formatted(day)) for day in edition.days]

    def queryset(self, request, queryset):
        day = parse_day(self.value())
        if day is None or getattr(self, "edition", None) is None:
            return queryset
        return queryset.on_day(day, self.edition.tz)


def _warn_about_clashes(request, item):
    clashes = list(ProgrammeItem.objects.clashing_with(item).select_related("venue")[:5])
    if item.is_published and item.status != ProgrammeItem.Status.CANCELLED and clashes:
        names = ", ".join(f"“{other.title}” ({other.start:%H:%M}–{other.end:%H:%M})" for other in clashes)
        messages.warning(
            request,
            _("“%(title)s” overlaps other published items in %(venue)s: %(others)s.")
            % {"title": item.title, "venue": item.venue, "others": names},
        )


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    # "ends" gives only the time when the item ends the day it starts: the list fits 1280 px.
    list_display = ("title", "start", "ends", "venue", "type", "status", "is_published", "clash")
    list_filter = (DayFilter, "type", "venue", "status", "audience", "is_published", "edition")
    list_select_related = ("venue", "edition")
    search_fields = ("title_vi", "title_en", "slug", "hosts_vi", "hosts_en")
    prepopulated_fields = {"slug": ("title_vi",)}
    date_hierarchy = "start"
    ordering = ("start", "end", "pk")
    readonly_fields = ("uuid", "created_at", "updated_at")
    actions = ("delay_15", "delay_30", "cancel")
    change_form_template = "admin/expo/programmeitem/change_form.html"
    fieldsets = (
        (None, {"fields": ("edition", "title", "slug", "type", "audience", "hosts", "description")}),
        (_("When and where"), {"fields": ("start", "end", "venue")}),
        (_("Status"), {"fields": ("status", "status_note", "is_published")}),
        (_("Record"), {"fields": ("uuid", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_clashes()

    @admin.display(description=_("end"), ordering="end")
    def ends(self, item):
        start, end = timezone.localtime(item.start), timezone.localtime(item.end)
        return time_format(end) if start.date() == end.date() else date_format(end, "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("clash"), boolean=False, ordering="has_clash")
    def clash(self, item):
        if item.has_clash:
            return format_html("<strong>⚠ {}</strong>", _("overlaps in this venue"))
        return ""

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            count = ProgrammeItem.objects.with_clashes().filter(has_clash=True).count()
            if count:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d published item overlaps another one in the same venue (see the “clash” column).",
                        "%(count)d published items overlap others in the same venue (see the “clash” column).",
                        count,
                    )
                    % {"count": count},
                )
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        services.save_item(item=obj)
        _warn_about_clashes(request, obj)

    # Two-click delay and cancel from the item page: buttons POST here.
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:pk>/delay/<int:minutes>/",
                self.admin_site.admin_view(self.delay_view),
                name="{}_{}_delay".format(*info),
            ),
            path("<int:pk>/cancel/", self.admin_site.admin_view(self.cancel_view), name="{}_{}_cancel".format(*info)),
            path(
                "<int:pk>/reinstate/",
                self.admin_site.admin_view(self.reinstate_view),
                name="{}_{}_reinstate".format(*info),
            ),
            *super().get_urls(),
        ]

    def _editable_item(self, request, pk):
        item = get_object_or_404(ProgrammeItem, pk=pk)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        return item

    def _back(self, item):
        return HttpResponseRedirect(reverse("admin:expo_programmeitem_change", args=[item.pk]))

    def delay_view(self, request, pk, minutes):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if minutes not in DELAYS:
            return HttpResponseNotAllowed(["POST"])
        item = self._editable_item(request, pk)
        services.delay_item(item=item, minutes=minutes)
        self.message_user(
            request, _("“%(title)s” delayed by %(minutes)d minutes.") % {"title": item, "minutes": minutes}
        )
        _warn_about_clashes(request, item)
        return self._back(item)

    def cancel_view(self, request, pk):
        """Cancelling asks first: a confirmation page with the reason in both languages."""
        item = self._editable_item(request, pk)
        form = CancelForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            services.cancel_item(
                item=item, note_vi=form.cleaned_data["reason_vi"], note_en=form.cleaned_data["reason_en"]
            )
            self.message_user(request, _("“%(title)s” cancelled.") % {"title": item})
            return self._back(item)
        return self._confirm_cancel(request, [item], form, status=400 if form.is_bound else 200)

    def reinstate_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._editable_item(request, pk)
        services.reinstate_item(item=item)
        self.message_user(request, _("“%(title)s” is scheduled again.") % {"title": item})
        return self._back(item)

    def _confirm_cancel(self, request, items, form, *, status=200, action=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Cancel programme items"),
            "items": items,
            "form": form,
            "action": action,
        }
        return TemplateResponse(request, "admin/expo/programmeitem/cancel_confirm.html", context, status=status)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["delays"] = DELAYS
        return super().render_change_form(request, context, add, change, form_url, obj)

    # The same from the changelist: tick items, choose the action.
    def _delay(self, request, queryset, minutes):
        for item in queryset:
            services.delay_item(item=item, minutes=minutes)
        self.message_user(
            request,
            _("%(count)d item(s) delayed by %(minutes)d minutes.") % {"count": len(queryset), "minutes": minutes},
        )

    @admin.action(description=_("Delay by 15 minutes"), permissions=["change"])
    def delay_15(self, request, queryset):
        self._delay(request, queryset, 15)

    @admin.action(description=_("Delay by 30 minutes"), permissions=["change"])
    def delay_30(self, request, queryset):
        self._delay(request, queryset, 30)

    @admin.action(description=_("Cancel (asks for the reason)"), permissions=["change"])
    def cancel(self, request, queryset):
        form = CancelForm(request.POST if "confirm_cancel" in request.POST else None)
        if not form.is_valid():
            return self._confirm_cancel(request, list(queryset), form, action="cancel")
        for item in queryset:
            services.cancel_item(
                item=item, note_vi=form.cleaned_data["reason_vi"], note_en=form.cleaned_data["reason_en"]
            )
        self.message_user(request, _("%(count)d item(s) cancelled.") % {"count": len(queryset)})
        return None


@admin.register(ProgrammeChange)
class ProgrammeChangeAdmin(admin.ModelAdmin):
    """The change log, read-only: rows are written by expo.programme.services only."""

    list_display = ("changed_at", "item", "kind", "summary")
    list_filter = ("kind", "item__edition")
    list_select_related = ("item", "item__edition", "old_venue", "new_venue")
    search_fields = ("item__title_vi", "item__title_en", "item__slug")
    date_hierarchy = "changed_at"

    @admin.display(description=_("change"))
    def summary(self, change):
        label, old, new = describe_change(change, change.item.edition.tz)
        return format_html("{}: {} → {}", label, old, new)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
