"""ETag / Last-Modified for the programme's exports, so calendar and conference apps that
poll every few minutes get a 304 instead of the whole programme when nothing changed.

The validators come from one aggregate over the edition's published items: the latest
`updated_at` (every edit and every logged change touches it) and the count (an item
unpublished or deleted changes it). The URL with its query string is part of the ETag, since each
filter and language (`?lang=` or the /vi/ /en/ prefix) is a different representation.
"""

import hashlib

from django.db.models import Count, Max
from django.views.decorators.http import condition

from expo.models import ProgrammeItem


def programme_state(request):
    """(latest update, count) of the edition's published items, aggregated once per request."""
    if not hasattr(request, "_programme_state"):
        edition = request.edition
        if not edition:
            request._programme_state = (None, 0)
        else:
            state = (
                ProgrammeItem.objects.published()
                .filter(edition=edition)
                .aggregate(latest=Max("updated_at"), count=Count("pk"))
            )
            request._programme_state = (state["latest"], state["count"])
    return request._programme_state


def programme_etag(request, *args, **kwargs):
    latest, count = programme_state(request)
    stamp = latest.isoformat() if latest else "-"
    key = f"{stamp}|{count}|{request.get_full_path()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def programme_last_modified(request, *args, **kwargs):
    return programme_state(request)[0]


programme_conditional = condition(etag_func=programme_etag, last_modified_func=programme_last_modified)
