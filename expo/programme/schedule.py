"""The programme in the conference schedule format (schedule.xml / schedule.json) that
Giggity, EventFahrplan and other conference apps read; see ../shared/specs/c3voc-schedule/.

One neutral structure is built, then written as XML or JSON, so both say the same thing.
Rooms are the edition's venues; tracks are the item types; cancelled items stay in the
schedule with their status in the subtitle, as the format has no status field.
"""

import datetime
import json
import re
import uuid
import xml.etree.ElementTree as ET

from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from expo.models import ProgrammeItem
from expo.programme.conditional import programme_export
from expo.programme.selection import export_language, filter_items, for_rows

SCHEDULE_VERSION = "1.0"
# schedule.xml.xsd's slug type ("voc-slug-new"); the element is optional, so others are left out.
XSD_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")
XML_TYPE = "application/vnd.c3voc.schedule+xml; charset=utf-8"


def conference_acronym(edition):
    """'vide_2024': the format wants lowercase letters, digits and underscores."""
    return re.sub(r"[^a-z0-9_]", "_", edition.slug.lower())


def _duration(item):
    minutes = int((item.end - item.start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _subtitle(item):
    if item.status == ProgrammeItem.Status.SCHEDULED:
        return ""
    return f"{item.status_label}. {item.status_note}".strip()


def _event(site, edition, item, acronym):
    """One event; `item` comes from selection.for_rows (labels and link computed once)."""
    start = item.start.astimezone(edition.tz)
    room = str(item.venue.name) if item.venue else str(edition.venue_name)
    return {
        "guid": str(item.uuid),
        "id": item.pk,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "end": item.end.astimezone(edition.tz).isoformat(),
        "duration": _duration(item),
        "room": room,
        "slug": f"{acronym}-{item.slug.lower()}".strip("-_"),
        "url": site + item.url,
        "title": item.title,
        "subtitle": _subtitle(item),
        "track": item.type_label,
        "type": item.type,
        "language": translation.get_language(),
        "abstract": item.description,
        "description": item.description,
        "persons": [{"name": name.strip()} for name in item.hosts.split(";") if name.strip()],
        "links": [],
    }


def build_schedule(request, edition):
    """The schedule as a dict in the JSON layout; the XML writer reads the same dict."""
    acronym = conference_acronym(edition)
    items = for_rows(filter_items(edition, {}), edition.tz)
    site = request.build_absolute_uri("/").removesuffix("/")  # once, not per event
    by_day = {}
    for item in items:
        by_day.setdefault(item.start.astimezone(edition.tz).date(), []).append(item)
    days = []
    for index, day in enumerate(edition.days, start=1):
        day_start = datetime.datetime.combine(day, datetime.time.min, tzinfo=edition.tz)
        rooms = {}
        for item in by_day.get(day, []):
            event = _event(site, edition, item, acronym)
            rooms.setdefault(event["room"], []).append(event)
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": (day_start + datetime.timedelta(days=1)).isoformat(),
                "rooms": rooms,
            }
        )
    conference = {
        "acronym": acronym,
        "title": str(edition.name),
        "start": edition.start_date.isoformat(),
        "end": edition.end_date.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": "00:15",
        "time_zone_name": edition.time_zone,
        "url": request.build_absolute_uri(edition.get_absolute_url()),
        "rooms": [
            {"name": str(venue.name), "slug": venue.slug, "guid": _venue_guid(edition, venue)}
            for venue in edition.venues.all()
        ],
        "days": days,
    }
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "Expo CMS", "version": "1"},
        "schedule": {"version": SCHEDULE_VERSION, "conference": conference},
    }


def _venue_guid(edition, venue):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"expo-cms:{edition.slug}:venue:{venue.slug}"))


def _sub(parent, tag, text=None, **attrs):
    element = ET.SubElement(parent, tag, {key: str(value) for key, value in attrs.items()})
    if text is not None:
        element.text = str(text)
    return element


def schedule_xml(data):
    """The schedule.xml document (schedule.xml.xsd) for a dict from build_schedule()."""
    conference = data["schedule"]["conference"]
    root = ET.Element("schedule")
    _sub(root, "generator", name="Expo CMS", version="1")
    _sub(root, "version", data["schedule"]["version"])
    element = _sub(root, "conference")
    for key in ("title", "acronym", "start", "end"):
        _sub(element, key, conference[key])
    _sub(element, "days", conference["daysCount"])
    _sub(element, "timeslot_duration", conference["timeslot_duration"])
    _sub(element, "url", conference["url"])
    _sub(element, "time_zone_name", conference["time_zone_name"])
    for day in conference["days"]:
        day_element = _sub(
            root, "day", date=day["date"], start=day["day_start"], end=day["day_end"], index=day["index"]
        )
        for room_name, events in day["rooms"].items():
            room = _sub(day_element, "room", name=room_name)
            for event in events:
                event_element = _sub(room, "event", id=event["id"], guid=event["guid"])
                for key in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract"):
                    _sub(event_element, key, event[key])
                if XSD_SLUG.fullmatch(event["slug"]):
                    _sub(event_element, "slug", event["slug"])
                _sub(event_element, "track", event["track"])
                _sub(event_element, "language", event["language"])
                _sub(event_element, "description", event["description"])
                _sub(event_element, "url", event["url"])
                persons = _sub(event_element, "persons")
                for person in event["persons"]:
                    _sub(persons, "person", person["name"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _schedule(request):
    edition = request.edition
    if not edition:
        raise Http404("No edition")
    language = export_language(request)
    with translation.override(language):
        return build_schedule(request, edition), edition, language


def _export(request, write):
    """(body, edition, language). The written document is kept whole in the shared cache by
    programme_export (common/export_cache.py) under the URL, language and content version."""
    data, edition, language = _schedule(request)
    return write(data), edition, language


def schedule_json_text(data):
    return json.dumps(data, ensure_ascii=False, indent=1)


@require_safe
@programme_export
def schedule_json(request):
    body, edition, language = _export(request, schedule_json_text)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="schedule-{edition.slug}-{language}.json"'
    response["Content-Language"] = language
    return response


@require_safe
@programme_export
def schedule_xml_view(request):
    body, edition, language = _export(request, schedule_xml)
    response = HttpResponse(body, content_type=XML_TYPE)
    response["Content-Disposition"] = f'inline; filename="schedule-{edition.slug}-{language}.xml"'
    response["Content-Language"] = language
    return response
