"""Audit entries for rows the import writes in bulk.

Bulk writes skip model signals, so auditlog writes nothing by itself: the import builds the
entries here in auditlog's own format, leaving out the fields registered in DelegationsConfig.ready
(Member.AUDIT_EXCLUDED_FIELDS) and masking the sensitive ones as auditlog does (common.sensitive),
and inserts them in one query.
"""

import functools

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
    context = {"actor_id": getattr(actor, "pk", None), "actor_email": getattr(actor, "email", None)}
    if request is not None:
        extra = AuditlogMiddleware().get_extra_data(request)
        context.update(remote_addr=extra["remote_addr"], remote_port=extra["remote_port"], cid=get_cid())
    return context


def _logged(name, value):
    if value is None:
        return "None"
    text = str(value)
    return audit_mask(text) if name in MASKED else text


@functools.cache
def _logged_fields(model):
    """(name, attname) of the fields auditlog would log for `model`, in its order."""
    return [(field.name, field.attname) for field in model._meta.concrete_fields if field.name not in NOT_LOGGED]


def changes(old, new):
    """{field: [old, new]} as auditlog stores it; `old` is None for a new row."""
    changes = {}
    for name, attname in _logged_fields(type(new)):
        after = getattr(new, attname)
        if old is None:
            if after not in (None, ""):
                changes[name] = ["None", _logged(name, after)]
            continue
        before = getattr(old, attname)
        if before != after:
            changes[name] = [_logged(name, before), _logged(name, after)]
    return changes


def log_entry(obj, *, action, changes, audit):
    """An unsaved LogEntry for `obj`, as auditlog would have written it."""
    return LogEntry(
        content_type_id=ContentType.objects.get_for_model(obj).pk,
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj)[:500],
        action=action,
        changes=changes,
        additional_data={"source": "import"},
        **audit,
    )
