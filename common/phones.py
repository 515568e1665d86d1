"""Phone numbers as people type them, checked with Google's libphonenumber (`phonenumbers`).

A number is read in international form (+84 24 3747 0000) or as dialled in the country the
person chose (024 3747 0000 for Viet Nam), must be a real number of its plan, and is kept in
international form so the press office can call it from anywhere.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "VN"


def international(raw, region=None):
    """`raw` as "+CC …" if it is a valid number (read in `region` when it has no country code)."""
    try:
        number = phonenumbers.parse(raw, (str(region or "") or DEFAULT_REGION).upper())
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "Enter a phone number we can call: with its country code (for example +84 24 3747 0000), "
                "or as it is dialled in the country you chose."
            ),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
