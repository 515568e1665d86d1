"""Hotels and rooming lists, the vehicle pool, liaison officers' run sheets, bulk assignment."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from common import jobs
from common import languages as spoken
from common.collation import sort_key
from common.dates import DAY_MONTH, formatted
from delegations import services
from delegations.admin import printouts
from delegations.admin.base import folded_search, require_permission
from delegations.admin.people import OfficerAdmin
from delegations.models import (
    Delegation,
    Hotel,
    Interpreter,
    LiaisonOfficer,
    RoomAssignment,
    Vehicle,
)
from delegations.models.delegation import in_protocol_order
from delegations.run_sheets import run_sheet_days, run_sheet_rows
from expo.selectors import chosen_edition


class FoldedSearchMixin:
    """Accent-insensitive search and autocomplete ("xe bus" finds "Xe buýt")."""

    search_fields = ("search_name",)

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return folded_search(queryset, search_term), False


@admin.register(Vehicle)
class VehicleAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ("registration", "model", "seats", "driver_name", "driver_phone", "booking_count")
    list_filter = ("edition",)
    search_help_text = _("Plate, model or driver; accents optional.")
    fields = ("edition", "registration", "model", "seats", "driver_name", "driver_phone")

    def get_queryset(self, request):
        bookings = Count("engagements", distinct=True) + Count("movements", distinct=True)
        # Explicit order: a grouped queryset drops the model's default ordering.
        return super().get_queryset(request).annotate(booking_total=bookings).order_by("registration", "pk")

    @admin.display(description=_("bookings"), ordering="booking_total")
    def booking_count(self, obj):
        return obj.booking_total


class RoomAssignmentInline(admin.TabularInline):
    model = RoomAssignment
    extra = 0
    fields = ("member", "room", "check_in", "check_out")
    autocomplete_fields = ("member",)


@admin.register(Hotel)
class HotelAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ("name", "address", "phone", "guest_count", "rooming_list")
    list_filter = ("edition",)
    fields = ("edition", "name", "address", "phone")
    inlines = [RoomAssignmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(guest_total=Count("rooms")).order_by("name", "pk")

    def get_urls(self):
        view = self.admin_site.admin_view(self.rooming_list_pdf)
        return [path("<int:pk>/rooming-list.pdf", view, name="delegations_hotel_rooming_list"), *super().get_urls()]

    @admin.display(description=_("guests"), ordering="guest_total")
    def guest_count(self, obj):
        return obj.guest_total

    @admin.display(description=_("rooming list"))
    def rooming_list(self, obj):
        url = reverse("admin:delegations_hotel_rooming_list", args=[obj.pk])
        return format_html('<a href="{}?lang=vi">PDF (vi)</a> · <a href="{}?lang=en">PDF (en)</a>', url, url)

    def rooming_list_pdf(self, request, pk):
        require_permission(request, "delegations.view_hotel")
        hotel = get_object_or_404(Hotel.objects.select_related("edition"), pk=pk)
        rooms = RoomAssignment.objects.filter(hotel=hotel).select_related("member__delegation")
        rooms = in_protocol_order(
            rooms, printouts.print_language(request), path="member__delegation__", then=("room", "check_in", "pk")
        )
        context = {"hotel": hotel, "edition": hotel.edition, "rooms": rooms}
        return printouts.printout(request, "delegations/pdf/rooming_list.html", context, f"rooming-list-{hotel.pk}")


@admin.register(LiaisonOfficer)
class LiaisonOfficerAdmin(OfficerAdmin):
    list_display = (*OfficerAdmin.list_display, "run_sheets")

    def changelist_view(self, request, extra_context=None):
        self._edition = edition = chosen_edition(request)
        days = [(day, formatted(day, DAY_MONTH)) for day in run_sheet_days(edition)] if edition else []
        extra_context = {**(extra_context or {}), "run_sheet_days": days, "run_sheet_edition": edition}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view(self.run_sheet_pdf)
        day_view = self.admin_site.admin_view(self.day_run_sheets)
        return [
            path("<int:pk>/run-sheet.pdf", view, name="delegations_liaisonofficer_run_sheet"),
            path("run-sheets/", day_view, name="delegations_liaisonofficer_day_run_sheets"),
            *super().get_urls(),
        ]

    @admin.display(description=_("daily run sheets (PDF)"))
    def run_sheets(self, obj):
        edition = getattr(self, "_edition", None)
        if edition is None:
            return "—"
        url = reverse("admin:delegations_liaisonofficer_run_sheet", args=[obj.pk])
        return format_html_join(
            " · ",
            '<a href="{}?day={}&amp;edition={}">{}</a>',
            ((url, day.isoformat(), edition.pk, formatted(day, DAY_MONTH)) for day in run_sheet_days(edition)),
        )

    def run_sheet_pdf(self, request, pk):
        require_permission(request, "delegations.view_liaisonofficer")
        require_permission(request, "delegations.view_delegation")
        officer = get_object_or_404(LiaisonOfficer, pk=pk)
        edition = chosen_edition(request)
        try:
            day = datetime.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = None
        if edition is None or day not in run_sheet_days(edition):
            raise Http404(_("Choose one of the edition's days."))
        context = {"officer": officer, "edition": edition, "day": day, "rows": run_sheet_rows(officer, edition, day)}
        return printouts.printout(request, "delegations/pdf/run_sheet.html", context, f"run-sheet-{officer.pk}-{day}")

    def day_run_sheets(self, request):
        """Every officer's run sheet for a day, one PDF made by a batch job (POST: it starts one)."""
        require_permission(request, "delegations.view_liaisonofficer")
        require_permission(request, "delegations.view_delegation")
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        edition = chosen_edition(request)
        try:
            day = datetime.date.fromisoformat(request.POST.get("day", ""))
        except ValueError:
            day = None
        if edition is None or day not in run_sheet_days(edition):
            raise Http404(_("Choose one of the edition's days."))
        language = printouts.print_language(request)
        with override(language):
            title = _("Run sheets of every liaison officer, %(day)s") % {"day": formatted(day, DAY_MONTH)}
            job = jobs.start(
                "delegations.run_sheets",
                user=request.user,
                title=title,
                arguments={"edition": edition.pk, "day": day.isoformat()},
            )
        return redirect("admin:common_batchjob_change", job.pk)


