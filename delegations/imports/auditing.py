"""Audit entries for rows the import writes in bulk.

Bulk writes skip model signals, so auditlog writes nothing by itself: the import builds the
entries here in auditlog's own format, leaving out the fields registered in DelegationsConfig.ready
(Member.AUDIT_EXCLUDED_FIELDS) and masking the sensitive ones as auditlog does (common.sensitive),
and inserts them in one query.
"""

from auditlog.cid import get_cid
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from common.sensitive import audit_mask, audit_mask_fields
from delegations.models import Member

NOT_LOGGED = set(Member.AUDIT_EXCLUDED_FIELDS)
MASKED = set(audit_mask_fields(Member))


def audit_context(user, request=None):
    """What auditlog's own entries carry, taken the way its middleware takes it: the actor and
    their email, and for a request its address, port and correlation id."""
    actor = user if user is not None and user.is_authenticated else None
    context = {"actor": actor, "actor_email": getattr(actor, "email", None) if actor else None}
    if request is not None:
        extra = AuditlogMiddleware().get_extra_data(request)
        context.update(remote_addr=extra["remote_addr"], remote_port=extra["remote_port"], cid=get_cid())
    return context


def _logged(field, value):
    if value is None:
        return "None"
    text = str(value)
    return audit_mask(text) if field.name in MASKED else text


def changes(old, new):
    """{field: [old, new]} as auditlog stores it; `old` is None for a new row."""
    changes = {}
    for field in new._meta.concrete_fields:
        if field.name in NOT_LOGGED:
            continue
        after = field.value_from_object(new)
        if old is None:
            if after not in (None, ""):
                changes[field.name] = ["None", _logged(field, after)]
            continue
        before = field.value_from_object(old)
        if before != after:
            changes[field.name] = [_logged(field, before), _logged(field, after)]
    return changes


def log_entry(obj, *, action, changes, audit):
    """An unsaved LogEntry for `obj`, as auditlog would have written it."""
    return LogEntry(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj)[:500],
        action=action,
        changes=changes,
        additional_data={"source": "import"},
        **audit,
    )
