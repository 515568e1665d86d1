import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from common import clock
from common.taskqueue import queue_health
from expo.facts import edition_facts
from expo.models import Edition
from expo.programme.selection import now_and_next, utc_offset_label


@require_safe
def home(request):
    edition = request.edition
    context = {}
    if edition:
        context.update(
            phase=edition.phase(),
            venues=edition.venues.all(),
            facts=edition_facts(edition),
        )
        if context["phase"].state == "live":
            on_now, up_next = now_and_next(edition, clock.now())
            context.update(on_now=on_now, up_next=up_next, utc_offset=utc_offset_label(edition))
        elif context["phase"].state == "past":
            next_edition = Edition.objects.next_after(edition)
            if next_edition:
                context.update(next_edition=next_edition, next_phase=next_edition.phase())
    return render(request, "expo/home.html", context)


@require_safe
def save_the_date_ics(request):
    """The next edition's days as one all-day event, from the home page of a finished edition."""
    next_edition = Edition.objects.next_after(request.edition) if request.edition else None
    if next_edition is None:
        raise Http404("No next edition")
    calendar = Calendar()
    calendar.add("prodid", "-//Expo CMS//Save the date//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"edition-{next_edition.slug}@{request.get_host()}")
    event.add("dtstamp", clock.now())
    event.add("dtstart", next_edition.start_date)
    event.add("dtend", next_edition.end_date + datetime.timedelta(days=1))  # all-day: the day after
    event.add("summary", next_edition.name)
    event.add("location", ", ".join(filter(None, [next_edition.venue_name, next_edition.city])))
    event.add("url", f"{settings.EXPO_SITE_URL or request.build_absolute_uri('/').rstrip('/')}/{get_language()}/")
    event.add("transp", "TRANSPARENT")
    calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{next_edition.slug}.ics"'
    return response


@require_safe
def visit(request):
    """Visitor information of the current edition, in the page's language."""
    edition = request.edition or None
    sections = edition.visitor_info.published() if edition else []
    return render(request, "expo/visit.html", {"edition": edition, "sections": sections})


@require_safe
def healthz(request):
    """For load balancers and monitoring: 503 when the database does not answer; otherwise 200,
    with "status" "ok", or "degraded" when the task queue is stuck (its oldest ready task waited
    longer than EXPO_TASK_WAIT_WARNING_MINUTES) or a task failed in the last 24 hours.

    A stuck queue keeps 200: the web servers still serve, and a load balancer must not take them
    out of rotation because the worker stopped. Monitoring alerts on the status field. Counts
    and ages only: nothing about what the tasks are for leaks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        queue = queue_health()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok" if queue.ok else "degraded", "database": "ok", "queue": queue.as_dict()})


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Allow: /api/docs",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    # Resolved per request: the hashed name exists only once collectstatic has run.
    return redirect(static("expo/favicon.ico"), permanent=True)
