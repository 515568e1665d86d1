from django import template
from django.utils.safestring import mark_safe

from common.dates import DAY, formatted, local_text
from common.sanitize import clean_html

register = template.Library()


@register.filter
def sanitized(value):
    """A release body as safe HTML: cleaned by nh3 right here, whatever the database holds."""
    return mark_safe(clean_html(value))  # noqa: S308 — nh3's output keeps only the allowed tags


@register.filter
def venue_time(moment, edition):
    """'22/12/2024 18:00 (UTC+7)': a moment at the edition's venue, the zone named."""
    return local_text(moment, edition.tz)


@register.filter
def venue_date(moment, edition):
    """'21/06/2025': the day a moment falls on at the edition's venue."""
    return formatted(moment, DAY, edition.tz)
