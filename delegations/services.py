"""Writes that take more than one step: status changes of delegations (with who and when),
and the head of delegation kept in step with the members' roles.

Admin actions call these; they never change `status` themselves. Imports live in
`delegations.imports`, which these functions do not need.
"""

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delegations import mail
from delegations.models import Delegation, Member, StatusChange

Status = Delegation.Status

# Which statuses each step may start from.
TRANSITIONS = {
    Status.INVITED: {Status.DRAFT},
    Status.ACCEPTED: {Status.INVITED, Status.DECLINED},
    Status.DECLINED: {Status.INVITED, Status.ACCEPTED},
    Status.ARRIVED: {Status.ACCEPTED},
    Status.DEPARTED: {Status.ARRIVED},
    Status.CANCELLED: {Status.DRAFT, Status.INVITED, Status.ACCEPTED},
}


@transaction.atomic
def change_status(*, delegation, status, user, at=None):
    """Move `delegation` to `status`, recording when and by whom; refuses a step out of order."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.status not in TRANSITIONS[status]:
        raise ValidationError(
            _("%(delegation)s cannot go from “%(current)s” to “%(new)s”."),
            params={
                "delegation": delegation,
                "current": delegation.get_status_display(),
                "new": Status(status).label,
            },
        )
    delegation.status = status
    delegation.save()
    StatusChange.objects.create(delegation=delegation, status=status, at=at or timezone.now(), by=user)
    # Drafts for the outbox, sent once a second organiser approves them (delegations.mail).
    if status == Status.INVITED:
        mail.draft_invitation(delegation, by=user)
    elif status == Status.ACCEPTED:
        mail.draft_itinerary(delegation, by=user)
    return delegation


def change_statuses(*, delegations, status, user):
    """Apply one step to many delegations; returns (changed, refused) lists of delegations."""
    changed, refused = [], []
    for delegation in delegations:
        try:
            changed.append(change_status(delegation=delegation, status=status, user=user))
        except ValidationError:
            refused.append(delegation)
    return changed, refused


@transaction.atomic
def assign_people(*, delegations, liaison_officer=None, interpreters=(), user=None):
    """Give the chosen delegations a liaison officer and/or add interpreters (bulk, audited).

    Each delegation is saved on its own so the audit log records every change with its author
    (AuditlogMiddleware's actor); interpreters are added, never removed.
    """
    changed = 0
    for delegation in delegations:
        touched = False
        if liaison_officer is not None and delegation.liaison_officer_id != liaison_officer.pk:
            delegation.liaison_officer = liaison_officer
            delegation.save()
            touched = True
        missing = {interpreter.pk for interpreter in interpreters} - set(
            delegation.interpreters.values_list("pk", flat=True)
        )
        if missing:
            delegation.interpreters.add(*missing)
            touched = True
        changed += touched
    return changed


@transaction.atomic
def sync_heads(*, delegations, chosen=()):
    """Make each delegation's head its member with the role "head of delegation".

    The one function every writer calls after changing roles: the delegation's form (members
    inline), the member's page, the import and the admin action. A member just given the role
    (in `chosen`) takes it; anyone else of that delegation still holding it becomes a member
    (one head per delegation). A delegation whose head lost the role keeps the member still
    holding it, or has no head. Returns the members who lost the role.
    """
    ids = {getattr(delegation, "pk", delegation) for delegation in delegations} - {None}
    chosen_ids = {member.pk for member in chosen if member.role == Member.Role.HEAD}
    holders = {pk: [] for pk in ids}
    for member in Member.objects.filter(delegation_id__in=ids, role=Member.Role.HEAD).order_by("order", "pk"):
        holders[member.delegation_id].append(member)
    current = dict(Delegation.objects.filter(pk__in=ids).values_list("pk", "head_id"))
    demoted, changed = [], []
    for pk, members in holders.items():
        head = (
            next((m for m in members if m.pk in chosen_ids), None)
            or next((m for m in members if m.pk == current.get(pk)), None)
            or next(iter(members), None)
        )
        for member in members:
            if member is not head:
                _set_role(member, Member.Role.MEMBER)
                demoted.append(member)
        head_id = head.pk if head else None
        if pk in current and current[pk] != head_id:
            changed.append(Delegation(pk=pk, head_id=head_id))
    # A derived column, like the precedence rank: written in bulk (an import may set 500 heads).
    Delegation.objects.bulk_update(changed, ["head"], batch_size=500)
    return demoted


@transaction.atomic
def make_heads(*, members):
    """Give each member the role "head of delegation" (the member list's action); returns those demoted."""
    members = list(members)
    for member in members:
        if member.role != Member.Role.HEAD:
            _set_role(member, Member.Role.HEAD)
    return sync_heads(delegations={m.delegation_id for m in members}, chosen=members)


def _set_role(member, role):
    """Change one member's role alone, versioned and audited like a save (with the request's actor).

    Not member.save(): that writes every column, and a translated one read through the
    fallback language would be written into the other language's column.
    """
    Member.objects.filter(pk=member.pk).update(role=role, version=F("version") + 1)
    LogEntry.objects.log_create(member, action=LogEntry.Action.UPDATE, changes={"role": [member.role, role]})
    member.role = role
