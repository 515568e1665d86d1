"""Export of selected delegations' members (XLSX/CSV) in the import's own columns.

The file can be edited and imported again. Cells are formula-escaped (OWASP) and cleaned of
characters XLSX cannot hold by common.spreadsheet_safety; sensitive columns only for permitted staff.
"""

import tablib
from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.spreadsheet_safety import SafeCSV, SafeXLSX
from delegations.admin.base import can_see_sensitive
from delegations.columns import COLUMNS, visible_columns
from delegations.models import Delegation, Member
from delegations.models.delegation import in_protocol_order


def _local(moment, tz):
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else ""


def member_rows(delegations, *, sensitive):
    """A tablib Dataset of the members of `delegations`, one row per member, in protocol order."""
    columns = visible_columns(sensitive=sensitive)
    dataset = tablib.Dataset(headers=columns)
    members = Member.objects.filter(delegation__in=delegations).select_related("delegation__edition")
    # The delegation list's protocol order (in the language of the page the export was asked from).
    members = in_protocol_order(members, path="delegation__", then=("order", "pk")).prefetch_related("movements")
    for member in members:
        delegation = member.delegation
        tz = delegation.edition.tz
        moves = {movement.kind: movement for movement in member.movements.all()}
        arrival, departure = moves.get("arrival"), moves.get("departure")
        values = {
            "country": delegation.country.code,
            "organisation_vi": delegation.organisation_vi or "",
            "organisation_en": delegation.organisation_en or "",
            "delegation_type": delegation.type,
            "level": delegation.level,
            "role": member.role,
            "family_name": member.family_name,
            "given_name": member.given_name,
            "rank_vi": member.rank_vi or "",
            "rank_en": member.rank_en or "",
            "position_vi": member.position_vi or "",
            "position_en": member.position_en or "",
            "gender": member.gender,
            "nationality": member.nationality.code,
            "passport_no": member.passport_no,
            "date_of_birth": member.date_of_birth.isoformat() if member.date_of_birth else "",
            "email": member.email,
            "phone": member.phone,
            "arrival_at": _local(arrival.at if arrival else None, tz),
            "arrival_flight": arrival.flight if arrival else "",
            "departure_at": _local(departure.at if departure else None, tz),
            "departure_flight": departure.flight if departure else "",
            "needs": member.needs,
        }
        assert values.keys() == set(COLUMNS)  # noqa: S101 (a column added to COLUMNS must be exported)
        dataset.append([values[column] for column in columns])
    return dataset


def _respond(request, queryset, file_format):
    delegations = Delegation.objects.filter(pk__in=queryset.values("pk"))
    dataset = member_rows(delegations, sensitive=can_see_sensitive(request))
    body = file_format.export_data(dataset)
    name = f"delegations-{timezone.localdate():%Y%m%d}.{file_format.get_extension()}"
    response = HttpResponse(body, content_type=file_format.get_content_type())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@admin.action(description=_("Export members of the selected delegations (XLSX)"), permissions=["view"])
def export_xlsx(modeladmin, request, queryset):
    return _respond(request, queryset, SafeXLSX())


@admin.action(description=_("Export members of the selected delegations (CSV)"), permissions=["view"])
def export_csv(modeladmin, request, queryset):
    return _respond(request, queryset, SafeCSV())
