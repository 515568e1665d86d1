"""django-auditlog's log page, minus the entries of every model whose sensitive fields the user
may not see (common.sensitive).

An entry holds the old and new values of the fields it records, and the page searches them:
for staff who may not see a model's sensitive fields, that model's entries are not listed at
all, so neither the rows nor a search or filter over them depends on a masked value.
"""

import copy

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from auditlog.render import render_logentry_changes_html
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.sensitive import may_see, sensitive_models

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class ProtocolLogEntryAdmin(LogEntryAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        hidden = [model for model in sensitive_models() if not may_see(request.user, model)]
        if not hidden:
            return queryset
        return queryset.exclude(content_type__in=ContentType.objects.get_for_models(*hidden).values())

    @admin.display(description=gettext_lazy("Changes"))
    def msg(self, obj):
        """The table of changes auditlog keeps, with related rows by name ("Hall A", not "7") and choices
        by their label ("Invited", not "invited")."""
        shown = copy.copy(obj)
        shown.changes = {field: readable_change(obj, field, change) for field, change in obj.changes_dict.items()}
        return render_logentry_changes_html(shown)


def readable_change(entry, field_name, change):
    model = entry.content_type.model_class()
    if model is None or not isinstance(change, list):  # many-to-many changes already name their rows
        return change
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return change
    return [readable_value(field, value) for value in change]


def readable_value(field, value):
    if value in (None, "None", ""):
        return value
    if field.many_to_one or field.one_to_one:
        try:
            related = field.related_model._base_manager.filter(pk=field.related_model._meta.pk.to_python(value)).first()
        except ValidationError:
            return value
        return str(related) if related is not None else _("%(id)s (deleted)") % {"id": value}
    choices = dict(field.flatchoices) if field.choices else None
    return str(choices.get(value, value)) if choices else value
