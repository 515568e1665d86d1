"""Keeping the consent statement's promise: after the edition's retention period, every
registration of it is anonymised (name, contacts, organisation, position, ID number, photo and
the vetting notes erased; kind, day, party size and nationality kept for the counts), its
change history is deleted with it, and the watch list is deleted."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tickets.models import Admission, Registration, WatchListEntry

ERASED = {
    "name": "",
    "search_name": "",
    "email": "",
    "phone": "",
    "organisation": "",
    "position": "",
    "id_number": "",
    "reason": "",
    "photo": "",
}


def purge_expired(now=None):
    """Anonymise the registrations of every edition past its retention period; returns how many."""
    now = now or timezone.now()
    purged = 0
    for admission in Admission.objects.select_related("edition"):
        if admission.kept_until() > now:
            continue
        purged += _purge(admission.edition, now)
    return purged


@transaction.atomic
def _purge(edition, now):
    registrations = Registration.objects.filter(edition=edition, anonymised_at__isnull=True)
    for registration in registrations.exclude(photo="").only("pk", "photo"):
        registration.photo.delete(save=False)
    ids = [str(pk) for pk in registrations.values_list("pk", flat=True)]
    # update(), not save(): the erasure itself must not write the values into a new audit entry.
    count = registrations.update(anonymised_at=now, **ERASED)
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Registration), object_pk__in=ids).delete()
    watch = WatchListEntry.objects.filter(edition=edition)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(WatchListEntry),
        object_pk__in=[str(pk) for pk in watch.values_list("pk", flat=True)],
    ).delete()
    watch.delete()
    return count
