"""Each process's catalogue index, rebuilt off the request path after an edit.

A write to a catalogue model moves the catalogue's version (common.cache.area), never the other
areas' (a programme delay rebuilds nothing). The first catalogue request of the new version starts
one builder thread once it is answered (so the two do not share the interpreter), and it is
answered, like every request until the builder is done, from the previous index
(stale-while-revalidate): such a request is marked stale
(`common.cache.serving_stale`), so nothing it shows is kept in the page or fragment cache, and it
costs what a warm request costs. The builder builds the new index with everything visitors ask for built
in (every catalogue's kept orders, each side's word index: `_prepare`) and swaps it in whole; one lock keeps builds
one at a time, so a process never builds twice at once. A build that fails keeps the previous
index and logs the failure (the edition and version, the error's type: no row's data), and is
tried again on a request after RETRY_SECONDS.

One build per edit serves every process: the process whose builder claims the version first
builds the index and hands it over through the shared cache (Redis in production); the others'
builders wait for it and load it (0.1–0.2 s against 1.5 s of building at 4 × the design scale,
with its queries over every exhibit). A process whose builder waits in vain (the builder died) builds its own; a
request with no index at all to serve waits REQUEST_WAIT_SECONDS at most before it does. The
cache keeps one index per edition, with its version beside it, so edits never pile up copies;
without a shared cache (a single process) each process builds its own, as before. While it
builds or loads, the builder gives way to its process's requests (courtesy.py).

A web server's process builds its first index, prepared, as it starts (`warm()`, called from
config/wsgi.py, so management commands, workers and tests never pay for one), or takes it from
the shared cache when another process already built this version. A catalogue request that comes
before it is ready builds the index itself (or waits for it) and has it prepared afterwards, off
its path: without that, the first search and the first list in each order of every process
built its part inside a visitor's request (233 ms for the words at 1 ×), and visitors queued
behind it (bench/RESULTS.md, visitors beside a crawler).

EXPO_CATALOGUE_REBUILD = "request" builds inside the request instead
(one thread; the others serve the previous index): the test settings use it, since a builder
thread reads through its own connection, which never sees a test's rolled-back rows
(tests/exhibitors/test_catalogue_rebuild.py commits its own and waits with `join()`).
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.db import connections
from django.utils import translation

from common.cache import content_version, in_request, serving_stale
from exhibitors.catalogue.courtesy import building, idle, waiting
from exhibitors.catalogue.filters import SORTS, Filters
from exhibitors.catalogue.index import AREA, CatalogueIndex
from exhibitors.catalogue.order import order_key, read_order
from expo.models import Edition

logger = logging.getLogger(__name__)

CATALOGUES = []  # every catalogue class (BaseCatalogue registers its subclasses)
RETRY_SECONDS = 30
BUILD_SECONDS = 60  # how long a claim to build a version holds, and a builder thread waits for it
REQUEST_WAIT_SECONDS = 5  # how long a request with no index to serve waits for another process's
POLL_SECONDS = 0.05
_lock = threading.Lock()  # one build at a time in this process
_starting = threading.Lock()  # one builder thread started at a time
_builder = None  # the builder thread, while it runs
_current = {}  # edition pk -> the newest CatalogueIndex built for it
_failed = {}  # edition pk -> (version, time.monotonic()) of its last failed build
_deferred = threading.local()  # the edition whose builder starts when this thread's request ends


def index_for(edition):
    """The process's index for this edition: the current one, or the previous one while the
    current one is being built (the request is then marked stale)."""
    version = content_version(AREA)
    key = getattr(edition, "pk", None)
    index = _current.get(key)
    if index is not None and index.version == version:
        return index
    if index is None:  # nothing to serve meanwhile: built here (or waited for)
        with waiting():  # the builder, if one holds the lock, does not give way to this request
            while not _lock.acquire(timeout=POLL_SECONDS):
                index = _current.get(key)
                if index is not None:  # the builder's, served while it builds the rest into it
                    if index.version != version:
                        serving_stale()
                    return index
        try:
            index = _current.get(key)
            if index is None or index.version != version:
                index = _current[key] = _obtain(edition, version, wait=REQUEST_WAIT_SECONDS)
        finally:
            _lock.release()
        if not index.prepared and settings.EXPO_CATALOGUE_REBUILD != "request":
            _start(edition, version)  # its orders and words, off the request path
        return index
    if settings.EXPO_CATALOGUE_REBUILD == "request":
        return _in_request(edition, version, index)
    _start(edition, version)
    serving_stale()
    return index


def _in_request(edition, version, index):
    """One request builds; the others meanwhile serve the previous index."""
    if not _lock.acquire(blocking=False):
        serving_stale()
        return index
    key = getattr(edition, "pk", None)
    try:
        index = _current[key]
        if index.version != version:
            index = _current[key] = _obtain(edition, version, wait=REQUEST_WAIT_SECONDS)
        return index
    finally:
        _lock.release()


def _start(edition, version):
    """Have the index rebuilt, unless it failed moments ago: once this thread's request is answered
    (the builder would otherwise compete with it for the interpreter), or now outside a request."""
    key = getattr(edition, "pk", None)
    failed = _failed.get(key)
    if failed and failed[0] == version and time.monotonic() - failed[1] < RETRY_SECONDS:
        return
    if in_request():
        _deferred.edition = edition
    else:
        _launch(edition)


def _launch(edition):
    global _builder
    with _starting:
        if _builder is not None and _builder.is_alive():
            return  # the next request after it starts the next one, if still needed
        _builder = threading.Thread(target=_rebuild, args=(edition,), name="catalogue-index", daemon=True)
        _builder.start()


def warm():
    """Have this process's index of the current edition built (or taken from the shared cache),
    prepared, before its first visitor asks for it: called by each web server process as it
    starts (config/wsgi.py), in a thread of its own (returned; it hands over to the builder)."""
    if settings.EXPO_CATALOGUE_REBUILD == "request":
        return None
    thread = threading.Thread(target=_warm, name="catalogue-index-warm", daemon=True)
    thread.start()
    return thread


def _warm():
    try:
        edition = Edition.objects.current()
    except Exception as error:  # the database is not there yet: the first request builds it
        logger.warning("The catalogue index was not prepared at startup (%s).", type(error).__name__)
        return
    finally:
        connections.close_all()  # this thread's own connections
    _launch(edition)


def _request_finished(sender, **kwargs):
    edition = getattr(_deferred, "edition", None)
    if edition is not None:
        _deferred.edition = None
        _launch(edition)


request_finished.connect(_request_finished, dispatch_uid="catalogue-index-rebuild")


def _rebuild(edition):
    """The builder thread's work: the index at the version current when it starts."""
    key = getattr(edition, "pk", None)
    version = None
    try:
        with _lock, building():
            while version != content_version(AREA):  # an edit that lands meanwhile is built next
                version = content_version(AREA)  # no request here: read from the shared cache
                index = _current.get(key)
                if index is None or index.version != version:
                    _current[key] = _obtain(edition, version, prepare=True)
                elif not index.prepared:  # taken unprepared, or built inside a request
                    _prepare(index, edition)
        _failed.pop(key, None)
    except Exception as error:  # a failed build keeps the previous index
        _failed[key] = (version, time.monotonic())
        logger.error(
            "The catalogue index of edition %s at version %s was not rebuilt (%s); the previous one is served.",
            key,
            version,
            type(error).__name__,
        )
    finally:
        connections.close_all()  # this thread's own connections


