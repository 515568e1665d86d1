"""Languages people speak: chosen from one list, stored as ISO 639-1 codes, named in the reader's language.

Delegation members, liaison officers and interpreters speak several (`LanguagesField`, stored
"ar,en,fr" in one column); a meeting request needs one interpretation language (a plain
CharField with `choices=SPOKEN`). The scheduler compares codes, never typed names, so "Arabic",
"tiếng Ả Rập" and "arabic" can no longer miss each other. `code_for()` reads a typed name in
either language; `read_typed()` a typed list (the data migrations that replaced the free text
use them).
"""

import re

from django import forms
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common.collation import sort_key
from common.text import fold

SPOKEN = (
    ("ar", _("Arabic")),
    ("cs", _("Czech")),
    ("de", _("German")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fa", _("Persian")),
    ("fr", _("French")),
    ("he", _("Hebrew")),
    ("hi", _("Hindi")),
    ("id", _("Indonesian")),
    ("it", _("Italian")),
    ("ja", _("Japanese")),
    ("km", _("Khmer")),
    ("kk", _("Kazakh")),
    ("ko", _("Korean")),
    ("lo", _("Lao")),
    ("mn", _("Mongolian")),
    ("ms", _("Malay")),
    ("my", _("Burmese")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("sv", _("Swedish")),
    ("th", _("Thai")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("vi", _("Vietnamese")),
    ("zh", _("Chinese")),
)
NAMES = dict(SPOKEN)
# Names people type for a language that are neither its English nor its Vietnamese name.
ALIASES = {"mandarin": "zh", "farsi": "fa", "myanmar": "my", "tieng trung quoc": "zh", "tieng trung": "zh"}


def split(value):
    """The codes of a stored value ("ar,en" → ["ar", "en"])."""
    return [code for code in (value or "").split(",") if code]


def names(value):
    """A stored value as the active language names it: "Tiếng Anh, Tiếng Pháp"."""
    return ", ".join(str(NAMES.get(code, code)) for code in split(value))


def in_sentence(code):
    """A language's name inside a sentence: Vietnamese writes "tiếng Ả Rập" there, "Tiếng Ả Rập"
    at the head of a list item; English keeps its capital ("Arabic")."""
    name = str(NAMES.get(code, code))
    return name[:1].lower() + name[1:] if translation.get_language() == "vi" else name


def choices():
    """SPOKEN in the active language's alphabetical order."""
    return sorted(SPOKEN, key=lambda choice: sort_key(str(choice[1])))


def code_for(typed):
    """The code of a language typed by name in English or Vietnamese ("French", "tiếng Pháp",
    "Pháp"), or by code; None when it is not on the list."""
    wanted = fold(typed).strip()
    if wanted in NAMES:
        return wanted
    if wanted in ALIASES:
        return ALIASES[wanted]
    for language in ("en", "vi"):
        with translation.override(language):
            for code, name in SPOKEN:
                folded = fold(str(name))
                if wanted in (folded, folded.removeprefix("tieng ")):
                    return code
    return None


def read_typed(text):
    """Free text such as "English, French" or "Nga và Anh" as (codes, the words not understood)."""
    codes, unknown = [], []
    for part in re.split(r"[,;/+&]|\band\b|\bvà\b", text or "", flags=re.IGNORECASE):
        if not part.strip():
            continue
        code = code_for(part)
        if code is None:
            unknown.append(part.strip())
        elif code not in codes:
            codes.append(code)
    return ",".join(sorted(codes)), unknown


class LanguagesFormField(forms.TypedMultipleChoiceField):
    """Ticks, one per language of the list; cleans to the stored "ar,en" form."""

    # Laid out in columns by the admin's layout.css (.language-ticks), not one long column.
    widget = forms.CheckboxSelectMultiple(attrs={"class": "language-ticks"})

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(choices=choices, **kwargs)

    def prepare_value(self, value):
        return split(value) if isinstance(value, str) else value

    def to_python(self, value):
        # An empty value posted as "" (a script, not a browser's ticks) means none ticked.
        return [code for code in super().to_python(value) if code]

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)

    def clean(self, value):
        return ",".join(sorted(super().clean(value)))


class LanguagesField(models.CharField):
    """Several languages, as codes of SPOKEN in one column ("ar,en,fr"); `get_<name>_display()`
    names them in the active language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        setattr(cls, f"get_{name}_display", lambda instance: names(getattr(instance, name)))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in split(value) if code not in NAMES]
        if unknown:
            raise forms.ValidationError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)})

    def formfield(self, **kwargs):
        defaults = {"required": not self.blank, "label": capfirst(self.verbose_name), "help_text": self.help_text}
        # The admin offers every CharField a text input; languages are ticked, not typed.
        if not isinstance(kwargs.get("widget"), forms.CheckboxSelectMultiple):
            kwargs.pop("widget", None)
        return LanguagesFormField(**{**defaults, **kwargs})
