"""Public programme pages: by day, one item, the change log and the printable PDF."""

import hashlib
import itertools

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.cache import content_version
from common.pdf import render_pdf
from expo.models import ProgrammeChange, ProgrammeItem
from expo.programme.changes import change_rows
from expo.programme.conditional import programme_conditional, programme_state
from expo.programme.selection import ProgrammeFilterForm, filter_items, for_rows, parse_day, row_items, utc_offset_label

CHANGES_PER_PAGE = 50


def _edition_or_404(request):
    edition = request.edition
    if not edition:
        raise Http404(_("No edition has been published yet."))
    return edition


def _chosen_day(request, edition):
    """The day tab: `?day=` when it is one of the expo's days, today during the expo, else day 1."""
    raw = request.GET.get("day")
    if raw:
        day = parse_day(raw)
        if day is None or not edition.start_date <= day <= edition.end_date:
            raise Http404(_("That day is not one of the expo's days."))
        return day
    today = edition.local_today()
    return today if edition.start_date <= today <= edition.end_date else edition.start_date


@require_safe
def programme(request):
    edition = request.edition
    if not edition:
        return render(request, "expo/programme_list.html", {"edition": None})
    day = _chosen_day(request, edition)
    venues = list(edition.venues.all())
    form = ProgrammeFilterForm(request.GET, edition=edition, venues=venues)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    rows = []
    if form.is_valid():
        # A search covers every day of the expo; the filters still apply.
        rows = row_items(filter_items(edition, {**form.cleaned_data, "day": None if query else day}))
    items = for_rows(rows, edition.tz, show_dates=bool(query), venues=venues)
    filtered = any(request.GET.get(name) for name in ("type", "venue", "audience", "q"))
    context = {
        "edition": edition,
        "days": edition.days,
        "day": None if query else day,
        "query": query,
        "form": form,
        "filter_errors": [error for name, errors in form.errors.items() if name != "day" for error in errors],
        "filtered": filtered,
        "items": items,
        "utc_offset": utc_offset_label(edition),
    }
    return render(request, "expo/programme_list.html", context)


@require_safe
def programme_item(request, slug):
    edition = _edition_or_404(request)
    item = get_object_or_404(
        ProgrammeItem.objects.published().select_related("venue", "edition"), edition=edition, slug=slug
    )
    changes = item.changes.select_related("item", "old_venue", "new_venue").order_by("-changed_at", "-pk")
    context = {
        "edition": edition,
        "object": item,
        "item": item,
        "changes": change_rows(changes, edition.tz),
        "utc_offset": utc_offset_label(edition),
    }
    return render(request, "expo/programme_detail.html", context)


@require_safe
def programme_changes(request):
    edition = _edition_or_404(request)
    page = Paginator(ProgrammeChange.objects.public(edition), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "edition": edition,
        "page": page,
        "rows": change_rows(page.object_list, edition.tz),
        "utc_offset": utc_offset_label(edition),
    }
    return render(request, "expo/programme_changes.html", context)


def days_with_items(edition, items):
    """[(day, [items starting that day])] for every day of the edition, in order."""
    by_day = {
        day: list(group)
        for day, group in itertools.groupby(items, key=lambda item: item.start.astimezone(edition.tz).date())
    }
    return [(day, by_day.get(day, [])) for day in edition.days]


@require_safe
@programme_conditional
def programme_pdf(request):
    edition = _edition_or_404(request)
    items = filter_items(edition, {})
    context = {
        "edition": edition,
        "days": days_with_items(edition, items),
        "utc_offset": utc_offset_label(edition),
    }
    language = translation.get_language()
    name = _stored_programme_pdf(request, edition, language, context)
    with default_storage.open(name) as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="programme-{edition.slug}-{language}.pdf"'
    return response


# Raise when the PDF's template changes, so stored copies are rendered again.
PDF_TEMPLATE_VERSION = "1"


def _stored_programme_pdf(request, edition, language, context):
    """The storage name of this programme version's PDF, rendered only the first time it is asked.

    A PDF takes seconds to lay out and is the same for everyone until the content changes: the
    name carries the content version and the programme's state, so any edit gives a new file;
    older files of the same edition and language are deleted.
    """
    latest, count = programme_state(request)
    key = f"{PDF_TEMPLATE_VERSION}|{content_version()}|{edition.pk}|{language}|{latest}|{count}"
    folder = f"programme/{edition.slug}"
    name = f"{folder}/programme-{language}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(render_pdf("pdf/programme.html", context, request=request)))
        _folders, files = default_storage.listdir(folder)
        for other in files:
            if other.startswith(f"programme-{language}-") and f"{folder}/{other}" != name:
                default_storage.delete(f"{folder}/{other}")
    return name
