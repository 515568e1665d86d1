from django import forms
from django.utils.translation import gettext_lazy as _

from common import countries as country_names
from common import phones
from common.images import SafeImageFormField
from press.models import MediaAccreditation


class AccreditationForm(forms.ModelForm):
    photo = SafeImageFormField(
        label=_("Photo for the badge"),
        help_text=_("A recent passport-style photo: JPEG, PNG or WebP, at most 10 MB."),
    )
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    # Decree 13/2023/NĐ-CP: consent is given by an act of the applicant, never pre-ticked; the
    # statement it refers to sits just above it in the page (press/accreditation_consent.html).
    consent = forms.BooleanField(
        label=_("I have read the statement above and agree that my personal data are processed as it says."),
        error_messages={
            "required": _("Tick this box to give your consent: without it we cannot process your application.")
        },
    )

    class Meta:
        model = MediaAccreditation
        fields = ["name", "outlet", "country", "role", "email", "phone", "press_card_number"]
        help_texts = {
            "phone": _("With the country code, e.g. +84 24 3747 0000, or as dialled in the country you chose."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Countries in the visitor's alphabet (Đức after Dominica, not after Zimbabwe).
        self.fields["country"].choices = [("", "---------"), *country_names.choices()]

    def clean_phone(self):
        # The country is cleaned first (field order): a number without a country code is read there.
        return phones.international(self.cleaned_data["phone"], self.cleaned_data.get("country"))

    def is_bot(self):
        return bool(self.data.get("website"))


class ReleaseSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False, strip=True)
