"""The press office's side of interview requests: propose a time, arrange in a free place, decline."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from meetings import interviews
from meetings.models import InterviewRequest, MeetingPlace
from press.factsheets import site_url


class InterviewDecisionForm(forms.ModelForm):
    class Meta:
        model = InterviewRequest
        fields = ("status", "place", "start", "end", "note")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A plain choice of the edition's places in use: the press office does not keep the
        # meetings app's places (no permission on them), it only books them.
        if self.instance.pk and "place" in self.fields:
            self.fields["place"].queryset = MeetingPlace.objects.filter(
                edition_id=self.instance.accreditation.edition_id, is_active=True
            )

    def clean(self):
        cleaned = super().clean()
        if self.errors or not self.instance.pk:
            return cleaned
        self.decision = {name: cleaned.get(name) for name in ("status", "place", "start", "end")}
        self.decision["note"] = cleaned.get("note") or ""
        try:
            interviews.check_decision(interview=self.instance, **self.decision)
        except ValidationError as error:
            self.decision = None
            raise error
        return cleaned


@admin.register(InterviewRequest)
class InterviewRequestAdmin(admin.ModelAdmin):
    form = InterviewDecisionForm
    list_display = ("accreditation", "with_kind", "counterpart_name", "status", "start", "place", "created_at")
    list_filter = ("status", "with_kind")
    list_select_related = ("accreditation", "exhibitor", "place")
    search_fields = ("accreditation__name", "accreditation__outlet", "=accreditation__reference", "topic", "with_name")
    readonly_fields = ("accreditation", "with_kind", "exhibitor", "with_name", "topic", "languages", "wished_times")
    fields = (*readonly_fields, "status", "place", "start", "end", "note")

    def has_add_permission(self, request):
        return False  # journalists ask in the media area

    @admin.display(description=_("with"))
    def counterpart_name(self, obj):
        return obj.counterpart

    def save_model(self, request, obj, form, change):
        decision = getattr(form, "decision", None)
        if not decision:
            return
        # Checked by the form already; decide() checks again under the row lock, then mails.
        interviews.decide(interview=obj, by=request.user, base_url=site_url(request), **decision)
