"""The portal's profile and exhibit forms: Vietnamese and English side by side, with the admin's
validation (the model fields' own form fields and validators, the strict image pipeline, the
PDF parser, the video hosts' allow-list)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common import images
from common.text import nfc
from common.validators import validate_pdf, validate_video_url
from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Sector
from portal import proposal_fields
from portal.models import Proposal

IMAGE_HELP = ProductImage._meta.get_field("image").help_text


def _model_field(model, name, **kwargs):
    return model._meta.get_field(name).formfield(**kwargs)


def _text(value):
    return nfc(value or "").strip()


class BilingualForm(forms.Form):
    """A form whose translated fields are `<name>_vi` and `<name>_en`, shown as pairs."""

    kind = None

    def pairs(self):
        """{name: {"label", "columns": [(Vietnamese bound field, "vi"), (English, "en")]}} for the template."""
        return {
            field.name: {
                "label": field.label,
                "columns": [(self[f"{field.name}_{code}"], code) for code in ("vi", "en")],
            }
            for field in proposal_fields.fields_of(self.kind)
            if field.translated
        }

    def values(self):
        """The submitted values in a proposal's shape (after is_valid())."""
        data, values = self.cleaned_data, {}
        for field in proposal_fields.fields_of(self.kind):
            if field.translated:
                values[field.name] = {code: _text(data.get(f"{field.name}_{code}")) for code in ("vi", "en")}
            elif field.name == "sectors":
                values[field.name] = sorted(sector.pk for sector in data.get("sectors") or [])
            elif field.name == "category":
                values[field.name] = data["category"].pk
            elif field.name != "specifications":
                values[field.name] = _text(data.get(field.name))
        return values


def initial_from(kind, values):
    """A form's initial data from values in a proposal's shape."""
    initial = {}
    for field in proposal_fields.fields_of(kind):
        value = values.get(field.name)
        if field.translated:
            initial.update({f"{field.name}_{code}": (value or {}).get(code, "") for code in ("vi", "en")})
        elif field.name != "specifications":
            initial[field.name] = value
    return initial


def _textarea():
    return forms.Textarea(attrs={"rows": 6})


class ProfileForm(BilingualForm):
    kind = Proposal.Kind.PROFILE

    name = _model_field(Exhibitor, "name")
    description_vi = forms.CharField(label=_("description"), required=False, widget=_textarea())
    description_en = forms.CharField(label=_("description"), required=False, widget=_textarea())
    website = _model_field(Exhibitor, "website", assume_scheme="https")
    press_contact = _model_field(Exhibitor, "press_contact")
    visitor_contact = _model_field(Exhibitor, "visitor_contact")
    sectors = forms.ModelMultipleChoiceField(
        Sector.objects.order_by("order", "slug"),
        label=_("sectors"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    logo = images.SafeImageFormField(label=_("new logo"), required=False, help_text=IMAGE_HELP)


class ExhibitForm(BilingualForm):
    kind = Proposal.Kind.EXHIBIT

    name_vi = forms.CharField(label=_("name"), max_length=200)
    name_en = forms.CharField(label=_("name"), max_length=200, required=False)
    category = forms.ModelChoiceField(Category.objects.select_related("sector"), label=_("category"))
    display_mode = _model_field(Product, "display_mode")
    summary_vi = forms.CharField(label=_("summary"), max_length=300, required=False)
    summary_en = forms.CharField(label=_("summary"), max_length=300, required=False)
    description_vi = forms.CharField(label=_("description"), required=False, widget=_textarea())
    description_en = forms.CharField(label=_("description"), required=False, widget=_textarea())
    video_url = forms.URLField(
        label=_("video link"),
        required=False,
        assume_scheme="https",
        validators=[validate_video_url],
        help_text=Product._meta.get_field("video_url").help_text,
    )
    brochure = forms.FileField(
        label=_("new brochure (PDF)"),
        required=False,
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=Product._meta.get_field("brochure").help_text,
    )
    image = images.SafeImageFormField(label=_("add an image"), required=False, help_text=IMAGE_HELP)
    image_alt_vi = forms.CharField(label=_("what the image shows (Vietnamese)"), max_length=250, required=False)
    image_alt_en = forms.CharField(label=_("what the image shows (English)"), max_length=250, required=False)
    remove = forms.MultipleChoiceField(label=_("remove images"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, image_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].choices = list(image_choices)
        self.fields["category"].label_from_instance = lambda category: f"{category.sector.name} › {category.name}"

    def clean(self):
        data = super().clean()
        if data.get("image") and not _text(data.get("image_alt_vi")):
            self.add_error("image_alt_vi", _("Say what the image shows, at least in Vietnamese."))
        return data


class SpecificationForm(forms.Form):
    label_vi = forms.CharField(label=_("label (Vietnamese)"), max_length=120, required=False)
    label_en = forms.CharField(label=_("label (English)"), max_length=120, required=False)
    value = _model_field(ProductSpecification, "value", required=False)

    def clean(self):
        data = super().clean()
        if any(data.get(name) for name in ("label_vi", "label_en")) and not data.get("value"):
            self.add_error("value", _("Give the value, e.g. 40 km."))
        elif data.get("value") and not data.get("label_vi"):
            self.add_error("label_vi", _("Give the label in Vietnamese, e.g. Tầm bắn."))
        return data


SpecificationFormSet = forms.formset_factory(SpecificationForm, extra=2, max_num=40, validate_max=True, absolute_max=60)


def specifications_initial(values):
    return [
        {"label_vi": spec["label"].get("vi", ""), "label_en": spec["label"].get("en", ""), "value": spec["value"]}
        for spec in values.get("specifications") or []
    ]


def specifications_values(formset):
    """The formset's filled rows in a proposal's shape, in their order."""
    rows = []
    for data in (form.cleaned_data for form in formset.forms):
        if data.get("value"):
            label = {"vi": _text(data.get("label_vi")), "en": _text(data.get("label_en"))}
            rows.append({"label": label, "value": _text(data["value"])})
    return rows
