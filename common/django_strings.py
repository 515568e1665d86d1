"""Strings of Django's own admin that its Vietnamese catalogue leaves in English (Django 5.2).

Listed here so `makemessages` keeps them in the project's catalogue, which Django reads before
its own (LOCALE_PATHS first): the Vietnamese admin then shows no English. Plural entries must
be plural here too ("Please correct the error below." is looked up with its plural form).
"""

from django.utils.translation import gettext_noop as _noop
from django.utils.translation import ngettext

DJANGO_GAPS = [
    # django.contrib.admin
    _noop("Select this object for an action - {}"),
    _noop("Breadcrumbs"),
    _noop("Model name"),
    _noop("Add link"),
    _noop("Change or view list link"),
    _noop("After you’ve created a user, you’ll be able to edit more user options."),
    _noop("Error:"),
    _noop("Set password"),
    _noop("This action will <strong>enable</strong> password-based authentication for this user."),
    _noop("Disable password-based authentication"),
    _noop("Enable password-based authentication"),
    _noop("Skip to main content"),
    _noop("Hide counts"),
    _noop("Show counts"),
    _noop("Toggle theme (current theme: auto)"),
    _noop("Toggle theme (current theme: light)"),
    _noop("Toggle theme (current theme: dark)"),
    _noop("Added:"),
    _noop("Changed:"),
    _noop("Deleted:"),
    _noop("Forgotten your login credentials?"),
    _noop("Toggle navigation"),
    _noop("Sidebar"),
    _noop("Filter navigation items"),
    _noop("View selected %(model)s"),
    _noop("In case you’ve forgotten, you are:"),
    _noop("Select all objects on this page for an action"),
    # django.contrib.auth (user admin)
    _noop("Password-based authentication"),
    _noop("Enabled"),
    _noop("Disabled"),
    _noop("Reset password"),
    _noop("Conflicting form data submitted. Please try again."),
    # django (forms and pages the admin shows)
    _noop("Enter a complete value."),
    _noop("That page number is not an integer"),
    _noop("That page number is less than 1"),
    _noop("That page contains no results"),
    _noop("Null characters are not allowed."),
    _noop("Constraint “%(name)s” is violated."),
    _noop("Forbidden"),
    _noop("CSRF verification failed. Request aborted."),
    _noop("“%(pk)s” is not a valid value."),
    _noop("Enter a valid duration."),
    _noop("Enter a valid JSON."),
    _noop("Messages"),
]


def _plural_gaps(count):
    """Never called: makes `makemessages` keep the plural entries."""
    return [
        ngettext("Please correct the error below.", "Please correct the errors below.", count),
        ngettext("entry", "entries", count),
        ngettext("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", count),
        ngettext("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", count),
    ]
