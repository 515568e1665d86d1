"""Whole-page cache for anonymous visitors, made fresh by a content version.

Anonymous GET/HEAD requests for public pages (under a language prefix) are answered from the
shared cache (Redis in production), keyed by path, query string and a content version.
A committed write to a public model (@public_content) bumps the version, so an edit in the
admin shows on the next request; the TTL only bounds memory. Downloads (PDF, zip) are not
cached here. A request carrying a session cookie (staff, or anyone who logged in) is never
served from, nor stored into, the cache; neither is a response that
sets a cookie or renders a CSRF token (forms, messages). `Vary: Cookie` alone does not stop
caching: without a session cookie the session is empty, so the page cannot depend on it.

The key holds the full address, whose host is always EXPO_SITE_URL's in production. Only a
signed-in user's session bypasses the cache; any other session cookie (made up, expired,
anonymous) is served from it, and a response that read a non-empty session is never stored.

An area (`area()`: the catalogue) has a version of its own, moved by its models' writes alone;
bulk writes name their models (`written()`). Every version starts from the clock.
"""

import contextvars
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "content-version"
_MISSING = object()

# The models whose rows anonymous visitors see, each declared with @public_content.
_public_models = []
# Areas with a version of their own: {area: {model, ...}} (`area()`, from an app's ready()).
_areas = {}
# Within a request (ContentVersionMiddleware): each version read once, and whether it is "stale".
_request_memo = contextvars.ContextVar("content_version_memo", default=None)


def public_content(model):
    """Class decorator for a model whose rows the public site shows: any committed write to it
    makes every cached page and fragment stale. Private models (accreditation applications,
    delegations) are never declared, so their writes never flush the public cache."""
    _public_models.append(model)
    return model


def public_models():
    return tuple(_public_models)


def area(name, *models):
    """Give `models` (each @public_content) a version of their own, `content_version(name)`, moved
    by their writes alone: for what a process keeps of them (the catalogue's index)."""
    _declared(models)
    _areas.setdefault(name, set()).update(models)


def _declared(models):
    unknown = [model._meta.label for model in models if model not in _public_models]
    if unknown:
        raise ImproperlyConfigured(f"Not declared @public_content, so their writes move no version: {unknown}")


def _areas_of(models):
    return {name for name, members in _areas.items() if members.intersection(models)}


def _key(name):
    return VERSION_KEY if name is None else f"{VERSION_KEY}:{name}"


def _epoch():
    """A new epoch (a start, a flush) counts from the clock: an old epoch's index is never current."""
    return time.time_ns() // 1000


def content_version(name=None):
    """The current content version (of the whole site, or of the area `name`); inside a request
    each is read from the cache once."""
    key, memo = _key(name), _request_memo.get()
    if memo is not None and key in memo:
        return memo[key]
    version = cache.get(key)
    if version is None:
        cache.add(key, _epoch(), timeout=None)
        version = cache.get(key)
    if memo is not None:
        memo[key] = version
    return version


def serving_stale():
    """Whether this request shows an older version (an index being rebuilt): the cache keeps none of it."""
    memo = _request_memo.get()
    if memo is not None:
        memo["stale"] = True


def in_request():
    """Whether this thread is answering a request now (ContentVersionMiddleware)."""
    return _request_memo.get() is not None


def is_stale():
    return bool((_request_memo.get() or {}).get("stale"))


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
        if not is_stale():
            cache.set(key, value, timeout)
    return value


def bump_content_version(areas=None):
    """Make every cached public page stale now, and the versions of `areas` (of every area when
    None: a restore, a bulk load). Writers call bump_on_commit() or written() instead."""
    keys = [_key(None), *(_key(name) for name in (_areas if areas is None else areas))]
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, _epoch(), timeout=None)
    memo = _request_memo.get()
    for key in keys if memo is not None else ():
        memo.pop(key, None)


def bump_on_commit(using=None, areas=None):
    """Bump the versions (the site's; `areas`', every area's when None) when the transaction commits.

    Bumping before the commit would let a request in between cache the old page under the new
    version until the TTL. A transaction that writes many rows bumps once (its callbacks share
    one batch); one rolled back never bumps.
    """
    using = using or DEFAULT_DB_ALIAS
    connection = transaction.get_connection(using)
    batch = getattr(connection, "_content_bump_batch", None)
    if not connection.in_atomic_block or batch is None or batch["done"]:
        batch = {"done": False, "areas": set()}
        connection._content_bump_batch = batch
    batch["areas"].update(_areas if areas is None else areas)

    def bump():
        if not batch["done"]:
            batch["done"] = True
            bump_content_version(batch["areas"])

    transaction.on_commit(bump, using=using)


def written(*models, using=None):
    """Bulk writes send no post_save: they name the public models they wrote, as saves would."""
    _declared(models)
    bump_on_commit(using, areas=_areas_of(models))


def _written(sender, instance, using=None, model=None, action="", **kwargs):
    if not action.startswith("pre_"):  # a relation's change: its two ends' areas
        bump_on_commit(using, areas=_areas_of([sender, type(instance), model]))


def connect_invalidation():
    """Bump the version after every committed write to a @public_content model (AppConfig.ready)."""
    for model in _public_models:
        uid = f"expo-cache-{model._meta.label}"
        post_save.connect(_written, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_written, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_written, sender=field.remote_field.through, dispatch_uid=f"{uid}-m2m")


class ContentVersionMiddleware:
    """Reads the content version at most once per request, however many fragments ask for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def stored_page(key):
    """(current content version, the page the page cache keeps under `key` if stored at that version).

    One round trip: the version is stored beside the page and read with it (get_many)."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    memo = _request_memo.get()
    if memo is not None:
        # The rest of the request (fragments) uses the version read here: no second read.
        memo.setdefault(VERSION_KEY, version)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return version, stored[1]
    return version, None
