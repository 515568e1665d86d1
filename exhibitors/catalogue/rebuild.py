"""Each process's catalogue index, rebuilt off the request path after an edit.

A write to a catalogue model moves the catalogue's version (common.cache.area), never the other
areas' (a programme delay rebuilds nothing). The first catalogue request of the new version starts
one builder thread once it is answered (so the two do not share the interpreter), and it is
answered, like every request until the builder is done, from the previous index
(stale-while-revalidate): such a request is marked stale
(`common.cache.serving_stale`), so nothing it shows is kept in the page or fragment cache, and it
costs what a warm request costs. The builder builds the new index with what the previous one had
been asked for (the word indexes, the kept orders) and swaps it in whole; one lock keeps builds
one at a time, so a process never builds twice at once. A build that fails keeps the previous
index and logs the failure (the edition and version, the error's type: no row's data), and is
tried again on a request after RETRY_SECONDS.

A process's very first index (nothing to serve meanwhile) is built inside its first catalogue
request, as before: warming it at startup (gunicorn's post_fork, AppConfig.ready) would make
every process, management command and test pay for an index it may never need, and a process
starts far less often than an edit lands. EXPO_CATALOGUE_REBUILD = "request" builds inside the
request instead (one thread; the others serve the previous index): the test settings use it,
since a builder thread reads through its own connection, which never sees a test's rolled-back
rows (tests/exhibitors/test_catalogue_rebuild.py commits its own and waits with `join()`).
"""

import logging
import threading
import time

from django.conf import settings
from django.core.signals import request_finished
from django.db import connections
from django.utils import translation

from common.cache import content_version, in_request, serving_stale
from exhibitors.catalogue.filters import Filters
from exhibitors.catalogue.index import AREA, CatalogueIndex
from exhibitors.catalogue.order import read_order

logger = logging.getLogger(__name__)

RETRY_SECONDS = 30
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
        with _lock:
            index = _current.get(key)
            if index is None or index.version != version:
                index = _current[key] = _build(edition, version, previous=index)
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
            index = _current[key] = _build(edition, version, previous=index)
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
        with _lock:
            version = content_version(AREA)  # no request here: read from the shared cache
            previous = _current.get(key)
            if previous is None or previous.version != version:
                _current[key] = _build(edition, version, previous=previous)
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


def _build(edition, version, *, previous):
    """A new index, with the word indexes and orders `previous` had been asked for (by the
    catalogues that read it: `BaseCatalogue.index()` records them)."""
    index = CatalogueIndex(edition, version)
    if previous is None:
        return index
    kinds = {kind.__name__: kind for kind in previous.readers}
    for name, language, sort in list(previous.orders):
        catalogue = kinds[name](Filters(sort=sort), edition=edition)
        with translation.override(language):
            index.orders[name, language, sort] = read_order(catalogue, catalogue.side(index))
    for kind in kinds.values():
        catalogue = kind(Filters(), edition=edition)
        if catalogue.side(previous).words is not None:
            catalogue.side(index).word_index(catalogue.base())
    index.readers.update(previous.readers)
    return index


def join(timeout=None):
    """Wait for the builder thread, if one runs (tests; a clean shutdown)."""
    builder = _builder
    if builder is not None:
        builder.join(timeout)


def forget():
    """Drop this process's index (tests: their writes never commit, so the version stays put)."""
    join()
    with _lock:
        _current.clear()
        _failed.clear()
