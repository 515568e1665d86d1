"""django-auditlog's log page, minus members' entries for staff without view_sensitive.

A member's entries hold the old and new values of every field (date of birth, email, phone,
needs), and the page searches them: for staff who may not see those values, the entries are not
listed at all, so neither the rows nor a search or filter over them depends on a masked value.
"""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

from delegations.admin.base import can_see_sensitive
from delegations.models import Member

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class ProtocolLogEntryAdmin(LogEntryAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_see_sensitive(request):
            return queryset
        return queryset.exclude(content_type=ContentType.objects.get_for_model(Member))
