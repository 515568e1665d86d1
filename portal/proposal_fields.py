"""What an exhibitor may change, defined once: the portal's forms, the proposal's values, the
reviewer's difference and the approval all read these lists.

A proposal's `values` hold, for each field that differs from the approved row, the proposed
value: a string, {"vi": …, "en": …} for a translated field, ids for sectors and category, and
[{"label": {"vi", "en"}, "value": …}] for specifications.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.translation import gettext_lazy as _

from exhibitors.models import Category, Exhibitor, Product, Sector
from portal.models import Proposal

LANGUAGES = (("vi", _("Vietnamese")), ("en", _("English")))


@dataclass(frozen=True)
class Editable:
    name: str
    model: type
    translated: bool = False
    required_vi: bool = False

    @property
    def label(self):
        if self.name == "specifications":
            return _("specifications")
        return self.model._meta.get_field(self.name).verbose_name


PROFILE = (
    Editable("name", Exhibitor),
    Editable("description", Exhibitor, translated=True),
    Editable("website", Exhibitor),
    Editable("press_contact", Exhibitor),
    Editable("visitor_contact", Exhibitor),
    Editable("sectors", Exhibitor),
)
EXHIBIT = (
    Editable("name", Product, translated=True, required_vi=True),
    Editable("category", Product),
    Editable("display_mode", Product),
    Editable("summary", Product, translated=True),
    Editable("description", Product, translated=True),
    Editable("specifications", Product),
    Editable("video_url", Product),
)


def fields_of(kind):
    return PROFILE if kind == Proposal.Kind.PROFILE else EXHIBIT


def _read(obj, field):
    if field.translated:
        return {code: getattr(obj, f"{field.name}_{code}", "") or "" for code, _label in LANGUAGES}
    if field.name == "sectors":
        return sorted(sector.pk for sector in obj.sectors.all())
    if field.name == "category":
        return obj.category_id
    if field.name == "specifications":
        return [
            {"label": {"vi": spec.label_vi or "", "en": spec.label_en or ""}, "value": spec.value}
            for spec in obj.specifications.all()
        ]
    return getattr(obj, field.name) or ""


def _empty(field):
    if field.translated:
        return {code: "" for code, _label in LANGUAGES}
    if field.name in ("sectors", "specifications"):
        return []
    if field.name == "category":
        return None
    if field.name == "display_mode":
        return Product.DisplayMode.STATIC
    return ""


def current_values(kind, obj):
    """The approved row's values in a proposal's shape (a new exhibit: the empty ones)."""
    return {field.name: _read(obj, field) if obj is not None else _empty(field) for field in fields_of(kind)}


def changes(kind, proposed, current):
    """Only what differs from the approved row: what the proposal keeps, and approval writes."""
    return {
        field.name: proposed[field.name]
        for field in fields_of(kind)
        if field.name in proposed and proposed[field.name] != current.get(field.name)
    }


def effective(kind, obj, proposal):
    """What the exhibitor sees in its form: the approved row with its open proposal over it."""
    values = current_values(kind, obj)
    if proposal is not None:
        values.update({k: v for k, v in proposal.values.items() if k in values})
    return values


def missing(kind, values):
    """[(field label, language label)] for every translated field empty in one language but not the other
    (or, for a required one, empty in Vietnamese)."""
    found = []
    for field in fields_of(kind):
        if not field.translated:
            continue
        texts = values.get(field.name) or {}
        for code, language in LANGUAGES:
            if not texts.get(code) and (any(texts.values()) or (field.required_vi and code == "vi")):
                found.append((field.label, language))
    return found


def as_text(field, value, language):
    """A value as the reviewer reads it, in `language` for the translated parts."""
    if field.translated:
        return (value or {}).get(language, "")
    if field.name == "sectors":
        names = Sector.objects.filter(pk__in=value or []).order_by("order", "slug")
        return ", ".join(str(getattr(sector, f"name_{language}") or sector.name_vi) for sector in names)
    if field.name == "category":
        category = Category.objects.filter(pk=value).first() if value else None
        return (getattr(category, f"name_{language}") or category.name_vi) if category else ""
    if field.name == "specifications":
        lines = []
        for spec in value or []:
            label = spec["label"].get(language) or spec["label"].get("vi", "")
            lines.append(f"{label}: {spec['value']}")
        return "\n".join(lines)
    if field.name == "display_mode":
        return str(Product.DisplayMode(value).label) if value in Product.DisplayMode.values else value
    return str(value or "")


_TOKENS = re.compile(r"\s+|[^\s]+")


def marked(old, new):
    """Both texts as [(text, changed)] runs, the words that differ marked (a word-level diff)."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    before, after = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            before.append(("".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            after.append(("".join(b[j1:j2]), op != "equal"))
    return before, after


def differences(proposal, obj):
    """The reviewer's rows: one per changed field and language, old and new with the changes marked."""
    kind = proposal.kind
    current = current_values(kind, obj)
    rows = []
    for field in fields_of(kind):
        if field.name not in proposal.values:
            continue
        languages = (
            LANGUAGES if field.translated or field.name in ("sectors", "category", "specifications") else ((None, ""),)
        )
        for code, language in languages:
            old = as_text(field, current[field.name], code or "vi")
            new = as_text(field, proposal.values[field.name], code or "vi")
            if old == new:
                continue
            before, after = marked(old, new)
            rows.append({"field": field, "label": field.label, "language": language, "old": before, "new": after})
    return rows
