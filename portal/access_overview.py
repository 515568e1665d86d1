"""The home's "Contacts" section: a main contact is set, and at least one contact has signed in."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portal.models import Contact


def contacts_section(exhibitor, edition):
    rows = list(Contact.objects.with_access().filter(exhibitor=exhibitor).values_list("is_main", "user__last_login"))
    missing = []
    if not any(is_main for is_main, _last in rows):
        missing.append(_("No main contact: ask the organisers to name one."))
    if not any(last for _main, last in rows):
        missing.append(_("No contact has signed in yet."))
    return {
        "title": _("Contacts"),
        "done": not missing,
        "missing": missing,
        "deadline": None,
        "url": reverse("portal:contacts"),
    }
