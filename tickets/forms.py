from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common import countries as country_names
from common import phones
from common.images import SafeImageFormField
from tickets.models import Registration
from tickets.models.registrations import HOME_COUNTRY
from tickets.slots import bookable, listed

CONSENT_LABEL = _("I have read the statement above and agree that my personal data are processed as it says.")
CONSENT_REQUIRED = _("Tick this box to give your consent: without it we cannot register you.")


class _VisitorForm(forms.ModelForm):
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    # Decree 13/2023/NĐ-CP: consent by an act of the visitor, never pre-ticked, after the statement.
    consent = forms.BooleanField(label=CONSENT_LABEL, error_messages={"required": CONSENT_REQUIRED})

    def is_bot(self):
        return bool(self.data.get("website"))

    def registration_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in ("slot", "photo")}


class SlotField(forms.ModelChoiceField):
    """The form lists the slots from the database, each with its places left; a sent choice is
    checked against `tickets.slots.bookable` instead, which the fragment cache answers: a read
    saved on every registration of a slot's opening. The place itself is taken by `take`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = dict

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.known()[int(value)]
        except (KeyError, TypeError, ValueError):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


class PublicForm(_VisitorForm):
    slot = SlotField(queryset=None, label=_("Day and time of entry"), empty_label=None)

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "party_size", "slot"]
        labels = {"party_size": _("Number of people, you included")}
        help_texts = {
            "email": _("We send a link to this address: the ticket is issued once you follow it."),
            "phone": _("Optional, with the country code, e.g. +84 912 345 678."),
        }
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"})}

    def __init__(self, *args, edition, max_party_size, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_party_size = max_party_size
        self.fields["slot"].queryset = listed(edition, today)
        self.fields["slot"].known = lambda: bookable(edition, today)
        self.fields["slot"].label_from_instance = self.slot_label
        self.fields["party_size"].widget.attrs.update({"min": 1, "max": max_party_size})

    def _get_validation_exclusions(self):
        # The model's own checks, less two the form has made already: the slot was read by its field
        # (a slot of this edition, not past), the party's size checked by clean_party_size. Checked
        # again they cost four queries (the slot read again, the size's constraint asked of the
        # database in a savepoint) at the busiest moment of a slot's opening; the database still
        # holds both when the registration is saved.
        return super()._get_validation_exclusions() | {"slot", "party_size"}

    @staticmethod
    def slot_label(slot):
        if not slot.free:
            return _("%(slot)s — full") % {"slot": slot}
        return _("%(slot)s — %(free)s places left") % {"slot": slot, "free": slot.free}

    def clean_party_size(self):
        size = self.cleaned_data["party_size"]
        if not 1 <= size <= self.max_party_size:
            raise ValidationError(
                _("One ticket is for 1 to %(max)s people; for a larger group, register in several parties."),
                params={"max": self.max_party_size},
            )
        return size

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        return phones.international(raw) if raw else ""


class TradeForm(_VisitorForm):
    photo = SafeImageFormField(
        label=_("Photo for the badge (optional)"),
        required=False,
        help_text=_("A recent passport-style photo: JPEG, PNG or WebP, at most 10 MB."),
    )

    class Meta:
        model = Registration
        fields = ["name", "organisation", "position", "country", "email", "phone", "id_number", "photo"]
        labels = {"id_number": _("Passport number (foreign nationals)")}
        help_texts = {
            "phone": _("With the country code, e.g. +84 24 3747 0000, or as dialled in the country you chose."),
            "id_number": _("Foreign nationals: the number of the passport you will show at the gate."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *country_names.choices()]
        for name in ("organisation", "position", "country", "phone"):
            self.fields[name].required = True

    def clean_phone(self):
        return phones.international(self.cleaned_data["phone"], self.cleaned_data.get("country"))

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country and str(country) != HOME_COUNTRY and not cleaned.get("id_number", "").strip():
            self.add_error("id_number", _("Foreign nationals give the number of their passport."))
        return cleaned


class ChangeSlotForm(forms.Form):
    slot = forms.ModelChoiceField(queryset=None, label=_("New day and time"), empty_label=None)

    def __init__(self, *args, edition, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = listed(edition, today)
        self.fields["slot"].label_from_instance = PublicForm.slot_label


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
