"""Strings of Django's own admin that its Vietnamese catalogue leaves in English (Django 5.2).

Listed here so `makemessages` keeps them in the project's catalogue, which Django reads before
its own (LOCALE_PATHS first): the Vietnamese admin then shows no English. Plural entries must
be plural here too ("Please correct the error below." is looked up with its plural form).
"""

from django.utils.translation import gettext_noop, ngettext

DJANGO_GAPS = [
    # django.contrib.admin
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Skip to main content"),
    gettext_noop("Hide counts"),
    gettext_noop("Show counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Select all objects on this page for an action"),
    # django.contrib.auth (user admin)
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Reset password"),
    gettext_noop("Conflicting form data submitted. Please try again."),
    # django (forms and pages the admin shows)
    gettext_noop("Enter a complete value."),
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("Messages"),
    # third-party apps in the admin's navigation (django-auditlog, django-axes)
    gettext_noop("Audit log"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]


def _plural_gaps(count):
    """Never called: makes `makemessages` keep the plural entries."""
    return [
        ngettext("Please correct the error below.", "Please correct the errors below.", count),
        ngettext("entry", "entries", count),
        ngettext("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", count),
        ngettext("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", count),
    ]
