"""`{{ value|day }}`, `{{ value|day_time }}` …: the project's date forms (common/dates.py) in templates.

One filter per form, named as the form is in common/dates.py, lower-case (DAY → `day`, as
19/12/2024; DAY_MONTH_TIME → `day_month_time`, as 19/12 14:30; WEEKDAY_DAY → `weekday_day`,
as Thursday 19/12/2024, the weekday in the active language). Like Django's `date` filter, an
aware datetime is shown in the current zone, or in the one a `|timezone:tz` before the filter chose.
"""

from django import template
from django.template.defaultfilters import date

from common import dates

register = template.Library()
FORMS = ("DAY", "DAY_MONTH", "DAY_TIME", "DAY_MONTH_TIME", "WEEKDAY_DAY", "WEEKDAY_DAY_MONTH")


def _filter(pattern):
    def show(value):
        return date(value, pattern)

    return show


for form in FORMS:
    register.filter(form.lower(), _filter(getattr(dates, form)), expects_localtime=True)
