"""The whole-page cache for anonymous visitors (common/cache.py holds the content versions it
is keyed by; its module docstring says what is cached and what never is)."""

import hashlib
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.utils.cache import get_conditional_response, get_max_age
from django.utils.http import parse_http_date_safe

from common.cache import is_stale, stored_page

# Downloads are files, not pages: never kept in the page cache (their own storage serves them).
DOWNLOAD_SUFFIXES = (".pdf", ".zip")


def _signed_in(request):
    """Does the session cookie belong to a signed-in user?

    Only such a visitor bypasses the cache. A made-up, expired or anonymous session cookie is
    served from the cache like no cookie at all, or anyone could take the site down by sending
    a random `sessionid` with every request. The check costs one primary-key lookup at most (a
    key of the wrong shape costs none), far less than rendering the page.
    """
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    return bool(store.get(SESSION_KEY))


def _read_session_data(request):
    session = getattr(request, "session", None)
    return session is not None and session.accessed and not session.is_empty()


def _cache_key(request):
    """The page's key without the content version: the version is stored with the page and read
    in the same round trip (get_many), so a hit costs one request to the cache, not two. The host
    is part of it: in production it is always EXPO_SITE_URL's (SiteAddressMiddleware rewrites
    it), so this only keeps development hosts apart."""
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{request.method == 'HEAD'}:{digest}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.EXPO_PAGE_CACHE_SECONDS
        # Public pages, and the sitemap (whose views cap max-age at the next embargo's end).
        self.prefixes = (*(f"/{code}/" for code, _ in settings.LANGUAGES), "/sitemap.xml")

    def cacheable_request(self, request):
        return (
            self.timeout > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and not request.path.endswith(DOWNLOAD_SUFFIXES)
            and not _signed_in(request)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        version, cached = stored_page(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            # A kept page with an ETag (the feeds', common/export_cache.py) answers If-None-Match
            # with a 304, as the view would have.
            if cached.has_header("ETag"):
                last_modified = parse_http_date_safe(cached.get("Last-Modified") or "")
                return get_conditional_response(
                    request, etag=cached["ETag"], last_modified=last_modified, response=cached
                )
            return cached
        response = self.get_response(request)
        # A view can shorten the lifetime with max-age (e.g. until an embargo lifts) or opt out
        # with private / no-store (pages that show one person's data).
        max_age = get_max_age(response)
        timeout = self.timeout if max_age is None else min(self.timeout, max_age)
        cache_control = response.get("Cache-Control", "")
        if (
            timeout > 0
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("Content-Disposition")
            and not response.cookies
            # A page with a CSRF token belongs to one visitor's cookie.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not _read_session_data(request)
            and not is_stale()
        ):
            response["X-Cache"] = "MISS"
            cache.set(key, (version, response), timeout)
        return response
