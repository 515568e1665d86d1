"""django-auditlog's log page, minus the entries of every model whose sensitive fields the user
may not see (common.sensitive).

An entry holds the old and new values of the fields it records, and the page searches them:
for staff who may not see a model's sensitive fields, that model's entries are not listed at
all, so neither the rows nor a search or filter over them depends on a masked value.
"""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

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
