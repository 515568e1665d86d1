from django import template
from django.utils.safestring import mark_safe

from common.sanitize import clean_html

register = template.Library()


@register.filter
def sanitized(value):
    """A release body as safe HTML: cleaned by nh3 right here, whatever the database holds."""
    return mark_safe(clean_html(value))  # noqa: S308 — nh3's output keeps only the allowed tags
