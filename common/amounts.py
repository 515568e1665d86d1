"""Amounts of money in the admin, written as each language writes them, with the currency.

Vietnamese groups thousands with dots and writes decimals after a comma ("42.000.000 USD"),
English the other way round ("42,000,000 USD"); in both the ISO code follows the number, as on
the public results page. Cents are shown only when there are some.
"""

import re
from decimal import Decimal

from django import forms
from django.template.defaultfilters import floatformat
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _


def format_amount(value, currency=""):
    """42000000 → "42.000.000 USD" (vi) or "42,000,000 USD" (en); None → ""."""
    if value is None:
        return ""
    number = floatformat(value, "-2g")
    return f"{number}\u00a0{currency}" if currency else number


class AmountField(forms.DecimalField):
    """A decimal typed and shown with the language's separators: "42.000.000,50" in Vietnamese."""

    widget = forms.TextInput
    default_error_messages = {
        "grouping": _("Write the amount with the thousands grouped as shown, e.g. %(example)s."),
    }

    def __init__(self, **kwargs):
        kwargs["localize"] = True
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            places = 0 if value == value.to_integral_value() else 2
            return number_format(value, places, use_l10n=True, force_grouping=True)
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", "").replace(" ", "")
            thousands, decimal = get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")
            if thousands in value:
                # "42.000.000" in Vietnamese groups thousands; one separator before one or two
                # digits ("42000000.50") can only be a decimal point; anything else ("4.20.00") is
                # refused rather than guessed.
                grouped = rf"\d{{1,3}}({re.escape(thousands)}\d{{3}})+({re.escape(decimal)}\d+)?"
                if re.fullmatch(rf"\d+{re.escape(thousands)}\d{{1,2}}", value):
                    value = value.replace(thousands, decimal)
                elif not re.fullmatch(grouped, value):
                    example = number_format(Decimal("42000000.50"), 2, use_l10n=True, force_grouping=True)
                    raise forms.ValidationError(
                        self.error_messages["grouping"], code="grouping", params={"example": example}
                    )
                value = value.replace(thousands, "")
        return super().to_python(value)
