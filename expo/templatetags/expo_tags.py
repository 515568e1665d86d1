from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import ngettext

from common import slots
from common.dates import formatted
from common.taskqueue import queue_health
from expo.programme.rows import rows_html

register = template.Library()

# Each language is named in itself, so a reader finds their own whatever page they are on.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in each language: [(code, name, url, is_current)].

    A page about one object (a detail view puts it in the context as `object`) asks the object
    for its URL in each language, so translated slugs follow; any other page has its path
    translated. The query string (filters, page) is kept.
    """
    request = context["request"]
    obj = context.get("object")
    current = translation.get_language()
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                url = obj.get_absolute_url()
        else:
            # translate_url resolves the path in the current language, so no override here.
            url = translate_url(request.path, code)
            if url == request.path and code != current:
                # Nothing to translate (a missing page): offer that language's home page.
                with translation.override(code):
                    url = reverse("expo:home")
        if query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": url,
                # For hreflang: EXPO_SITE_URL's address in production (SiteAddressMiddleware).
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.filter
def date_range(start, end):
    """'19–22/12/2024' in Vietnamese, '19–22 December 2024' in English."""
    if translation.get_language() == "vi":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{formatted(end)}" if start != end else formatted(start)
        return f"{formatted(start)} – {formatted(end)}"
    if start == end:
        return f"{start.day} {MONTHS[start.month]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month]} – {end.day} {MONTHS[end.month]} {end.year}"
    return f"{start.day} {MONTHS[start.month]} {start.year} – {end.day} {MONTHS[end.month]} {end.year}"


@register.simple_tag
def slot(name, obj):
    """What other apps put in the page's slot `name` for `obj` (see common/slots.py)."""
    return slots.render(name, obj)


@register.simple_tag
def programme_rows(items):
    """The `<li>` rows of programme items from selection.for_rows (expo/programme/rows.py)."""
    return rows_html(items)


@register.simple_tag(takes_context=True)
def task_queue_warnings(context):
    """The admin dashboard's warnings about background work: tasks waiting longer than
    EXPO_TASK_WAIT_WARNING_MINUTES (no worker running?) and tasks failed in the last 24 hours."""
    queue = queue_health()
    warnings = []
    if queue.waiting_too_long:
        minutes = queue.stuck_minutes
        warnings.append(
            ngettext(
                "Background work is waiting: the oldest task has been ready for %(minutes)d minute. "
                "Check that the task worker (manage.py db_worker) is running: until it runs, no e-mail "
                "is sent and no press kit is built.",
                "Background work is waiting: the oldest task has been ready for %(minutes)d minutes. "
                "Check that the task worker (manage.py db_worker) is running: until it runs, no e-mail "
                "is sent and no press kit is built.",
                minutes,
            )
            % {"minutes": minutes}
        )
    if queue.failed:
        text = ngettext(
            "%(count)d background task failed in the last 24 hours.",
            "%(count)d background tasks failed in the last 24 hours.",
            queue.failed,
        ) % {"count": queue.failed}
        user = context["request"].user
        if user.has_perm("django_tasks_database.view_dbtaskresult"):
            url = reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED"
            text = format_html('{} <a href="{}">{}</a>', text, url, translation.gettext("Show the failed tasks"))
        warnings.append(text)
    return warnings
