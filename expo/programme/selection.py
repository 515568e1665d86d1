"""Which published items a page or an export shows: the filters shared by every view.

The same `?day=&type=&venue=&audience=` parameters work on the programme page, the iCal feed,
the conference exports and the API, and are checked the same way: a value that is not one of
the edition's days, types or venues is an error to explain, never a silent "everything".
"""

import datetime

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.dates import DAY_MONTH, formatted
from common.text import phrase_rank, search_words
from common.widgets import PlainSelect
from expo.models import ProgrammeItem

LANGUAGES = ("vi", "en")


# Errors never repeat the visitor's value: exports answer in plain text, and nothing a
# visitor typed should come back verbatim.
UNKNOWN = {"invalid_choice": _("This is not one of the listed options.")}


class ProgrammeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the programme"), required=False, max_length=200)
    day = forms.DateField(label=_("Day"), required=False, input_formats=["%Y-%m-%d"])
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *ProgrammeItem.Type.choices],
        error_messages=UNKNOWN,
        widget=PlainSelect,
    )
    venue = forms.ChoiceField(label=_("Venue"), required=False, error_messages=UNKNOWN, widget=PlainSelect)
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("All audiences")), *ProgrammeItem.Audience.choices],
        error_messages=UNKNOWN,
        widget=PlainSelect,
    )

    def __init__(self, data, *, edition, venues):
        super().__init__(data)
        self.edition = edition
        self.fields["venue"].choices = [("", _("All venues")), *((venue.slug, str(venue)) for venue in venues)]

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day is not None and not self.edition.start_date <= day <= self.edition.end_date:
            raise forms.ValidationError(_("That day is not one of the expo's days."))
        return day


def filter_items(edition, cleaned):
    """The edition's published items matching cleaned filter values, venue joined, in time order."""
    items = ProgrammeItem.objects.published().filter(edition=edition).select_related("venue")
    if cleaned.get("day"):
        items = items.on_day(cleaned["day"], edition.tz)
    if cleaned.get("type"):
        items = items.filter(type=cleaned["type"])
    if cleaned.get("venue"):
        items = items.filter(venue__slug=cleaned["venue"])
    if cleaned.get("audience"):
        items = items.filter(audience=cleaned["audience"])
    if cleaned.get("q"):
        # Word starts, accent-insensitive; items holding the words as a phrase first, then by time.
        items = items.search(cleaned["q"]).order_by(phrase_rank(search_words(cleaned["q"])), "start", "end", "pk")
        return items
    return items.order_by("start", "end", "pk")


def parse_day(value):
    """`YYYY-MM-DD` → date, anything else → None."""
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None


def export_language(request):
    """`?lang=` of the exports: vi (the default) or en; anything else falls back to vi."""
    lang = request.GET.get("lang", "vi")
    return lang if lang in LANGUAGES else "vi"


# The columns a row shows (for_rows), for lists that read nothing else.
ROW_FIELDS = ("slug", "status", "start", "end", "title", "type", "venue", "audience", "status_note")


def row_items(items):
    """`items` (from filter_items) reading only the columns of ROW_FIELDS and no venue: pass the
    edition's venues to for_rows, which names them from there."""
    return items.select_related(None).only(*ROW_FIELDS)


def for_rows(items, tz, *, show_dates=False, venues=None):
    """The items as a list, each with the labels, link and local times (in `tz`) that the row
    template shows, computed once per page (`show_dates`: the row names its day, as search results
    span days; `venues`: the edition's venues, when `items` did not join them): get_FOO_display()
    rebuilds its choices dict on every call, reverse() walks the URL map and the date filters
    convert time zones, which at 80 rows a day was most of the page's time."""
    items = list(items)
    labels = {
        field: {value: str(label) for value, label in ProgrammeItem._meta.get_field(field).flatchoices}
        for field in ("type", "audience", "status")
    }
    venue_labels = None if venues is None else {venue.pk: str(venue) for venue in venues}
    # One reverse() for the page: a slug is URL-safe, so every item's link follows the pattern.
    prefix = reverse("expo:programme_item", kwargs={"slug": "slug"}).removesuffix("slug/")
    local = {}  # a day's items share few distinct times: each is converted and formatted once

    def local_time(moment):
        try:
            return local[moment]
        except KeyError:
            value = moment.astimezone(tz)
            local[moment] = result = (value.isoformat(), f"{value:%H:%M}", formatted(value, DAY_MONTH))
            return result

    for item in items:
        item.type_label = labels["type"].get(item.type, item.type)
        item.audience_label = labels["audience"].get(item.audience, item.audience)
        item.status_label = labels["status"].get(item.status, item.status)
        item.url = f"{prefix}{item.slug}/"
        if not item.venue_id:
            item.venue_label = ""
        elif venue_labels and item.venue_id in venue_labels:
            item.venue_label = venue_labels[item.venue_id]
        else:
            item.venue_label = str(item.venue)
        # Plain attributes: `times.0` in a template tries attribute and dict lookups before indexing.
        item.start_iso, item.start_hm, item.date_label = local_time(item.start)
        item.end_iso, item.end_hm, _end_date = local_time(item.end)
        item.show_date = show_dates
    return items


def utc_offset_label(edition):
    """'UTC+7' for Asia/Ho_Chi_Minh: the offset at noon on the first day, named on every page."""
    noon = datetime.datetime.combine(edition.start_date, datetime.time(12), tzinfo=edition.tz)
    minutes = int(noon.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def now_and_next(edition, now, *, upcoming=3):
    """(items on now, the next `upcoming` items today) during the expo, in one query."""
    day_end = datetime.datetime.combine(edition.local_today(now), datetime.time.max, tzinfo=edition.tz)
    items = list(
        ProgrammeItem.objects.published()
        .active()
        .filter(edition=edition, end__gt=now, start__lte=day_end)
        .select_related("venue")
        .order_by("start", "end", "pk")[:20]
    )
    items = for_rows(items, edition.tz)
    on_now = [item for item in items if item.start <= now]
    return on_now, [item for item in items if item.start > now][:upcoming]
