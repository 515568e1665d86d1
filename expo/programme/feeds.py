"""Atom feed of the programme's public change log.

Atom's <summary> is typed "html" by Django: the staff-typed note and titles are plain text
here, so they are escaped and reach a feed reader as text, never as live markup. Kept whole
under the content version, with an ETag (common/export_cache.py).
"""

from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from common.export_cache import CachedFeed
from expo.models import ProgrammeChange
from expo.programme.changes import describe_change

FEED_LENGTH = 50


class ProgrammeChangesFeed(CachedFeed):
    feed_type = Atom1Feed

    def get_object(self, request):
        edition = request.edition
        if not edition:
            raise Http404("No edition")
        return edition

    def title(self, edition):
        return _("%(edition)s: programme changes") % {"edition": edition.acronym}

    def subtitle(self, edition):
        return _("Every change to the time, venue or status of a published programme item.")

    def link(self, edition):
        return reverse("expo:programme_changes")

    def items(self, edition):
        return ProgrammeChange.objects.public(edition)[:FEED_LENGTH]

    def item_title(self, change):
        label, old, new = describe_change(change, change.item.edition.tz)
        return f"{change.item.title} — {label}: {old} → {new}"

    def item_description(self, change):
        label, old, new = describe_change(change, change.item.edition.tz)
        note = change.item.status_note
        return escape(f"{label}: {old} → {new}." + (f" {note}" if note else ""))

    def item_link(self, change):
        return change.item.get_absolute_url()

    def item_guid(self, change):
        return f"programme-change-{change.pk}"

    def item_guid_is_permalink(self, change):
        return False

    def item_pubdate(self, change):
        return change.changed_at

    def item_updateddate(self, change):
        return change.changed_at
