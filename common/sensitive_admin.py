"""The admin's guard over sensitive fields, on every ModelAdmin and inline (common.admin.AdminSite).

Reads only the models' declarations (common.sensitive). For staff who may not see a model's
sensitive fields, no request may answer differently depending on a masked value: answering "1
member" or "0 members" to `?passport_no__startswith=R`, or sorting by the hidden column, would
reveal it one character at a time. So, for such staff:

- a URL lookup whose path reaches a sensitive field, directly or through any relation, is refused
  with a 400 like any lookup the admin does not allow, and so is `_to_field`;
- ordering (`o=`, a column's `admin_order_field`, the admin's default) drops such paths;
- search and list filters leave such fields out;
- list columns and forms show the masked value (or a note) in place of the value.
"""

from functools import cache

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.utils.translation import gettext_lazy as _

from common.sensitive import hidden_path, masked, may_see, reached_model, sensitive_fields

MASKED_PREFIX = "masked__"
HIDDEN_NOTE = _("Hidden: you do not have permission to see sensitive personal data.")


class SensitiveChangeListMixin:
    def __init__(self, request, *args, **kwargs):
        self.user = request.user
        super().__init__(request, *args, **kwargs)

    def get_ordering_field(self, field_name):
        order_field = super().get_ordering_field(field_name)
        if isinstance(order_field, str) and hidden_path(self.user, self.model, order_field):
            return None
        return order_field

    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        return [o for o in ordering if not (isinstance(o, str) and hidden_path(request.user, self.model, o))]


@cache
def guarded_changelist(changelist_class):
    if issubclass(changelist_class, SensitiveChangeListMixin):
        return changelist_class
    return type(f"Sensitive{changelist_class.__name__}", (SensitiveChangeListMixin, changelist_class), {})


@cache
def guarded(admin_class):
    """`admin_class` with the guard in front of it (once)."""
    if issubclass(admin_class, SensitiveAdminMixin):
        return admin_class
    return type(admin_class.__name__, (SensitiveAdminMixin, admin_class), {"__module__": admin_class.__module__})


def _field_name(entry):
    return entry.lstrip("^=@") if isinstance(entry, str) else None


class SensitiveAdminMixin:
    """Put on every ModelAdmin by common.admin.AdminSite.register; on inlines by get_inlines."""

    # -- what may be asked of the rows: lookups, ordering, search, filters --
    def lookup_allowed(self, lookup, value, request=None):
        target = reached_model(self.model, lookup)
        if target is not None and (request is None or not may_see(request.user, target)):
            return False
        return super().lookup_allowed(lookup, value, request)

    def to_field_allowed(self, request, to_field):
        if hidden_path(request.user, self.model, to_field):
            return False
        return super().to_field_allowed(request, to_field)

    def get_ordering(self, request):
        ordering = super().get_ordering(request) or ()
        return [o for o in ordering if not (isinstance(o, str) and hidden_path(request.user, self.model, o))]

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        return [f for f in fields if not hidden_path(request.user, self.model, _field_name(f))]

    def get_list_filter(self, request):
        kept = []
        for entry in super().get_list_filter(request):
            path = entry[0] if isinstance(entry, tuple | list) else entry
            if isinstance(path, str) and hidden_path(request.user, self.model, path):
                continue
            kept.append(entry)
        return kept

    def get_changelist(self, request, **kwargs):
        return guarded_changelist(super().get_changelist(request, **kwargs))

    # -- what is shown: list columns and forms --
    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        return [self._masked_column(request, c) if self._sensitive_column(c) else c for c in columns]

    def _sensitive_column(self, column):
        return isinstance(column, str) and column in sensitive_fields(self.model)

    def _masked_column(self, request, name):
        # A closure over this request: the admin instance is shared by every request and thread.
        if may_see(request.user, self.model):
            return name
        user = request.user

        def column(obj):
            return getattr(obj, name) if may_see(user, self.model, obj) else masked(obj, name)

        column.short_description = self.model._meta.get_field(name).verbose_name
        column.__name__ = name
        return column

    def _hides(self, request, obj):
        if not sensitive_fields(self.model):
            return False
        # An inline's obj is its parent: the rule is then the one for every row.
        row = None if isinstance(self, InlineModelAdmin) else obj
        return not may_see(request.user, self.model, row)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._hides(request, obj):
            return fieldsets
        # Each sensitive field keeps its place and label, showing its masked value read-only.
        sensitive = set(sensitive_fields(self.model))

        def shown(names):
            names = [f"{MASKED_PREFIX}{n}" if n in sensitive else n for n in names if n != "sensitive_data"]
            return list(dict.fromkeys(names))

        kept = []
        for name, options in fieldsets:
            fields = []
            for line in options.get("fields", ()):
                if isinstance(line, list | tuple):
                    if line := tuple(shown(line)):
                        fields.append(line)
                elif line := next(iter(shown([line])), None):
                    fields.append(line)
            kept.append((name, {**options, "fields": fields}))
        if kept:
            name, options = kept[-1]
            kept[-1] = (name, {**options, "fields": [*options["fields"], "sensitive_data"]})
        return kept

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self._hides(request, obj):
            return readonly
        sensitive = sensitive_fields(self.model)
        kept = [f for f in readonly if f not in sensitive]
        return [*kept, *(f"{MASKED_PREFIX}{n}" for n in sensitive), "sensitive_data"]

    def __getattr__(self, name):
        # `masked__<field>`: the read-only stand-in for a sensitive field, labelled like it.
        model = self.__dict__.get("model") or getattr(type(self), "model", None)  # an inline's is the class's
        field_name = name.removeprefix(MASKED_PREFIX)
        if model is None or not name.startswith(MASKED_PREFIX) or field_name not in sensitive_fields(model):
            raise AttributeError(name)

        def value(obj):
            return masked(obj, field_name) if obj is not None and obj.pk else "—"

        value.short_description = model._meta.get_field(field_name).verbose_name
        return value

    @admin.display(description=_("sensitive personal data"))
    def sensitive_data(self, obj):
        return HIDDEN_NOTE

    def get_inlines(self, request, obj):
        return [guarded(inline) for inline in super().get_inlines(request, obj)]
