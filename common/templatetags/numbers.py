"""`{{ n|number }}` and `{{ spec.value|figures }}`: the numbers of pages and PDFs as the active
language writes them (common/numbers.py)."""

from django import template

from common.numbers import format_figures, format_number

register = template.Library()


@register.filter
def number(value, decimals=None):
    """A number grouped by thousands in the active language: 11.509 (vi), 11,509 (en)."""
    if value is None or value == "":
        return ""
    return format_number(value, decimals)


@register.filter
def figures(value):
    """Every number inside a text in the active language: "1472 km/h" → "1.472 km/h" (vi)."""
    return format_figures(value)
