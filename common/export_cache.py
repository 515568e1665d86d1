"""Machine-facing exports (schedule.xml/json, iCal, Atom and RSS feeds, API lists) kept whole in
the shared cache under the content version, and answered conditionally (ETag / 304).

Apps and feed readers poll these every few minutes; nothing in them differs from one client to
the next. So the written body is kept, with its headers, under the full address (host, path,
query string: `?lang=` and every filter), the active language and the content version: any
committed write to a public model gives a new key, so an edit shows on the next request. A
response whose content also changes with the clock says so with `Cache-Control: max-age` (the
same contract as the page cache: until an embargo lifts, the next disclosure day, the next
demonstration): the entry is never served past that moment, whatever the cache's TTL.

The ETag is strong and derived from the body once, when it is written (Django's
`set_response_etag`); it is stored with the body, so a hit answers `If-None-Match` with a 304
without rendering anything and without a database query (the version is read from the cache).
`get_conditional_response` (the machinery of Django's `condition` decorator) decides 200 or 304,
with the view's own `Last-Modified` where it sets one. EXPO_FRAGMENT_CACHE_SECONDS bounds memory;
0 switches the keeping off, and the exports still answer conditional requests from the body.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import get_conditional_response, get_max_age, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe

from common.cache import content_version


def _key(request):
    address = f"{translation.get_language()}|{request.build_absolute_uri()}"
    return f"export:{content_version()}:{hashlib.sha256(address.encode()).hexdigest()}"


def _keepable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _conditional(request, response):
    last_modified = parse_http_date_safe(response.get("Last-Modified") or "")
    return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


def cached_export(view):
    """Decorator for a public GET view whose response is the same for every client of its URL."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        timeout = settings.EXPO_FRAGMENT_CACHE_SECONDS
        key = _key(request) if timeout > 0 else None
        if key is not None:
            stored = cache.get(key)
            if stored is not None:
                until, response = stored
                remaining = None if until is None else until - time.time()
                if remaining is None or remaining > 0:
                    if remaining is not None:
                        patch_cache_control(response, max_age=max(1, int(remaining)))
                    response["X-Cache"] = "HIT"
                    return _conditional(request, response)
        response = view(request, *args, **kwargs)
        if not _keepable(response):
            return response
        set_response_etag(response)
        if key is not None:
            max_age = get_max_age(response)
            keep = timeout if max_age is None else min(timeout, max_age)
            if keep > 0:
                response["X-Cache"] = "MISS"
                until = None if max_age is None else time.time() + max_age
                cache.set(key, (until, response), keep)
        return _conditional(request, response)

    return wrapper


class CachedFeed(Feed):
    """A syndication feed kept and answered like the other exports. Subclasses that add headers
    (a max-age until an embargo lifts) override respond(), which only runs on a miss."""

    def __call__(self, request, *args, **kwargs):
        return cached_export(self.respond)(request, *args, **kwargs)

    def respond(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)
