"""Writes of the stand team: an exhibitor adds, changes and removes members within its allowance;
the organisers vet them. Views, forms and admin actions call these; nothing else writes them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.private_files import badge_photo
from exhibitors.models import Exhibitor
from portal import team_mail
from portal.models import StandStaff
from portal.models.team import Status
from portal.team_allowance import allowance


def over_allowance_error(found):
    if found.stand is None:
        return ValidationError(
            _("Your company has no stand at this edition yet, so no stand staff can be registered."), code="no_stand"
        )
    return ValidationError(
        ngettext(
            "Your stand's allowance is %(count)s stand staff badge, and it is used. Remove a member to add another, "
            "or ask the organisers for a larger allowance.",
            "Your stand's allowance is %(count)s stand staff badges, and they are all used. Remove a member to add "
            "another, or ask the organisers for a larger allowance.",
            found.badges,
        )
        % {"count": found.badges},
        code="over_allowance",
    )


@transaction.atomic
def add_member(*, exhibitor, edition, values):
    """A new member to vet, refused with a ValidationError beyond the stand's allowance."""
    # Two contacts adding at once: the exhibitor's row is the lock, so the count is exact.
    Exhibitor.objects.select_for_update().filter(pk=exhibitor.pk).first()
    found = allowance(exhibitor, edition)
    if found.stand is None or found.left <= 0:
        raise over_allowance_error(found)
    member = StandStaff(exhibitor=exhibitor, edition=edition, **values)
    member.photo = badge_photo(values["photo"])
    member.save()
    return member


@transaction.atomic
def change_member(*, member, values):
    """The exhibitor's change: an approved (or refused) member goes back to "to vet"."""
    changed = [name for name in StandStaff.EXHIBITOR_FIELDS if name in values]
    if changed and member.status == Status.REFUSED:
        # A refused member counts again once sent back: the allowance must have room (checked
        # before anything is written, so a refusal leaves the old photo in place).
        found = allowance(member.exhibitor, member.edition)
        if found.left <= 0:
            raise over_allowance_error(found)
    for name in changed:
        if name == "photo":
            _delete_photo_after_commit(member)
            member.photo = badge_photo(values["photo"])
        else:
            setattr(member, name, values[name])
    if changed and member.status != Status.TO_VET:
        member.status, member.decided_by, member.decided_at = Status.TO_VET, None, None
    member.save()
    return member


@transaction.atomic
def remove_member(*, member):
    """Removed by the exhibitor. Never approved: deleted. Approved once (a badge may be printed):
    kept as a revoked pass with the name only; the ID number and photo are erased."""
    if member.status != Status.APPROVED and member.decided_at is None:
        _delete_photo_after_commit(member)
        member.delete()
        return None
    _delete_photo_after_commit(member)
    member.id_number, member.photo, member.removed_at = "", "", timezone.now()
    member.save(update_fields=["id_number", "photo", "removed_at"])
    return member


def _delete_photo_after_commit(member):
    # Only once the row no longer names it: a rolled-back change keeps its photo.
    if member.photo:
        storage, name = member.photo.storage, member.photo.name
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def decide(*, members, status, reason="", by):
    """Approve or refuse `members` (a refusal needs a reason, told to the exhibitor). Returns how many."""
    if status not in (Status.APPROVED, Status.REFUSED):
        raise ValueError(status)
    if status == Status.REFUSED and not reason.strip():
        raise ValidationError(_("Give the reason for the refusal: the exhibitor is told."), code="reason")
    now = timezone.now()
    reason = reason.strip() if status == Status.REFUSED else ""
    decided = []
    # One save per member (not a bulk update), so the audit log records every decision.
    for member in StandStaff.objects.active().filter(pk__in=[member.pk for member in members]).select_for_update():
        member.status, member.reason, member.decided_by, member.decided_at = status, reason, by, now
        member.save(update_fields=["status", "reason", "decided_by", "decided_at"])
        decided.append(member)
    if status == Status.REFUSED:
        team_mail.refused(decided)
    return len(decided)
