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
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from expo.api import Error
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


def _out(request, edition, item):
    tz = edition.tz
    venue = item.venue
    return {
        "uuid": item.uuid,
        "slug": item.slug,
        "title": item.title,
        "description": item.description,
        "type": item.type,
        "type_label": str(item.get_type_display()),
        "audience": item.audience,
        "hosts": item.hosts,
        "status": item.status,
        "status_label": str(item.get_status_display()),
        "status_note": item.status_note,
        "start": item.start.astimezone(tz),
        "end": item.end.astimezone(tz),
        "venue": {"slug": venue.slug, "code": venue.code, "name": venue.name} if venue else None,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


@router.get(
    "",
    response={200: list[ProgrammeItemOut], 400: Error, 404: Error},
    summary="Published programme items, in time order",
)
@decorate_view(programme_export)
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
    with translation.override(filters.lang):
        return [_out(request, edition, item) for item in filter_items(edition, cleaned)]


@router.get(
    "/{item_id}",
    response={200: ProgrammeItemOut, 400: Error, 404: Error},
    summary="One programme item, by UUID or slug",
)
@decorate_view(programme_export)
def get_item(request, item_id: str, lang: Literal["vi", "en"] = "vi"):
    edition = _edition(request)
    lookup = Q(slug=item_id[:80])
    with contextlib.suppress(ValueError):
        lookup |= Q(uuid=uuid.UUID(item_id))
    items = ProgrammeItem.objects.published().filter(edition=edition).select_related("venue")
    item = get_object_or_404(items, lookup)
    with translation.override(lang):
        return _out(request, edition, item)
