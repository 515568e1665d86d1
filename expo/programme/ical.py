"""iCalendar exports: the whole (filtered) programme as one subscribable feed, and each item.

UIDs are the items' UUIDs, so a calendar app updates an event when it moves instead of
adding a second one; SEQUENCE counts the logged changes for the same reason. Times are
written in the edition's zone with its VTIMEZONE, never converted to the server's.
"""

from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from expo.models import ProgrammeItem
from expo.programme.conditional import programme_export
from expo.programme.selection import ProgrammeFilterForm, export_language, filter_items

ICS_TYPE = "text/calendar; charset=utf-8"


def _calendar(edition, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Expo CMS//Programme//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", edition.time_zone)
    return calendar


def _event(request, edition, item):
    tz = edition.tz
    event = Event()
    event.add("uid", str(item.uuid))
    event.add("dtstamp", item.updated_at)
    event.add("last-modified", item.updated_at)
    event.add("sequence", getattr(item, "change_count", 0))
    event.add("dtstart", item.start.astimezone(tz))
    event.add("dtend", item.end.astimezone(tz))
    event.add("summary", item.title)
    lines = []
    if item.status != ProgrammeItem.Status.SCHEDULED:
        lines.append(f"{item.get_status_display()}. {item.status_note}".strip())
    lines += [text for text in (item.description, item.hosts) if text]
    if lines:
        event.add("description", "\n\n".join(lines))
    place = [str(item.venue.name) if item.venue else "", edition.venue_name, edition.city]
    event.add("location", ", ".join(part for part in place if part))
    event.add("url", request.build_absolute_uri(item.get_absolute_url()))
    event.add("categories", [str(item.get_type_display())])
    cancelled = item.status == ProgrammeItem.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _response(calendar, filename):
    # VTIMEZONE components for every TZID used, built from the zoneinfo database.
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type=ICS_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # The calendar's language is ?lang's, not the request's (LocaleMiddleware would say "vi").
    response["Content-Language"] = translation.get_language()
    return response


@require_safe
@programme_export
def programme_ics(request):
    edition = request.edition
    if not edition:
        raise Http404("No edition")
    language = export_language(request)
    with translation.override(language):
        form = ProgrammeFilterForm(request.GET, edition=edition, venues=edition.venues.all())
        if not form.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
        items = filter_items(edition, form.cleaned_data).annotate(change_count=Count("changes"))
        calendar = _calendar(edition, f"{edition.acronym} · {_('Programme')}")
        for item in items:
            calendar.add_component(_event(request, edition, item))
        return _response(calendar, f"programme-{edition.slug}-{language}.ics")


@require_safe
@programme_export
def item_ics(request, slug):
    edition = request.edition
    if not edition:
        raise Http404("No edition")
    language = export_language(request)
    with translation.override(language):
        item = get_object_or_404(
            ProgrammeItem.objects.published().select_related("venue").annotate(change_count=Count("changes")),
            edition=edition,
            slug=slug,
        )
        calendar = _calendar(edition, f"{edition.acronym} · {item.title}")
        calendar.add_component(_event(request, edition, item))
        return _response(calendar, f"{item.slug}.ics")
