"""The exhibitor's meeting request: which delegation, subject, purpose, wished days, language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common import languages, meeting_parties
from meetings.exhibitor_side import is_open_with
from meetings.models import MeetingDay, MeetingRequest


class MeetingRequestForm(forms.ModelForm):
    delegation = forms.TypedChoiceField(
        label=_("Delegation"),
        coerce=int,
        help_text=_("The invited delegations that have accepted, foreign and Vietnamese, in protocol order."),
    )

    class Meta:
        model = MeetingRequest
        fields = ("subject", "purpose", "wished_days", "language", "restricted")
        labels = {
            "subject": _("Subject"),
            "purpose": _("Purpose"),
            "wished_days": _("Wished days"),
            "language": _("Interpretation needed"),
            "restricted": _("Confidential"),
        }
        help_texts = {
            "purpose": _("What you would like to discuss and what you would like the meeting to achieve."),
            "wished_days": _("Leave all unticked for any meeting day."),
            "restricted": _("Only you and the protocol staff named on the request may read the subject and purpose."),
        }
        widgets = {"wished_days": forms.CheckboxSelectMultiple, "purpose": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, exhibitor, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.exhibitor, self.edition = exhibitor, edition
        self.order_fields(["delegation", "subject", "purpose", "wished_days", "language", "restricted"])
        delegations = meeting_parties.delegations_to_meet(edition)
        self.fields["delegation"].choices = [("", _("Choose a delegation")), *delegations]
        self.fields["subject"].required = True
        self.fields["purpose"].required = True
        self.fields["purpose"].max_length = 2000
        self.fields["wished_days"].queryset = MeetingDay.objects.filter(edition=edition).order_by("date")
        self.fields["language"].choices = [("", _("None needed")), *languages.choices()]

    def clean_delegation(self):
        delegation_id = self.cleaned_data["delegation"]
        if is_open_with(self.exhibitor, self.edition, delegation_id):
            raise forms.ValidationError(
                _("You have already asked this delegation for a meeting; the protocol office is considering it.")
            )
        return delegation_id
