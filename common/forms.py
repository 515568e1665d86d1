"""Date and time fields say which form they expect, with an example, in the user's language.

Django's own "Enter a valid date." leaves a Vietnamese officer guessing whether 01/12 means
January or December. Every form in the project (admin, public forms, Django's own) shares
these field classes, so their default messages are set once at start-up.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_HELP = _("Enter the date as DD/MM/YYYY, for example 20/12/2026 (or 2026-12-20).")
TIME_HELP = _("Enter the time as HH:MM on the 24-hour clock, for example 14:30.")
DATETIME_HELP = _("Enter the date and time as DD/MM/YYYY HH:MM, for example 20/12/2026 14:30.")


def explain_date_errors():
    forms.DateField.default_error_messages["invalid"] = DATE_HELP
    forms.TimeField.default_error_messages["invalid"] = TIME_HELP
    forms.DateTimeField.default_error_messages["invalid"] = DATETIME_HELP
    forms.SplitDateTimeField.default_error_messages["invalid_date"] = DATE_HELP
    forms.SplitDateTimeField.default_error_messages["invalid_time"] = TIME_HELP
