"""`{{ value|day }}`, `{{ value|day_time }}` …: the project's date forms (common/dates.py) in templates.

Like Django's `date` filter, an aware datetime is shown in the current zone, or in the one a
`|timezone:tz` before the filter chose.
"""

from django import template
from django.template.defaultfilters import date

from common import dates

register = template.Library()


@register.filter(expects_localtime=True)
def day(value):
    """The day, as 19/12/2024."""
    return date(value, dates.DAY)


@register.filter(expects_localtime=True)
def day_month(value):
    """The day of the month, as 19/12."""
    return date(value, dates.DAY_MONTH)


@register.filter(expects_localtime=True)
def day_time(value):
    """The day and time, as 19/12/2024 14:30."""
    return date(value, dates.DAY_TIME)


@register.filter(expects_localtime=True)
def day_month_time(value):
    """The day of the month and time, as 19/12 14:30."""
    return date(value, dates.DAY_MONTH_TIME)


@register.filter(expects_localtime=True)
def weekday_day(value):
    """The weekday and day, as Thursday 19/12/2024 (the weekday in the active language)."""
    return date(value, dates.WEEKDAY_DAY)


@register.filter(expects_localtime=True)
def weekday_day_month(value):
    """The short weekday and day of the month, as Thu 19/12 (the weekday in the active language)."""
    return date(value, dates.WEEKDAY_DAY_MONTH)