class AssignForm(forms.Form):
    liaison_officer = forms.ModelChoiceField(
        label=_("Liaison officer"), queryset=LiaisonOfficer.objects.all(), required=False
    )
    interpreters = forms.ModelMultipleChoiceField(
        label=_("Interpreters (added)"),
        queryset=Interpreter.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Listed by language; the delegations' members' languages are shown above."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        officers = self.fields["liaison_officer"]
        officers.label_from_instance = lambda o: f"{o} — {o.get_languages_display()}" if o.languages else str(o)
        self.fields["interpreters"].queryset = Interpreter.objects.order_by("languages", "name")
        self.fields["interpreters"].label_from_instance = lambda i: f"{i.get_languages_display() or '—'}: {i.name}"


@admin.action(description=_("Assign a liaison officer or interpreters"), permissions=["change"])
def assign_people_action(modeladmin, request, queryset):
    delegations = list(queryset.prefetch_related("members"))
    if "apply" in request.POST:
        form = AssignForm(request.POST)
        if form.is_valid():
            changed = services.assign_people(
                delegations=delegations,
                liaison_officer=form.cleaned_data["liaison_officer"],
                interpreters=list(form.cleaned_data["interpreters"]),
                user=request.user,
            )
            modeladmin.message_user(request, _("%(count)s delegations changed.") % {"count": changed}, messages.SUCCESS)
            return None
    else:
        form = AssignForm()
    codes = {code for d in delegations for m in d.members.all() for code in spoken.split(m.languages)}
    languages = sorted((str(spoken.NAMES.get(code, code)) for code in codes), key=sort_key)
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Delegation._meta,
        "title": _("Assign a liaison officer or interpreters"),
        "delegations": delegations,
        "languages": languages,
        "form": form,
        "action_name": "assign_people_action",
    }
    return TemplateResponse(request, "admin/delegations/assign_people.html", context)
