"""Personal data: each model declares its sensitive fields once, and every guard reads that.

A model holding personal data says, on the model itself::

    SENSITIVE_FIELDS = ("email", "phone")          # fields only some staff may see
    SENSITIVE_PERMISSION = "app.view_sensitive"    # who may see them

and, where the rule depends on the row (an outbox message: by its kind), a classmethod
``sensitive_visible_to(user, obj=None)`` instead, answering for one row, or with ``obj=None``
for every row the user can list (lookups, ordering and search act on all of them at once).
A model may also offer ``masked_sensitive(field_name)`` to show a masked value its own way.

From that one declaration: the admin guard (common.admin.SensitiveAdminMixin, put on every
ModelAdmin by common.admin.AdminSite) refuses lookups and ordering on these fields, or reaching
them through relations, drops them from search and filters, and masks them in lists and forms;
the audit log masks them (``audit_mask_fields``); exports and imports leave them out. The
permission guarding a model's sensitive fields is named ``view_sensitive`` in its app.
"""

import json

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP

MASK = "••••••"
PERMISSION_CODENAME = "view_sensitive"


def sensitive_fields(model):
    return tuple(getattr(model, "SENSITIVE_FIELDS", ()))


def sensitive_models():
    """Every installed model that declares sensitive fields."""
    return [model for model in apps.get_models() if sensitive_fields(model)]


def may_see(user, model, obj=None):
    """May `user` see `model`'s sensitive fields: on `obj`, or (obj None) on every row they can list."""
    rule = getattr(model, "sensitive_visible_to", None)
    if rule is not None:
        return bool(rule(user, obj))
    return user.has_perm(model.SENSITIVE_PERMISSION)


def reached_model(model, path):
    """The model whose sensitive field a lookup or ordering path ends on, else None.

    Walks relations both ways (members__email, delegation__head__phone, -movements__member__needs),
    so a sensitive value is found however far from the changelist's model it lies.
    """
    for part in path.lstrip("-").split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        if part in sensitive_fields(model):
            return model
        if not field.is_relation or field.related_model is None:
            return None
        model = field.related_model
    return None


def hidden_path(user, model, path):
    """True when `path` from `model` reaches a sensitive field `user` may not see on every row."""
    target = reached_model(model, str(path))
    return target is not None and not may_see(user, target)


def masked(obj, name):
    """What staff without the permission see in place of a sensitive value."""
    value = getattr(obj, name, None)
    if value in (None, ""):
        return "—"
    own = getattr(obj, "masked_sensitive", None)
    return own(name) if own is not None else MASK


def shown(user, obj, name):
    """The value of `name` on `obj` as `user` may see it."""
    if name in sensitive_fields(type(obj)) and not may_see(user, type(obj), obj):
        return masked(obj, name)
    return getattr(obj, name)


def audit_mask_fields(model):
    """The fields the audit log masks for `model`: its sensitive fields, no list of its own."""
    return list(sensitive_fields(model))


def audit(model, **options):
    """Record every change of `model` (django-auditlog), its sensitive fields masked."""
    from auditlog.registry import auditlog

    auditlog.register(model, mask_fields=audit_mask_fields(model), mask_callable=AUDIT_MASK_CALLABLE, **options)


AUDIT_MASK_CALLABLE = "common.sensitive.audit_mask"


def audit_mask(value):
    """django-auditlog's mask: the whole value, not its first half (half a date of birth, or an
    address's domain, is still personal data), and of one length whatever the value's."""
    return MASK if value not in (None, "", "None") else value


def _masked_changes(changes, names):
    """{field: [old, new]} with the values of `names` masked as the audit log masks them now."""
    return {
        field: [audit_mask(str(value)) for value in values] if field in names and isinstance(values, list) else values
        for field, values in changes.items()
    }


def mask_audit_entries(log_entries, content_types, models):
    """Mask the sensitive fields of `models` in audit entries written before they were masked
    (or only half masked): the work of a data migration, given its LogEntry and ContentType."""
    for model in models:
        content_type = content_types.filter(app_label=model._meta.app_label, model=model._meta.model_name).first()
        if content_type is None:
            continue
        names = set(audit_mask_fields(model))
        changed = []
        entries = log_entries.filter(content_type=content_type).only("pk", "changes", "changes_text")
        for entry in entries.iterator(chunk_size=2000):
            before = (entry.changes, entry.changes_text)
            if isinstance(entry.changes, dict):
                entry.changes = _masked_changes(entry.changes, names)
            if entry.changes_text:
                try:
                    text = json.loads(entry.changes_text)
                except ValueError:
                    text = None
                if isinstance(text, dict):
                    entry.changes_text = json.dumps(_masked_changes(text, names))
            if (entry.changes, entry.changes_text) != before:
                changed.append(entry)
        log_entries.bulk_update(changed, ["changes", "changes_text"], batch_size=500)
