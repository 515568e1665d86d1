"""The delegations changelist and form: protocol order, filters, inlines, status actions, clash warnings."""

from django.contrib import admin, messages
from django.db.models import Count, Min, Q
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from common.admin import CountryFilter
from common.dates import DAY_MONTH_TIME, DAY_TIME, formatted
from delegations import letters, mail, selectors, services, walking
from delegations.admin import exports, logistics, printouts, views
from delegations.admin.base import (
    StaleSaveMixin,
    StaleSaveRefusedForm,
    folded_search,
)
from delegations.admin.changelist import ArrivalDayFilter, ProtocolOrderChangeList
from delegations.admin.inlines import EngagementInline, MemberInline, MovementInline, StatusChangeInline, chosen_heads
from delegations.admin.people import tell_demoted
from delegations.clashes import find_clashes, over_capacity
from delegations.models import Delegation, Engagement, Member, Movement

Status = Delegation.Status


@admin.register(Delegation)
class DelegationAdmin(StaleSaveMixin, TranslationAdmin):
    form = StaleSaveRefusedForm

    class Media:
        css = {"all": ["delegations/admin.css"]}

    list_display = (
        "country_name",
        "organisation",
        "level",
        "status",
        "liaison_officer",
        "member_count",
        "first_arrival",
    )
    # Type and head are a filter and the page, not columns: the list fits 1280 px with the
    # navigation open.
    list_display_links = ("country_name", "organisation")
    list_filter = (
        "status",
        "type",
        "level",
        ("country", CountryFilter),
        ("liaison_officer", admin.RelatedOnlyFieldListFilter),
        ArrivalDayFilter,
        "edition",
    )
    list_select_related = ("head", "liaison_officer", "edition")
    search_fields = ("search_name",)
    search_help_text = _("Organisation, country or member name; accents optional.")
    autocomplete_fields = ("liaison_officer", "interpreters")
    list_per_page = 100
    inlines = [MemberInline, MovementInline, EngagementInline, StatusChangeInline]
    actions = [
        "invite",
        "accept",
        "decline",
        "mark_arrived",
        "mark_departed",
        "cancel",
        exports.export_xlsx,
        exports.export_csv,
        printouts.badges_action,
        printouts.badges_cr80_action,
        logistics.assign_people_action,
    ]
    fieldsets = (
        (None, {"fields": ("edition", "country", "type", "organisation", "level", "head", "status", "version")}),
        (_("Looking after them"), {"fields": ("liaison_officer", "interpreters", "lodging", "notes")}),
    )
    # The head follows the members' roles (services.sync_heads): set it on the member, not here.
    readonly_fields = ("status", "head", "lodging")

    def get_urls(self):
        return views.urls(self) + super().get_urls()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        chosen = [member for formset in formsets if formset.model is Member for member in chosen_heads(formset)]
        demoted = services.sync_heads(delegations=[form.instance], chosen=chosen)
        tell_demoted(self, request, demoted)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if change and formset.model is Engagement:
            # A delegation told of its itinerary hears of the change (batched, reviewed: delegations.mail).
            mail.tell_engagement_changes(
                delegation=form.instance,
                added=formset.new_objects,
                changed=[engagement for engagement, _fields in formset.changed_objects],
                removed=formset.deleted_objects,
            )

    def get_queryset(self, request):
        arrivals = Q(movements__kind=Movement.Kind.ARRIVAL)
        # Not super(): it orders before the protocol sort key exists; get_ordering() applies it after.
        return (
            self.model._default_manager.get_queryset()
            .in_protocol_order()
            .annotate(
                member_total=Count("members", distinct=True),
                arrival=Min("movements__at", filter=arrivals),
            )
        )

    def get_changelist(self, request, **kwargs):
        return ProtocolOrderChangeList

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return folded_search(queryset, search_term, member_path="delegation"), False

    @admin.display(description=_("country"), ordering="country_sort")
    def country_name(self, obj):
        return obj.country.name

    @admin.display(description=_("hotel, room and vehicle"))
    def lodging(self, obj):
        """Read from the rooming list and the vehicle pool (delegations.selectors), never typed here."""
        members = list(obj.members.order_by("order", "pk")) if obj.pk else []
        if not members:
            return "—"
        found = selectors.lodgings([obj.pk])
        rows = []
        for member in members:
            stay = found.get(member.pk, selectors.NOWHERE)
            vehicle = stay.vehicle.registration if stay.vehicle else "—"
            rows.append((member.title_and_name, stay.hotel_and_room or "—", vehicle))
        return format_html(
            '<table class="lodging"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>',
            _("Member"),
            _("Hotel, room"),
            _("Vehicle (arrival)"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description=_("head of delegation"))
    def head_name(self, obj):
        return obj.head.title_and_name if obj.head else "—"

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, obj):
        return obj.member_total

    @admin.display(description=_("arrival"), ordering="arrival")
    def first_arrival(self, obj):
        if not obj.arrival:
            return "—"
        return formatted(obj.arrival, DAY_TIME, obj.edition.tz)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        allowed = self.has_view_or_change_permission(request)
        delegation = self.get_object(request, object_id) if allowed and request.method == "GET" else None
        if delegation is not None:
            for clash in find_clashes(delegation.edition):
                if clash.involves(delegation.pk):
                    messages.warning(
                        request,
                        _("Clash (%(resource)s: %(name)s): “%(first)s” and “%(second)s” overlap at %(time)s.")
                        % {
                            "resource": clash.resource_label,
                            "name": clash.name,
                            "first": clash.first,
                            "second": clash.second,
                            "time": formatted(clash.second.start, DAY_MONTH_TIME, delegation.edition.tz),
                        },
                    )
            for warning in over_capacity(delegation.edition):
                if warning.booking.delegation_id == delegation.pk:
                    messages.warning(
                        request,
                        _("Vehicle %(vehicle)s has %(seats)s seats for %(people)s people (“%(booking)s”).")
                        % {
                            "vehicle": warning.vehicle.registration,
                            "seats": warning.vehicle.seats,
                            "people": warning.people,
                            "booking": warning.booking,
                        },
                    )
            self._warn_letter_gaps(request, delegation)
            extra_context = {**(extra_context or {}), **walking.change_form_context(request, delegation)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _step(self, request, queryset, status):
        changed, refused = services.change_statuses(delegations=list(queryset), status=status, user=request.user)
        if changed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d delegation is now “%(status)s”.",
                    "%(count)d delegations are now “%(status)s”.",
                    len(changed),
                )
                % {"count": len(changed), "status": Status(status).label},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not changed (this step does not follow their status): %(names)s")
                % {"names": ", ".join(str(d) for d in refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Invite the selected delegations"), permissions=["change"])
    def invite(self, request, queryset):
        self._step(request, queryset, Status.INVITED)
        # The letters leave out what is missing in their language: say so before they are approved.
        for delegation in queryset.filter(status=Status.INVITED).select_related("edition", "head"):
            self._warn_letter_gaps(request, delegation)

    def _warn_letter_gaps(self, request, delegation):
        for gap in letters.gaps(delegation, mail.recipient(delegation)):
            messages.warning(request, gap)

    @admin.action(description=_("Mark as accepted"), permissions=["change"])
    def accept(self, request, queryset):
        self._step(request, queryset, Status.ACCEPTED)

    @admin.action(description=_("Mark as declined"), permissions=["change"])
    def decline(self, request, queryset):
        self._step(request, queryset, Status.DECLINED)

    @admin.action(description=_("Mark as arrived"), permissions=["change"])
    def mark_arrived(self, request, queryset):
        self._step(request, queryset, Status.ARRIVED)

    @admin.action(description=_("Mark as departed"), permissions=["change"])
    def mark_departed(self, request, queryset):
        self._step(request, queryset, Status.DEPARTED)

    @admin.action(description=_("Cancel"), permissions=["change"])
    def cancel(self, request, queryset):
        self._step(request, queryset, Status.CANCELLED)
