"""The delegations changelist's protocol order and its arrival-day filter."""

from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from common.dates import formatted
from delegations.models import Movement


class ProtocolOrderChangeList(ChangeList):
    """Lists in protocol order unless a column header was clicked."""

    def get_ordering(self, request, queryset):
        if ORDER_VAR in self.params:
            return super().get_ordering(request, queryset)
        return ["level_rank", "country_sort", "organisation", "pk"]


class ArrivalDayFilter(admin.SimpleListFilter):
    title = _("arrival day")
    parameter_name = "arrival_day"

    def lookups(self, request, model_admin):
        days = (
            Movement.objects.filter(kind=Movement.Kind.ARRIVAL)
            .annotate(day=TruncDate("at"))
            .values_list("day", flat=True)
            .distinct()
            .order_by("day")
        )
        return [(day.isoformat(), formatted(day)) for day in days if day]

    def queryset(self, request, queryset):
        value = self.value()
        valid = {code for code, _label in self.lookup_choices}
        if value in valid:
            arrivals = Movement.objects.filter(kind=Movement.Kind.ARRIVAL, at__date=value)
            return queryset.filter(pk__in=arrivals.values("delegation_id"))
        return queryset