def _shared_keys(edition_pk):
    key = f"catalogue-index:{edition_pk}"
    return key, f"{key}:version"


def claim_key(edition, version):
    """Held by the process that builds `version` of the edition's index, for BUILD_SECONDS."""
    return f"{_shared_keys(getattr(edition, 'pk', None))[1]}:{version}:builder"


def _obtain(edition, version, *, wait=BUILD_SECONDS, prepare=False):
    """The index at `version`: the one another process built (from the shared cache), or built
    here (and, with `prepare`, everything visitors ask for built into it) and handed over."""
    index = _shared(edition, version)
    if index is None and not cache.add(claim_key(edition, version), os.getpid(), timeout=BUILD_SECONDS):
        index = _wait_for(edition, version, wait)
    if index is None:
        try:
            index = CatalogueIndex(edition, version)
            if prepare:
                # A process with nothing to serve serves it now, while the rest is built into it.
                _current.setdefault(getattr(edition, "pk", None), index)
                _prepare(index, edition)
            else:
                _share(index, edition)
        finally:
            # Handed over or failed, a later build of this version is not held up waiting for it.
            cache.delete(claim_key(edition, version))
    elif prepare and not index.prepared:
        _prepare(index, edition)
    return index


def _share(index, edition):
    """Hand `index` over to the other processes, unless an edit made it old already. The index
    first, then its version: a reader that finds the version finds the index."""
    index_key, version_key = _shared_keys(getattr(edition, "pk", None))
    if content_version(AREA) != index.version:
        return
    cache.set(index_key, index, timeout=None)
    cache.set(version_key, index.version, timeout=None)


def _shared(edition, version):
    """The shared cache's index for `edition`, if it is at `version` (its version is read first:
    a different one is never loaded)."""
    index_key, version_key = _shared_keys(getattr(edition, "pk", None))
    if cache.get(version_key) != version:
        return None
    index = cache.get(index_key)
    return index if index is not None and index.version == version else None


def _wait_for(edition, version, wait):
    """Another process builds this version: its index once handed over, None if it never is
    within `wait` seconds."""
    deadline = time.monotonic() + wait
    with idle():
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            if cache.get(_shared_keys(getattr(edition, "pk", None))[1]) == version:
                break  # handed over: loaded below, with the collector off again
            if content_version(AREA) != version:  # a newer edit: its own build follows
                return None
    return _shared(edition, version)


def _prepare(index, edition):
    """Build into `index` what visitors ask for after the facets, so that no visitor's request
    builds it: every catalogue's kept order in each language and sort (order.py) and each side's
    word index (the first search), keeping what a request built meanwhile; then hand it over."""
    for kind in CATALOGUES:
        for sort in SORTS:
            catalogue = kind(Filters(sort=sort), edition=edition)
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    key = order_key(catalogue)
                    if key not in index.orders:
                        index.orders[key] = read_order(catalogue, catalogue.side(index), index.orders)
        searched = kind(Filters(), edition=edition)
        searched.side(index).word_index(searched.base())
    index.prepared = True
    _share(index, edition)


def join(timeout=None):
    """Wait for the builder thread, if one runs (tests; a clean shutdown)."""
    builder = _builder
    if builder is not None:
        builder.join(timeout)


def forget():
    """Drop this process's index and the shared copies of its editions (tests: their writes never
    commit, so the version stays put)."""
    join()
    with _lock:
        for key in _current:
            cache.delete_many(_shared_keys(key))
        _current.clear()
        _failed.clear()
