"""Whole-page cache for anonymous visitors, made fresh by a content version.

Anonymous GET/HEAD requests for public pages (under a language prefix) are answered from the
shared cache (Redis in production), keyed by path and query string, stored with the content
version they were rendered under (a page of an older version is a miss).
Any write to a public model bumps the version, so an edit in the admin shows on the next
request; the TTL only bounds memory. A request carrying a session cookie (staff, or anyone
who logged in) is never served from, nor stored into, the cache; neither is a response that
sets a cookie or renders a CSRF token (forms, messages). `Vary: Cookie` alone does not stop
caching: without a session cookie the session is empty, so the page cannot depend on it.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_max_age

VERSION_KEY = "content-version"
_MISSING = object()


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def remember(name, compute):
    """compute()'s value, shared by every process until the content version changes.

    For fragments that are the same for every visitor (the current edition, the catalogue's
    facet counts). EXPO_FRAGMENT_CACHE_SECONDS bounds memory; 0 switches this off.
    """
    timeout = settings.EXPO_FRAGMENT_CACHE_SECONDS
    if timeout <= 0:
        return compute()
    key = f"fragment:{content_version()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


def bump_content_version(**kwargs):
    """Make every cached public page stale. Call after bulk writes that bypass save()."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def connect_invalidation():
    """Bump the version whenever a model of a public app is written (called from AppConfig.ready)."""
    for label in settings.EXPO_PUBLIC_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"expo-cache-{model._meta.label}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(bump_content_version, sender=field.remote_field.through, dispatch_uid=f"{uid}-m2m")


def _cache_key(request):
    """The page's key without the content version: the version is stored with the page and
    read in the same round trip (get_many), so a hit costs one request to Redis, not two."""
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{request.method == 'HEAD'}:{digest}"


def _cached_page(key):
    """(current content version, the cached response if it was stored under that version)."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return version, stored[1]
    return version, None


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.EXPO_PAGE_CACHE_SECONDS
        self.prefixes = tuple(f"/{code}/" for code, _ in settings.LANGUAGES)

    def cacheable_request(self, request):
        return (
            self.timeout > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        version, cached = _cached_page(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
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
            and not response.cookies
            # A page with a CSRF token belongs to one visitor's cookie.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
        ):
            response["X-Cache"] = "MISS"
            cache.set(key, (version, response), timeout)
        return response
