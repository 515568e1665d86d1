"""Numbers as the reader's language writes them: 11.509 and 1.472 in Vietnamese, 11,509 and
1,472 in English (a decimal comma in Vietnamese, a decimal point in English).

The one formatter for every page and PDF that prints a figure or a specification value; the API
gives the stored values as they are. `format_number` writes a number; `format_figures` rewrites
the numbers inside a free text such as a specification value ("11 509 m", "7.62 mm") however it
was typed.

Reading a typed number: digits grouped by threes with a space (any kind), a dot or a comma are one
number ("11 509", "11.509" and "11,509" are all 11509); a dot or comma followed by other than three
digits is a decimal separator ("7.62", "1,5"), and so is one after a lone zero ("0.125"). Digits
touching letters are part of a name and left alone ("Su-30MK2", "9M317", "T-90S").
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, translation

# One number: a first group of digits, then groups of three after one repeated separator, then
# an optional decimal part. Not inside a word, a model name or a longer number.
_NUMBER = re.compile(
    r"(?<![\w.,])(?<![^\W\d]-)"
    r"(?P<whole>\d{1,3}(?P<sep>[ \u00a0\u2009\u202f.,])\d{3}(?:(?P=sep)\d{3})*(?!\d)|\d+)"
    r"(?:(?P<point>[.,])(?P<fraction>\d+))?"
    r"(?![\w])"
)


def format_number(value, decimals=None, *, language=None):
    """`value` (int, float, Decimal) grouped by thousands as `language` (default: the active one)
    writes it; `decimals` fixes the number of decimal places."""
    if decimals is not None:
        # Rounded half up, as floatformat does (number_format alone would cut the digits off).
        value = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    with translation.override(language or translation.get_language()):
        return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


def _rewrite(match):
    whole, sep, point, fraction = match["whole"], match["sep"], match["point"], match["fraction"]
    if sep in (".", ",") and whole.split(sep)[0] == "0" and whole.count(sep) == 1 and not point:
        # "0.125": a decimal, never a thousands group after zero.
        whole, point, fraction = "0", sep, whole.split(sep)[1]
    digits = whole.replace(sep, "") if sep else whole
    if point:
        return format_number(Decimal(f"{digits}.{fraction}"), len(fraction))
    return format_number(int(digits))


def format_figures(text, *, language=None):
    """Every number in a free text (a specification value, an announced figure) as `language`
    writes it: "11 509 m" → "11.509 m" in Vietnamese, "11,509 m" in English."""
    if not text:
        return text or ""
    with translation.override(language or translation.get_language()):
        return _NUMBER.sub(_rewrite, str(text))
