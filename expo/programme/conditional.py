"""ETag / Last-Modified for the programme's PDF, and the Last-Modified of its exports, so
calendar and conference apps that poll every few minutes get a 304 instead of the whole
programme when nothing changed. The exports' ETag is their body's (common/export_cache.py),
which keeps them whole under the content version.

The validators come from one aggregate over the edition's published items: the latest
`updated_at` (every edit and every logged change touches it) and the count (an item
unpublished or deleted changes it). The URL with its query string is part of the ETag, since each
filter and language (`?lang=` or the /vi/ /en/ prefix) is a different representation.
"""

import functools
import hashlib

from django.db.models import Count, Max
from django.utils.http import http_date
from django.views.decorators.http import condition

from common.export_cache import cached_export
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


def programme_export(view):
    """cached_export (the body kept under the content version, ETag and 304), with the
    programme's latest update as Last-Modified, read only when the body is written."""

    @functools.wraps(view)
    def written(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        latest = programme_state(request)[0]
        if latest and response.status_code == 200:
            response["Last-Modified"] = http_date(latest.timestamp())
        return response

    return cached_export(written)
