"""The exhibitor's form for one stand staff member (the organisers vet in the admin)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.text import nfc
from portal.models import StandStaff


class StandStaffForm(forms.ModelForm):
    class Meta:
        model = StandStaff
        fields = list(StandStaff.EXHIBITOR_FIELDS)
        widgets = {
            # Private storage has no URL: a plain file input, never Django's "Currently: <link>".
            "photo": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "id_number": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        }

    def __init__(self, *args, exhibitor, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.exhibitor, self.edition = exhibitor, edition
        if self.instance.pk:
            self.fields["photo"].required = False
            self.fields["photo"].help_text = _("Leave empty to keep the current photo.")

    def clean_id_number(self):
        number = nfc(self.cleaned_data["id_number"]).strip().upper()
        others = StandStaff.objects.active().filter(exhibitor=self.exhibitor, edition=self.edition, id_number=number)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("A member of your stand team already has this passport or ID number."))
        return number

    def changed_values(self):
        """The fields the exhibitor changed (all of them for a new member), a photo only if uploaded."""
        names = self.changed_data if self.instance.pk else self.Meta.fields
        values = {name: self.cleaned_data[name] for name in names if name != "photo"}
        if "photo" in self.changed_data and self.cleaned_data.get("photo"):
            values["photo"] = self.cleaned_data["photo"]
        return values
