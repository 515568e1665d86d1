"""The index builder gives way to the requests of its own process.

A builder thread (rebuild.py) and a request share one interpreter: with both running, Python
hands the interpreter from one to the other every 5 ms, so a request answered during a build
waits for the builder's turns as well as its own. The builder's loops call `give_way()` every few thousand rows; while
the process is answering a request it waits there, PAUSE_SECONDS at most at a time, so under
constant traffic the build still moves on (slower) instead of never finishing.

Only a thread marked as a builder (`building()`) waits: an index built inside a request (the
first of a process, or EXPO_CATALOGUE_REBUILD=request) is that request's own work. While a
builder runs, Python hands over every SWITCH_SECONDS instead of 5 ms, so a request coming back
from the database with a query's rows is not kept waiting for the builder's whole turn (at 4 ×
the design scale, the worst page's slowest request after an edit went from 2.7 and 2.2 × warm to
2.6 and 2.0 × in two runs each; bench/RESULTS.md).

No hand-over helps while the interpreter is inside one long call that never lets go, and a build
set off the longest of them: Python's full garbage collection, which the build's millions of new
objects trigger, and which walks every object the process holds (the index included) in one go,
83–124 ms at 4 × the design scale. So the collector is off while a builder builds or loads
(reference counting still frees nearly everything: the index holds no cycles), though not while
it only waits for another process's index (`idle()`); once done, at a moment the
process answers no request (SETTLE_SECONDS at most), the builder collects what the build left in
one young collection and freezes what lives on (`gc.freeze()`), so that no later full
collection, in a builder or in a visitor's request, walks the index again. What the index hands
to the other processes is a few long strings and arrays for the same reason (words.py, index.py):
one `pickle.loads` is one call. Measured as the longest wait of a thread that only sleeps 1 ms
at a time, beside a build at 4 ×: 83–124 ms before, 5–14 ms while building and preparing and
20–26 ms while handing over after.

A request that waits for the builder (its process has no index yet: `waiting()`) is not given
way to: that would only keep it waiting longer.
"""

import contextlib
import gc
import sys
import threading
import time

from django.core.signals import request_finished, request_started

EVERY = 2000  # rows between two calls in the builder's loops
PAUSE_SECONDS = 0.02
# Python's hand-over interval while a builder runs (5 ms otherwise): a request thread that comes
# back from the database waits this long at most for the builder to let it run.
SWITCH_SECONDS = 0.0005
SETTLE_SECONDS = 0.5  # how long a builder waits, once done, for a moment with no request to collect in
_answering = 0  # requests this process is answering now
_waiting = 0  # of them, those waiting for the builder's index (it never gives way to them)
_count_lock = threading.Lock()
_thread = threading.local()


def _started(sender, **kwargs):
    global _answering
    with _count_lock:
        _answering += 1


def _finished(sender, **kwargs):
    global _answering
    with _count_lock:
        _answering = max(0, _answering - 1)


@contextlib.contextmanager
def waiting():
    """Mark this request as waiting for the builder: a builder that gave way to it would only
    keep it waiting longer (at 4 × the design scale, the first request of a process that had no
    index yet waited 26 s for a build that paused at each stopping point for that request)."""
    global _waiting
    with _count_lock:
        _waiting += 1
    try:
        yield
    finally:
        with _count_lock:
            _waiting -= 1


request_started.connect(_started, dispatch_uid="catalogue-courtesy-started")
request_finished.connect(_finished, dispatch_uid="catalogue-courtesy-finished")


@contextlib.contextmanager
def building():
    """Mark this thread as a builder for the duration, with the garbage collector off, then
    collect what it left and freeze what lives on (see above)."""
    _thread.builder = True
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_SECONDS)
    _thread.collector_off = gc.isenabled()  # off already (by whoever turned it off): left as it is
    gc.disable()
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
        if _thread.collector_off:
            give_way(SETTLE_SECONDS)
            gc.collect(1)
            gc.freeze()
            gc.enable()
        _thread.builder = _thread.collector_off = False


@contextlib.contextmanager
def idle():
    """A builder that waits (for another process's index) builds nothing meanwhile: the collector
    runs as usual, as long as the wait (BUILD_SECONDS at most), so the requests' garbage does not
    pile up."""
    off = getattr(_thread, "collector_off", False)
    if off:
        gc.enable()
    try:
        yield
    finally:
        if off:
            gc.disable()


def give_way(seconds=None):
    """In a builder, wait while the process answers a request that is not waiting for it,
    `seconds` (PAUSE_SECONDS) at most."""
    if not getattr(_thread, "builder", False):
        return
    deadline = time.monotonic() + (PAUSE_SECONDS if seconds is None else seconds)
    while _answering > _waiting and time.monotonic() < deadline:
        time.sleep(0.001)


def every(rows):
    """`rows`, giving way every EVERY of them."""
    for number, row in enumerate(rows, start=1):
        if not number % EVERY:
            give_way()
        yield row
