"""Atom feed of disclosed agreements, one per language (the URL's prefix)."""

import datetime

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from common.export_cache import CachedFeed
from common.numbers import format_number
from meetings.selectors import disclosed_agreements, expire_results


class ResultsFeed(CachedFeed):
    feed_type = Atom1Feed
    title = _("Expo results: agreements signed")
    subtitle = _("Agreements and contracts signed at the expo, as they are made public.")

    def respond(self, request, *args, **kwargs):
        # Kept whole under the content version (CachedFeed), never past the next disclosure day.
        response = super().respond(request, *args, **kwargs)
        return expire_results(response, request.edition) if request.edition else response

    def link(self):
        return reverse("meetings:results")

    def get_object(self, request, *args, **kwargs):
        return request.edition

    def items(self, edition):
        if not edition:
            return []
        return list(reversed(disclosed_agreements(edition)))[:50]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        # Plain text: these fields are plain text, never markup.
        parts = [f"{item.party_a} – {item.party_b}", date_format(item.signed_on, "SHORT_DATE_FORMAT")]
        if item.usd_value is not None:
            parts.append(f"{format_number(item.value, 0)} {item.currency}")
        return " · ".join(parts)

    def item_link(self, item):
        return f"{reverse('meetings:results')}#agreement-{item.pk}"

    def item_guid(self, item):
        return f"agreement-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.announce_from or item.signed_on, datetime.time.min, tzinfo=datetime.UTC)
