"""/api/programme: the published programme of the current edition as JSON.

Filters are validated by django-ninja (unknown type or audience, malformed day → 400 JSON);
a day outside the edition or an unknown venue is a 400 with an explanation too.
"""

import contextlib
import datetime
import uuid
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from expo.api import Error, in_language_asked_for
from expo.models import ProgrammeItem
from expo.programme.conditional import programme_export
from expo.programme.selection import filter_items

router = Router(tags=["programme"])


class VenueOut(Schema):
    slug: str
    code: str
    name: str


class ProgrammeItemOut(Schema):
    uuid: uuid.UUID
    slug: str
    title: str
    description: str
    type: str
    type_label: str
    audience: str
    hosts: str
    status: str
    status_label: str
    status_note: str
    start: datetime.datetime
    end: datetime.datetime
    venue: VenueOut | None
    url: str

    # Read in the language asked for (in_language_asked_for) and the edition's zone.
    @staticmethod
    def resolve_type_label(item):
        return str(item.get_type_display())

    @staticmethod
    def resolve_status_label(item):
        return str(item.get_status_display())

    @staticmethod
    def resolve_start(item, context):
        return item.start.astimezone(context["request"].edition.tz)

    @staticmethod
    def resolve_end(item, context):
        return item.end.astimezone(context["request"].edition.tz)

    @staticmethod
    def resolve_url(item, context):
        return context["request"].build_absolute_uri(item.get_absolute_url())


class ProgrammeFilters(Schema):
    day: datetime.date | None = Field(None, description="A day of the expo, YYYY-MM-DD.")
    type: ProgrammeItem.Type | None = None
    venue: str | None = Field(None, max_length=60, description="A venue slug.")
    audience: ProgrammeItem.Audience | None = None
    lang: Literal["vi", "en"] = "vi"


def _edition(request):
    edition = request.edition
    if not edition:
        raise HttpError(404, "No edition has been published yet.")
    return edition


@router.get(
    "",
    response={200: list[ProgrammeItemOut], 400: Error, 404: Error},
    summary="Published programme items, in time order",
)
@decorate_view(programme_export, in_language_asked_for)
def list_items(request, filters: Query[ProgrammeFilters]):
    edition = _edition(request)
    if filters.day and not edition.start_date <= filters.day <= edition.end_date:
        raise HttpError(400, f"day: {filters.day} is not one of the expo's days.")
    if filters.venue and not edition.venues.filter(slug=filters.venue).exists():
        raise HttpError(400, "venue: unknown venue.")
    cleaned = {
        "day": filters.day,
        "type": filters.type.value if filters.type else None,
        "venue": filters.venue,
        "audience": filters.audience.value if filters.audience else None,
    }
    return filter_items(edition, cleaned)


@router.get(
    "/{item_id}",
    response={200: ProgrammeItemOut, 400: Error, 404: Error},
    summary="One programme item, by UUID or slug",
)
@decorate_view(programme_export, in_language_asked_for)
def get_item(request, item_id: str, lang: Literal["vi", "en"] = "vi"):
    edition = _edition(request)
    lookup = Q(slug=item_id[:80])
    with contextlib.suppress(ValueError):
        lookup |= Q(uuid=uuid.UUID(item_id))
    items = ProgrammeItem.objects.published().filter(edition=edition).select_related("venue")
    return get_object_or_404(items, lookup)
