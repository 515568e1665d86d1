from django import forms
from django.utils.translation import gettext_lazy as _

from common import countries as country_names
from common.images import SafeImageFormField
from press.models import MediaAccreditation


class AccreditationForm(forms.ModelForm):
    photo = SafeImageFormField(
        label=_("Photo for the badge"),
        help_text=_("A recent passport-style photo: JPEG, PNG or WebP, at most 10 MB."),
    )
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = MediaAccreditation
        fields = ["name", "outlet", "country", "role", "email", "phone", "press_card_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Countries in the visitor's alphabet (Đức after Dominica, not after Zimbabwe).
        self.fields["country"].choices = [("", "---------"), *country_names.choices()]

    def is_bot(self):
        return bool(self.data.get("website"))


class ReleaseSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False, strip=True)
