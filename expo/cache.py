"""Whole-page cache for anonymous visitors, made fresh by a content version.

Anonymous GET/HEAD requests for public pages (under a language prefix) are answered from the
shared cache (Redis in production), keyed by path, query string and a content version.
Any write to a public model bumps the version, so an edit in the admin shows on the next
request; the TTL only bounds memory. The key holds the full address, whose host is always
EXPO_SITE_URL's in production. A signed-in user's request (staff) is never served from, nor
stored into, the cache; any other session cookie (made up, expired, anonymous) is served from
it. A response that sets a cookie, renders a CSRF token (forms) or read a non-empty session
is never stored. `Vary: Cookie` alone does not stop caching: with an empty session the page
cannot depend on the cookie.
"""

import hashlib
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
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
    # The host is part of the key: in production it is always EXPO_SITE_URL's (SiteAddressMiddleware
    # rewrites it), so this only keeps development hosts apart.
    address = request.build_absolute_uri()
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{content_version()}:{request.method == 'HEAD'}:{digest}"


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
            and not _signed_in(request)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        cached = cache.get(key)
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
            and not _read_session_data(request)
        ):
            response["X-Cache"] = "MISS"
            cache.set(key, response, timeout)
        return response
