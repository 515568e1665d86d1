from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from expo.models import Edition


class ImportForm(forms.Form):
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=Edition.objects.all())
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("One row per member. CSV in UTF-8, comma or semicolon; or an Excel workbook (first sheet)."),
    )
    language = forms.ChoiceField(
        label=_("Language of a single “organisation”, “rank” or “position” column"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
