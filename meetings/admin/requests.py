from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common import languages
from common.dates import DAY_MONTH_TIME, DAY_TIME, formatted
from common.text import fold
from expo.selectors import chosen_edition
from meetings import schedule_pdf, services
from meetings.models import Meeting, MeetingPlace, MeetingRequest, RequestStep

# Lookups on these could be used to guess a restricted subject character by character.
PRIVATE_FIELDS = ("subject", "purpose", "restricted_to")
HIDDEN = _("Restricted: only the staff named on the request may read it.")


class RequestStepInline(admin.TabularInline):
    model = RequestStep
    extra = 0
    can_delete = False
    fields = ("status", "at", "by", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def _status_action(status, label):
    def action(modeladmin, request, queryset):
        done, refused = 0, []
        for meeting_request in queryset:
            try:
                services.set_status(request=meeting_request, status=status, by=request.user)
                done += 1
            except ValidationError as error:
                refused.append(f"{meeting_request}: {' '.join(error.messages)}")
        if done:
            modeladmin.message_user(request, _("%(count)d request(s) updated.") % {"count": done}, messages.SUCCESS)
        for line in refused[:10]:
            modeladmin.message_user(request, line, messages.WARNING)

    action.__name__ = f"mark_{status}"
    return admin.action(description=label, permissions=["change"])(action)


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ("__str__", "priority", "status", "scheduled_at", "subject_shown")
    list_filter = ("edition", "status", "priority", "asked_by")
    list_select_related = ("delegation", "counterpart_delegation", "counterpart_exhibitor", "meeting")
    autocomplete_fields = ("delegation", "counterpart_delegation", "counterpart_exhibitor")
    filter_horizontal = ("wished_days", "restricted_to")
    search_fields = ("delegation__search_name",)
    inlines = [RequestStepInline]
    readonly_fields = ("status",)
    actions = [
        _status_action(MeetingRequest.Status.ACCEPTED, _("Record: the counterpart accepted")),
        _status_action(MeetingRequest.Status.DECLINED, _("Record: the counterpart declined")),
        _status_action(MeetingRequest.Status.HELD, _("Record: the meeting was held")),
        _status_action(MeetingRequest.Status.NO_SHOW, _("Record: no-show")),
        _status_action(MeetingRequest.Status.CANCELLED, _("Cancel")),
    ]

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__")[0] in PRIVATE_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_ordering(self, request):
        return ["priority", "created_at", "pk"]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "language":
            # By name in the organiser's language, and "none" said in words.
            kwargs["choices"] = [("", _("None needed")), *languages.choices()]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        # Parties only, accent-insensitive; never the subject or purpose, which may be restricted.
        for word in fold(search_term).split()[:8]:
            queryset = queryset.filter(
                Q(delegation__search_name__contains=word)
                | Q(counterpart_delegation__search_name__contains=word)
                | Q(counterpart_exhibitor__name__icontains=word)
            )
        return queryset, False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset.annotate(subject_readable=Value(True))
        named = MeetingRequest.restricted_to.through.objects.filter(meetingrequest=OuterRef("pk"), user=request.user)
        readable = ExpressionWrapper(Q(restricted=False) | Exists(named), output_field=BooleanField())
        return queryset.annotate(subject_readable=readable)

    @staticmethod
    def may_read(obj):
        return getattr(obj, "subject_readable", not obj.restricted)

    @admin.display(description=_("subject"))
    def subject_shown(self, obj):
        return obj.subject if self.may_read(obj) else HIDDEN

    @admin.display(description=_("scheduled"))
    def scheduled_at(self, obj):
        meeting = getattr(obj, "meeting", None)
        if meeting is None:
            return "–"
        return format_html("{} (UTC+7)", formatted(timezone.localtime(meeting.start), DAY_MONTH_TIME))

    def get_fields(self, request, obj=None):
        fields = [
            "edition",
            "delegation",
            "counterpart_delegation",
            "counterpart_exhibitor",
            "asked_by",
            "priority",
            "wished_days",
            "language",
            "status",
            "restricted",
            "restricted_to",
            "subject",
            "purpose",
        ]
        if obj is not None and not self.may_read(obj):
            fields = [name for name in fields if name not in PRIVATE_FIELDS] + ["restricted_note"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not self.may_read(obj):
            readonly += ["restricted", "restricted_note"]
        return readonly

    @admin.display(description=_("subject and purpose"))
    def restricted_note(self, obj):
        return HIDDEN

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        edition = chosen_edition(request)
        if edition is not None:
            initial.setdefault("edition", edition.pk)
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.record_step(obj, obj.status, by=request.user)

    def get_urls(self):
        view = self.admin_site.admin_view(self.schedule_view)
        return [path("schedule/", view, name="meetings_meetingrequest_schedule"), *super().get_urls()]

    def schedule_view(self, request):
        if not request.user.has_perm("meetings.add_meeting"):
            raise PermissionDenied
        edition = chosen_edition(request)
        plan = None
        if request.method == "POST" and edition is not None:
            plan = services.schedule(edition=edition, by=request.user)
            self.message_user(
                request,
                _("%(placed)d meeting(s) placed; %(left)d request(s) could not be placed.")
                % {"placed": len(plan.placements), "left": len(plan.unplaced)},
                messages.SUCCESS if not plan.unplaced else messages.WARNING,
            )
        waiting = (
            MeetingRequest.objects.filter(edition=edition, status=MeetingRequest.Status.ACCEPTED).count()
            if edition
            else 0
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Place accepted requests"),
            "edition": edition,
            "plan": plan,
            "waiting": waiting,
            "changelist": reverse("admin:meetings_meetingrequest_changelist"),
        }
        return TemplateResponse(request, "admin/meetings/schedule.html", context)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ("place", "start", "interpreter")

    def clean(self):
        cleaned = super().clean()
        start, place = cleaned.get("start"), cleaned.get("place")
        if self.instance.pk and start and place:
            plan_end = start + (self.instance.end - self.instance.start)
            busy = services.check_move(
                meeting=self.instance, start=start, end=plan_end, place=place, interpreter=cleaned.get("interpreter")
            )
            if busy:
                raise ValidationError(_("Busy at that time: %(names)s.") % {"names": ", ".join(busy)})
        return cleaned


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingForm
    list_display = ("request", "place", "local_start", "interpreter")
    list_filter = ("place",)
    list_select_related = (
        "request__delegation",
        "request__counterpart_delegation",
        "request__counterpart_exhibitor",
        "place",
        "interpreter",
    )
    search_fields = ("request__delegation__search_name",)
    autocomplete_fields = ("interpreter",)

    def has_add_permission(self, request):
        # Meetings come from placing accepted requests; moving one is a change.
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("place/<int:pk>/schedule.pdf", wrap(self.place_schedule), name="meetings_meeting_place_schedule"),
            path(
                "exhibitor/<int:pk>/schedule.pdf",
                wrap(self.exhibitor_schedule),
                name="meetings_meeting_exhibitor_schedule",
            ),
            *super().get_urls(),
        ]

    def place_schedule(self, request, pk):
        place = get_object_or_404(MeetingPlace, pk=pk)
        return self._schedule_pdf(request, Meeting.objects.filter(place=place), place, f"place-{pk}")

    def exhibitor_schedule(self, request, pk):
        meetings = Meeting.objects.filter(request__counterpart_exhibitor_id=pk)
        exhibitor = get_object_or_404(MeetingPlace._meta.get_field("exhibitor").related_model, pk=pk)
        return self._schedule_pdf(request, meetings, exhibitor, f"exhibitor-{pk}")

    def _schedule_pdf(self, request, meetings, party, filename):
        if not self.has_view_permission(request):
            raise PermissionDenied
        language = request.GET.get("lang") if request.GET.get("lang") in ("vi", "en") else get_language()
        edition = party.edition if isinstance(party, MeetingPlace) else chosen_edition(request)
        meetings = schedule_pdf.scheduled(meetings)
        # Subjects only of the requests this reader may read (restricted ones: the named staff).
        readable = set(
            MeetingRequest.objects.filter(meeting__in=meetings)
            .visible_subject_for(request.user)
            .values_list("pk", flat=True)
        )
        return schedule_pdf.schedule_response(
            meetings=meetings,
            party=party,
            edition=edition,
            readable=readable,
            language=language,
            filename=filename,
            request=request,
        )

    @admin.display(description=_("start (UTC+7)"), ordering="start")
    def local_start(self, obj):
        return formatted(timezone.localtime(obj.start), DAY_TIME)

    def save_model(self, request, obj, form, change):
        services.move_meeting(
            meeting=obj, start=obj.start, place=obj.place, interpreter=obj.interpreter, by=request.user
        )
